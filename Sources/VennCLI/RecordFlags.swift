import Foundation
public import VennSchema

/// The command-line flags of a collection's fields, and how their values
/// become JSON.
///
/// Each field `some_name` is set with `--some-name`. Values are turned into
/// the field's JSON type only: strings as given, integers and numbers parsed
/// strictly, Booleans from yes/no words, arrays from comma-separated items.
/// An enum value may be given by its code or by its label in either language,
/// ignoring case (`--status Påmeldt` sets `enrolled`). Allowed values,
/// formats and ranges are left to the schema validator.
///
/// | field kind | on the command line                         | JSON                 |
/// |------------|---------------------------------------------|----------------------|
/// | string     | `--name "Kari Nordmann"`                     | `"Kari Nordmann"`    |
/// | integer    | `--birth-year 1950`                          | `1950`               |
/// | number     | `--amount 12.5`                              | `12.5`               |
/// | boolean    | `--is-minor`, `--is-minor=nei`               | `true`, `false`      |
/// | array      | `--interests "tur, musikk"`, `--interests ""` | `["tur","musikk"]`, `[]` |
///
/// On `edit`, `--clear FIELD` (kebab or snake case) sets a nullable field to
/// `null`. A system collection has no flags: people do not write its records.
public struct RecordFlags: Sendable {
    /// The flag of one field.
    public struct Flag: Sendable, Hashable {
        /// The flag's name without dashes: `birth-year`.
        public var name: String
        /// The field it sets.
        public var field: FieldSchema

        /// The flag as typed: `--birth-year`.
        public var spelling: String { "--" + name }

        /// The option the argument parser accepts for it.
        public var declaration: OptionDeclaration {
            OptionDeclaration(name, kind: field.kind == .boolean ? .boolean : .value)
        }
    }

    /// The collection the flags belong to.
    public let collection: CollectionSchema
    /// One flag per field, in the schema's order; empty for a system
    /// collection.
    public let flags: [Flag]

    /// The flags of `collection`'s fields.
    public init(collection: CollectionSchema) {
        self.collection = collection
        flags = collection.isSystem ? [] : collection.fields.map {
            Flag(name: Self.flagName(forField: $0.name), field: $0)
        }
    }

    /// The flag name of a field: underscores become dashes.
    public static func flagName(forField name: String) -> String {
        String(name.map { $0 == "_" ? "-" : $0 })
    }

    /// The flag named `name` (without dashes), if a field has it.
    public func flag(named name: String) -> Flag? {
        flags.first { $0.name == name }
    }

    /// The field called `name` in snake case (`birth_year`) or as a flag
    /// name (`birth-year`).
    public func field(named name: String) -> FieldSchema? {
        collection.field(named: String(name.map { $0 == "-" ? "_" : $0 }))
    }

    /// The options `command` accepts for the collection's fields: the flags
    /// for `add`, the flags and `--clear` for `edit`, none otherwise.
    ///
    /// Put the global options first when combining: a field whose flag
    /// spells like a global option (`--json`) is then reached only as the
    /// global option.
    public func declarations(for command: Command) -> [OptionDeclaration] {
        guard command.takesRecordFlags, !flags.isEmpty else { return [] }
        let fieldOptions = flags.map(\.declaration)
        return command == .edit ? fieldOptions + [.clear] : fieldOptions
    }
}

// MARK: - Values

extension RecordFlags {
    /// The fields the flags in `arguments` set, as JSON.
    ///
    /// Options that are not the collection's flags or `--clear` (such as
    /// `--json`) are ignored. A flag given twice keeps its last value, except
    /// that array items add up.
    ///
    /// - Throws: `CLIError` with exit code `usage` when `--clear` names an
    ///   unknown or non-nullable field, or a field that is also set; with
    ///   `invalidData` and one line per flag when values have the wrong type.
    public func fields(from arguments: ArgumentList) throws(CLIError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        var cleared: Set<String> = []
        var set: Set<String> = []
        var typeErrors: [Message] = []

        for (name, value) in arguments.options {
            if name == OptionDeclaration.clear.name, let typed = value {
                let field = try clearableField(typed)
                cleared.insert(field.name)
                fields[field.name] = .null
                continue
            }
            guard let flag = flag(named: name) else { continue }
            set.insert(flag.field.name)
            do {
                let parsed = try Self.value(value, for: flag.field, flag: flag.spelling)
                let name = flag.field.name
                if case .array(let items) = parsed, case .array(let earlier)? = fields[name] {
                    fields[name] = .array(earlier + items)
                } else {
                    fields[name] = parsed
                }
            } catch {
                typeErrors.append(contentsOf: error.messages)
            }
        }

        let clearedAndSet = cleared.intersection(set)
        if let field = collection.fields.first(where: { clearedAndSet.contains($0.name) }) {
            throw .usage(.clearedAndSet(field: field.name))
        }
        if !typeErrors.isEmpty {
            throw CLIError(.invalidData, typeErrors)
        }
        return fields
    }

