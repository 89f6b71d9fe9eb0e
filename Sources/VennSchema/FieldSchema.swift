/// The declaration of one field of a record collection.
public struct FieldSchema: Sendable, Hashable {
    /// The kind of JSON value a field holds.
    public enum Kind: String, Sendable, Hashable {
        case string
        case integer
        case number
        case boolean
        /// An array; `itemKind` and the element rules constrain each element.
        case array
        /// Any JSON value, `null` included (a schema property without
        /// `type`), as the conflict ledger keeps copies of other fields.
        case any
    }

    /// A string format the validator checks.
    public enum Format: String, Sendable, Hashable {
        case date
        case dateTime = "date-time"
        case email
        case uuid
    }

    /// Constraints on a string, or on each element of an array.
    public struct StringRules: Sendable, Hashable {
        /// The values allowed (`enum`), in declared order; `null` is never
        /// listed here (see `isNullable`).
        public var allowed: [String]?
        /// The format the string must have (`format`).
        public var format: Format?
        /// A regular expression the string must contain a match of
        /// (`pattern`; unanchored, as in JSON Schema).
        public var pattern: String?
        /// The least number of characters (`minLength`).
        public var minLength: Int?
        /// The greatest number of characters (`maxLength`).
        public var maxLength: Int?

        /// Declares string rules; every rule is optional.
        public init(
            allowed: [String]? = nil,
            format: Format? = nil,
            pattern: String? = nil,
            minLength: Int? = nil,
            maxLength: Int? = nil
        ) {
            self.allowed = allowed
            self.format = format
            self.pattern = pattern
            self.minLength = minLength
            self.maxLength = maxLength
        }
    }

    /// The field's name, as in the record's JSON (snake_case).
    public var name: String
    /// The JSON type of the value (`type`).
    public var kind: Kind
    /// Whether `null` is also accepted, so the field can be cleared.
    public var isNullable: Bool
    /// Rules for a string, or for each element of an array.
    public var string: StringRules
    /// The least number (`minimum`), for a number or for each element of an
    /// array of numbers.
    public var minimum: Double?
    /// The greatest number (`maximum`), for a number or for each element of
    /// an array of numbers.
    public var maximum: Double?
    /// The least number of elements of an array (`minItems`).
    public var minItems: Int?
    /// The greatest number of elements of an array (`maxItems`).
    public var maxItems: Int?
    /// The JSON type of each element of an array (`items.type`); `.any`
    /// when `items` declares no type.
    public var itemKind: Kind
    /// Whether an array's elements must differ from each other
    /// (`uniqueItems`).
    public var requiresUniqueItems: Bool
    /// How concurrent writes are merged (`x-merge`).
    public var merge: MergeRule
    /// The field's effective sensitivity: its own `x-sensitivity`, or the
    /// collection's.
    public var sensitivity: Sensitivity
    /// The collection an id in this field refers to (`x-ref`).
    public var reference: String?
    /// The value a new record gets when none is given (`default`).
    public var defaultValue: JSONValue?
    /// Labels for people by language code (`x-labels`, "en" and "nb").
    public var labels: [String: String]
    /// One-line help by language code (`x-help`, "en" and "nb").
    public var help: [String: String]
    /// Labels for the enum's codes, for people (`x-enum-labels`): code, then
    /// language code, then label. For an array, the codes of its elements.
    public var valueLabels: [String: [String: String]]

    /// Declares a field; the schema loader builds these from schema files.
    public init(
        name: String,
        kind: Kind,
        isNullable: Bool = false,
        string: StringRules = StringRules(),
        minimum: Double? = nil,
        maximum: Double? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        itemKind: Kind = .string,
        requiresUniqueItems: Bool = false,
        merge: MergeRule = .lww,
        sensitivity: Sensitivity = .org,
        reference: String? = nil,
        defaultValue: JSONValue? = nil,
        labels: [String: String] = [:],
        help: [String: String] = [:],
        valueLabels: [String: [String: String]] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.isNullable = isNullable
        self.string = string
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.maxItems = maxItems
        self.itemKind = itemKind
        self.requiresUniqueItems = requiresUniqueItems
        self.merge = merge
        self.sensitivity = sensitivity
        self.reference = reference
        self.defaultValue = defaultValue
        self.labels = labels
        self.help = help
        self.valueLabels = valueLabels
    }

    /// The one-line help in `language` ("en" or "nb"), falling back to
    /// English and then to an empty string.
    public func help(in language: String) -> String {
        help[language] ?? help["en"] ?? ""
    }

    /// The label in `language` ("en" or "nb"), falling back to English and
    /// then to the field's name.
    public func label(in language: String) -> String {
        labels[language] ?? labels["en"] ?? name
    }

    /// The label of the enum code `code` in `language` ("en" or "nb"),
    /// falling back to English and then to the code itself.
    public func valueLabel(_ code: String, in language: String) -> String {
        guard let labels = valueLabels[code] else { return code }
        return labels[language] ?? labels["en"] ?? code
    }

    /// The enum code whose label, in any language, equals `label` ignoring
    /// case; a code itself matches too. `nil` when none matches, or when
    /// labels of different codes match.
    public func code(forLabel label: String) -> String? {
        guard let allowed = string.allowed else { return nil }
        if allowed.contains(label) { return label }
        let wanted = label.lowercased()
        let matches = allowed.filter { code in
            code.lowercased() == wanted
                || (valueLabels[code]?.values.contains { $0.lowercased() == wanted } ?? false)
        }
        return matches.count == 1 ? matches[0] : nil
    }
}
