public import Foundation

/// A JSON value, as records hold their fields.
///
/// Records keep fields as JSON so that fields a newer schema adds survive a
/// trip through an older program untouched.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

// MARK: - Accessors

extension JSONValue {
    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, if this is an integer or a double with no fraction.
    public var intValue: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9e15: return Int64(value)
        default: return nil
        }
    }

    /// The number, if this is an integer or a double.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The Boolean, if this is a Boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member named `key`, if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

// MARK: - Ordering

extension JSONValue: Comparable {
    /// A total order over JSON values, used wherever merging needs a
    /// deterministic choice: null < bool < number < string < array < object.
    public static func < (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.string(let a), .string(let b)): return Array(a.utf8).lexicographicallyPrecedes(b.utf8)
        case (.array(let a), .array(let b)): return a.lexicographicallyPrecedes(b)
        case (.object, .object): return lhs.canonicalText < rhs.canonicalText
        default:
            if let a = lhs.doubleValue, let b = rhs.doubleValue {
                return a != b ? a < b : lhs.rank < rhs.rank
            }
            return lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int: 2
        case .double: 3
        case .string: 4
        case .array: 5
        case .object: 6
        }
    }
}

// MARK: - Codable

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Strings first: they are most of what records hold, and each failed
        // attempt costs an error.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

// MARK: - Text

extension JSONValue {
    /// Parses JSON text.
    ///
    /// - Throws: `JSONParseError` with the byte offset when `data` is not
    ///   JSON.
    public init(parsing data: Data) throws(JSONParseError) {
        self = try JSONParser.parse(data)
    }

    /// Parses JSON text held in a string.
    ///
    /// - Throws: `JSONParseError` with the byte offset when `text` is not
    ///   JSON.
    public init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser.parse(text, keeping: nil)
    }

    /// Parses JSON text, keeping of the outermost object only the members
    /// named in `names`; the others are checked as JSON but not built, which
    /// makes reading a few fields of many records cheap.
    ///
    /// Text that is not an object parses whole.
    ///
    /// - Throws: `JSONParseError` with the byte offset when `text` is not
    ///   JSON.
    public init(parsing text: String, keepingMembers names: [String]) throws(JSONParseError) {
        self = try JSONParser.parse(text, keeping: names)
    }

    /// Compact JSON with object keys sorted, so equal values give equal text.
    public var canonicalText: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let value):
            output += String(value)
        case .double(let value):
            if value.isFinite, value.rounded() == value, abs(value) < 1e15 {
                // Keep the ".0" so the text reads back as a double.
                output += String(Int64(value)) + ".0"
            } else if value.isFinite {
                output += "\(value)"
            } else {
                output += "null"
            }
        case .string(let value):
            Self.writeEscaped(value, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                Self.writeEscaped(key, to: &output)
                output += ":"
                members[key]!.write(to: &output)  // the key comes from the dictionary
            }
            output += "}"
        }
    }

    private static func writeEscaped(_ text: String, to output: inout String) {
        // Most text needs no escaping: append it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output += "\""
            output += text
            output += "\""
            return
        }
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
