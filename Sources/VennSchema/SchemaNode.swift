/// A JSON value from a schema file that keeps object members in the order the
/// file declares them.
///
/// Field order is part of a schema: help screens and validation output list
/// fields in it. Foundation's JSON parsers forget it, so schema files go
/// through this small parser instead.
enum SchemaNode: Sendable {
    /// One member of an object.
    struct Member: Sendable {
        var key: String
        var value: SchemaNode
    }

    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([SchemaNode])
    case object([Member])

    /// The member named `key`, if this is an object that has it.
    subscript(key: String) -> SchemaNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The same value as a record field holds it.
    var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .array(let elements): .array(elements.map(\.jsonValue))
        case .object(let members):
            .object(Dictionary(members.map { ($0.key, $0.value.jsonValue) }) { first, _ in first })
        }
    }

    /// The name of the JSON type, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

// MARK: - Parsing

/// Why schema text is not JSON, with the line and column where it went wrong.
struct SchemaSyntaxError: Error, Sendable, CustomStringConvertible {
    var message: String
    var line: Int
    var column: Int

    var description: String {
        "line \(line), column \(column): \(message)"
    }
}

extension SchemaNode {
    /// Parses JSON text (RFC 8259), rejecting repeated object keys.
    ///
    /// - Throws: `SchemaSyntaxError` at the first mistake.
    init(parsing bytes: some Collection<UInt8>) throws(SchemaSyntaxError) {
        var parser = SchemaNodeParser(bytes: Array(bytes))
        self = try parser.parseDocument()
    }
}

/// A recursive-descent JSON parser over UTF-8 bytes.
private struct SchemaNodeParser {
    let bytes: [UInt8]
    var index = 0
    /// Nesting depth, bounded so hostile input cannot exhaust the stack.
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(SchemaSyntaxError) -> SchemaNode {
        // A UTF-8 byte order mark is tolerated, as editors sometimes add one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    // MARK: Values

    mutating func parseValue() throws(SchemaSyntaxError) -> SchemaNode {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("expected a JSON value")
        }
    }

    mutating func parseObject() throws(SchemaSyntaxError) -> SchemaNode {
        try enter()
        defer { depth -= 1 }
        index += 1  // {
        var members: [SchemaNode.Member] = []

        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a member name in quotes")
            }
            let keyStart = index
            let key = try parseString()
            // Schema objects are small: a scan is cheaper than hashing.
            guard !members.contains(where: { $0.key == key }) else {
                index = keyStart
                throw failure("the member '\(key)' appears twice")
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else {
                throw failure("expected ':' after a member name")
            }
            members.append(SchemaNode.Member(key: key, value: try parseValue()))

            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return .object(members) }
            throw failure("expected ',' or '}' in an object")
        }
    }

    mutating func parseArray() throws(SchemaSyntaxError) -> SchemaNode {
        try enter()
        defer { depth -= 1 }
        index += 1  // [
        var elements: [SchemaNode] = []

        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            throw failure("expected ',' or ']' in an array")
        }
    }

    mutating func parseNumber() throws(SchemaSyntaxError) -> SchemaNode {
        let start = index
        var isInteger = true
        _ = consume(UInt8(ascii: "-"))

        // Integer part: 0, or a non-zero digit and more digits.
        if consume(UInt8(ascii: "0")) {
            if index < bytes.count, isDigit(bytes[index]) {
                throw failure("a number cannot start with 0")
            }
        } else {
            guard skipDigits() > 0 else { throw failure("expected a digit") }
        }
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            guard skipDigits() > 0 else { throw failure("expected a digit after '.'") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            isInteger = false
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard skipDigits() > 0 else { throw failure("expected a digit in the exponent") }
        }

        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else {
            throw failure("the number is out of range")
        }
        return .double(value)
    }

    mutating func parseString() throws(SchemaSyntaxError) -> String {
        index += 1  // opening quote
        // Most strings have no escapes: take their bytes whole.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
            bytes[end] >= 0x20
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let start = index
            index = end + 1
            guard let text = String(validating: bytes[start..<end], as: UTF8.self) else {
                throw failure("the string is not valid UTF-8")
            }
            return text
        }
        var utf8: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw failure("the string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                utf8.append(contentsOf: try parseEscape())
            case 0..<0x20:
                throw failure("a control character must be escaped in a string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw failure("the string has no closing quote")
    }

    /// Parses the escape after a backslash and returns its UTF-8 bytes.
    mutating func parseEscape() throws(SchemaSyntaxError) -> [UInt8] {
        guard index < bytes.count else { throw failure("unexpected end of text in an escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return [byte]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "u"): break
        default: throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }

        // \uXXXX, where a high surrogate must be followed by \uXXXX with a
        // low one.
        var value = try parseHexQuad()
        if (0xD800...0xDBFF).contains(value) {
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
                throw failure("a high surrogate must be followed by a low one")
            }
            let low = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw failure("expected a low surrogate") }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw failure("a lone surrogate is not a character")
        }
        return Array(String(Character(scalar)).utf8)
    }

    mutating func parseHexQuad() throws(SchemaSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("expected four hex digits") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = hexValue(byte) else { throw failure("expected four hex digits") }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    // MARK: Helpers

    mutating func enter() throws(SchemaSyntaxError) {
        depth += 1
        guard depth <= 64 else { throw failure("the value nests too deeply") }
    }

    mutating func expectWord(_ word: String) throws(SchemaSyntaxError) {
        guard bytes[index...].starts(with: word.utf8) else {
            throw failure("expected a JSON value")
        }
        index += word.utf8.count
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// An error at the current position, with a 1-based line and column.
    func failure(_ message: String) -> SchemaSyntaxError {
        let end = min(index, bytes.count)
        var line = 1
        var lineStart = 0
        for offset in 0..<end where bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        return SchemaSyntaxError(message: message, line: line, column: end - lineStart + 1)
    }
}
