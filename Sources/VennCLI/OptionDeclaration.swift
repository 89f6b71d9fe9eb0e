/// An option a command accepts, declared before the command line is parsed
/// so the parser knows which options take values.
public struct OptionDeclaration: Sendable, Hashable {
    /// How an option takes its value.
    public enum Kind: Sendable, Hashable {
        /// Present or absent, never with a value: `--json`, `--help`.
        case `switch`
        /// Needs a value, as `--name VALUE` or `--name=VALUE`.
        case value
        /// Means yes when alone; takes a value only as `--flag=VALUE`, or as
        /// the next argument when that is a yes/no word such as `nei`.
        case boolean
    }

    /// The long name, without dashes: `store` for `--store`.
    public var name: String
    /// A one-letter spelling, without the dash: `h` for `-h`.
    public var shortName: Character?
    /// Whether and how the option takes a value.
    public var kind: Kind

    /// An option spelled `--name` (and `-shortName`).
    public init(_ name: String, shortName: Character? = nil, kind: Kind) {
        self.name = name
        self.shortName = shortName
        self.kind = kind
    }

    /// The long spelling, `--name`.
    public var flag: String { "--" + name }
}

// MARK: - The program's own options

extension OptionDeclaration {
    /// `--store PATH`: the store file.
    public static let store = OptionDeclaration("store", kind: .value)
    /// `--json`: print JSON instead of text.
    public static let json = OptionDeclaration("json", kind: .switch)
    /// `--help`, `-h`: print help.
    public static let help = OptionDeclaration("help", shortName: "h", kind: .switch)
    /// `--group GROUP`: the working group, for `init`.
    public static let group = OptionDeclaration("group", kind: .value)
    /// `--clear FIELD`: empty a field, for `edit`; may be repeated.
    public static let clear = OptionDeclaration("clear", kind: .value)

    /// The options every command accepts.
    public static let global: [OptionDeclaration] = [.store, .json, .help]

    /// The words a `.boolean` option accepts as its value, and their meaning.
    public static let booleanWords: [String: Bool] = [
        "true": true, "false": false,
        "yes": true, "no": false,
        "ja": true, "nei": false,
    ]
}