    /// The JSON value of `field` from a flag's text.
    ///
    /// - Parameters:
    ///   - text: The value given; nil for a Boolean flag given alone.
    ///   - field: The field the flag sets.
    ///   - flag: The flag as typed, for the error message.
    /// - Throws: `CLIError` (invalid data) when the text is not of the
    ///   field's type.
    public static func value(
        _ text: String?,
        for field: FieldSchema,
        flag: String
    ) throws(CLIError) -> JSONValue {
        let wrongType = CLIError(
            .invalidData,
            .wrongType(flag: flag, value: text ?? "", expected: ValueKind(field))
        )
        switch field.kind {
        case .boolean:
            guard let text else { return .bool(true) }
            guard let isSet = OptionDeclaration.booleanWords[text.lowercased()] else {
                throw wrongType
            }
            return .bool(isSet)
        case .integer:
            guard let text, let number = Int64(text) else { throw wrongType }
            return .int(number)
        case .number:
            guard let text, let number = Self.number(from: text) else { throw wrongType }
            return number
        case .string:
            guard let text else { throw wrongType }
            return .string(field.code(forLabel: text) ?? text)
        case .array:
            guard let text else { throw wrongType }
            let items = text.split(separator: ",")
                .map { $0.trimmingWhitespace() }
                .filter { !$0.isEmpty }
            return .array(try items.map { item throws(CLIError) in
                switch field.itemKind {
                case .integer:
                    guard let number = Int64(item) else { throw wrongType }
                    return .int(number)
                case .number:
                    guard let number = Self.number(from: item) else { throw wrongType }
                    return number
                default:
                    return .string(field.code(forLabel: item) ?? item)
                }
            })
        case .any:
            // Any JSON value; text that is not JSON is taken as a string.
            guard let text else { throw wrongType }
            return (try? JSONValue(parsing: Data(text.utf8))) ?? .string(text)
        }
    }

    /// A decimal number such as `12`, `-3.5` or `1e3`: `.int` when it has no
    /// fraction or exponent.
    ///
    /// Hexadecimal, `inf` and `nan` are refused, and so is a decimal comma:
    /// `1,000` could mean a thousand or one, so it is not guessed at.
    static func number(from text: String) -> JSONValue? {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponent = rest.dropFirst(mantissa.count)

        // The mantissa: digits with at most one decimal point, and a digit.
        let marks = mantissa.filter { $0 == "." }.count
        guard marks <= 1, mantissa.contains(where: \.isASCIIDigit),
              mantissa.allSatisfy({ $0.isASCIIDigit || $0 == "." })
        else { return nil }

        // The exponent: `e`, an optional sign, digits.
        if !exponent.isEmpty {
            var digits = exponent.dropFirst()
            if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        }

        if marks == 0, exponent.isEmpty {
            return Int64(text).map(JSONValue.int)
        }
        guard let number = Double(text), number.isFinite else { return nil }
        return .double(number)
    }

    /// The field `--clear` names, if it exists and may be null.
    private func clearableField(_ typed: String) throws(CLIError) -> FieldSchema {
        guard !flags.isEmpty, let field = field(named: typed) else {
            let names = typed.contains("-") ? flags.map(\.name) : collection.fields.map(\.name)
            let suggestion = EditDistance.closest(to: typed, among: names)
            let label = SchemaLabel(collection)
            throw .usage(.unknownField(typed, collection: label, suggestion: suggestion))
        }
        guard field.isNullable else { throw .usage(.cannotClear(field: typed)) }
        return field
    }
}

extension Character {
    /// Whether this is one of the digits 0 to 9.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Substring {
    /// The text without leading and trailing white space.
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
