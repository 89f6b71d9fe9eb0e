/// A command line split into positional arguments and options, in the order
/// given.
///
/// Parsing is driven by declarations of the options that are allowed, so
/// global options and the flags derived from a collection's schema can be
/// combined:
///
/// ```swift
/// let flags = RecordFlags(collection: volunteer)
/// let arguments = try ArgumentList(
///     parsing: ["volunteer", "--name", "Kari", "--is-minor", "--json"],
///     declarations: OptionDeclaration.global + flags.declarations(for: .add),
///     collection: SchemaLabel(volunteer)
/// )
/// ```
///
/// Accepted forms: `--name VALUE`, `--name=VALUE`, switches (`--json`, `-h`),
/// boolean flags alone or as `--flag=VALUE`, and `--` after which every
/// argument is positional. A value that itself starts with `--` must be given
/// as `--name=VALUE`.
public struct ArgumentList: Sendable, Hashable {
    /// One parsed argument.
    public enum Element: Sendable, Hashable {
        /// An argument that is not an option.
        case positional(String)
        /// An option by its long name (no dashes), with its value if it has
        /// one.
        case option(name: String, value: String?)
    }

    /// Every argument, in the order given.
    public private(set) var elements: [Element]

    /// Parses `arguments` (without the program name).
    ///
    /// - Parameters:
    ///   - arguments: The raw arguments.
    ///   - declarations: The options allowed. When two share a name, the
    ///     first wins.
    ///   - collection: The collection whose flags are among the
    ///     declarations, so an unknown flag is reported as unknown for it.
    /// - Throws: `CLIError` (usage) for an unknown option, a missing value,
    ///   or a value given to a switch.
    public init(
        parsing arguments: [String],
        declarations: [OptionDeclaration],
        collection: SchemaLabel? = nil
    ) throws(CLIError) {
        var parser = Parser(declarations: declarations)
        elements = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1

            guard !parser.isPastOptions, Parser.looksLikeOption(argument) else {
                elements.append(.positional(argument))
                continue
            }
            if argument == "--" {
                parser.isPastOptions = true
                continue
            }

            guard let (declaration, inlineValue) = parser.declaration(for: argument) else {
                throw parser.unknownOptionError(argument, collection: collection)
            }
            let value = try parser.value(
                for: declaration,
                spelled: argument,
                inlineValue: inlineValue,
                next: index < arguments.endIndex ? arguments[index] : nil,
                consumed: &index
            )
            elements.append(.option(name: declaration.name, value: value))
        }
    }

    /// The positional arguments, read leniently: unknown options are skipped
    /// as if they took no value, and options with missing values are ignored.
    ///
    /// Use it to find the command and collection before the collection's
    /// flags are known; then parse strictly with them.
    public static func leadingPositionals(
        in arguments: [String],
        declarations: [OptionDeclaration]
    ) -> [String] {
        var parser = Parser(declarations: declarations)
        var positionals: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if parser.isPastOptions || !Parser.looksLikeOption(argument) {
                positionals.append(argument)
            } else if argument == "--" {
                parser.isPastOptions = true
            } else if let (declaration, inlineValue) = parser.declaration(for: argument) {
                _ = try? parser.value(
                    for: declaration,
                    spelled: argument,
                    inlineValue: inlineValue,
                    next: index < arguments.endIndex ? arguments[index] : nil,
                    consumed: &index
                )
            }
        }
        return positionals
    }
}

// MARK: - Reading

extension ArgumentList {
    /// The positional arguments, in order.
    public var positionals: [String] {
        elements.compactMap {
            if case .positional(let argument) = $0 { return argument }
            return nil
        }
    }

    /// The options, in order, by long name.
    public var options: [(name: String, value: String?)] {
        elements.compactMap {
            if case .option(let name, let value) = $0 { return (name, value) }
            return nil
        }
    }

    /// Whether the option named `name` was given.
    public func contains(_ name: String) -> Bool {
        options.contains { $0.name == name }
    }

    /// The value of the last `name` option given.
    public func value(of name: String) -> String? {
        options.last { $0.name == name && $0.value != nil }?.value
    }

    /// The values of every `name` option, in order.
    public func values(of name: String) -> [String] {
        options.compactMap { $0.name == name ? $0.value : nil }
    }
}

// MARK: - Parser

/// The declarations indexed by spelling, and the rules for values.
private struct Parser {
    var long: [String: OptionDeclaration] = [:]
    var short: [Character: OptionDeclaration] = [:]
    /// Long names in declaration order, so suggestions prefer earlier ones.
    var names: [String] = []
    var isPastOptions = false

    init(declarations: [OptionDeclaration]) {
        for declaration in declarations {
            if long[declaration.name] == nil {
                long[declaration.name] = declaration
                names.append(declaration.name)
            }
            if let letter = declaration.shortName, short[letter] == nil {
                short[letter] = declaration
            }
        }
    }

    /// `-x` and `--x` are options; `-` alone (standard input) and negative
    /// numbers are not.
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument.count > 1 else { return false }
        if argument.hasPrefix("--") { return true }
        return !argument.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The declaration `argument` spells, and the value after `=` if any.
    func declaration(for argument: String) -> (OptionDeclaration, String?)? {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let name = body.prefix { $0 != "=" }
            let inlineValue = name.endIndex < body.endIndex
                ? String(body[body.index(after: name.endIndex)...])
                : nil
            return long[String(name)].map { ($0, inlineValue) }
        }
        let body = argument.dropFirst()
        guard body.count == 1, let letter = body.first else { return nil }
        return short[letter].map { ($0, nil) }
    }

    /// The value an option takes, advancing `index` when it takes the next
    /// argument.
    func value(
        for declaration: OptionDeclaration,
        spelled argument: String,
        inlineValue: String?,
        next: String?,
        consumed index: inout Int
    ) throws(CLIError) -> String? {
        let flag = argument.prefix { $0 != "=" }
        switch declaration.kind {
        case .switch:
            if inlineValue != nil { throw .usage(.unexpectedValue(flag: String(flag))) }
            return nil
        case .boolean:
            if let inlineValue { return inlineValue }
            if let next, OptionDeclaration.booleanWords[next.lowercased()] != nil {
                index += 1
                return next
            }
            return nil
        case .value:
            if let inlineValue { return inlineValue }
            guard let next, !isOptionSpelling(next) else {
                throw .usage(.missingValue(flag: String(flag)))
            }
            index += 1
            return next
        }
    }

    /// Whether `argument` is surely an option rather than a value: `--...`
    /// or a declared short option. `-5` or `-` can be values.
    private func isOptionSpelling(_ argument: String) -> Bool {
        if argument.hasPrefix("--") { return true }
        guard argument.hasPrefix("-"), argument.count == 2, let letter = argument.last else {
            return false
        }
        return short[letter] != nil
    }

    func unknownOptionError(_ argument: String, collection: SchemaLabel?) -> CLIError {
        let spelled = String(argument.prefix { $0 != "=" })
        let typed = spelled.drop { $0 == "-" }
        let suggestion = EditDistance.closest(to: String(typed), among: names).map { "--" + $0 }
        if let collection {
            return .usage(.unknownFlag(spelled, collection: collection, suggestion: suggestion))
        }
        return .usage(.unknownOption(spelled, suggestion: suggestion))
    }
}
