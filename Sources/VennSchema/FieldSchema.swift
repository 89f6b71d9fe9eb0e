/// The declaration of one field of a record collection.
public struct FieldSchema: Sendable, Hashable {
    /// The kind of JSON value a field holds.
    public enum Kind: String, Sendable, Hashable {
        case string
        case integer
        case number
        case boolean
        /// An array of strings; `items` constrains each element.
        case array
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
        public var allowed: [String]?
        public var format: Format?
        public var pattern: String?
        public var minLength: Int?
        public var maxLength: Int?

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
    public var kind: Kind
    /// Whether `null` is also accepted.
    public var isNullable: Bool
    /// Rules for a string, or for each element of an array.
    public var string: StringRules
    public var minimum: Double?
    public var maximum: Double?
    public var minItems: Int?
    public var maxItems: Int?
    public var merge: MergeRule
    public var sensitivity: Sensitivity
    /// The collection an id in this field refers to (`x-ref`).
    public var reference: String?
    /// The value a new record gets when none is given (`default`).
    public var defaultValue: JSONValue?
    /// Labels for people by language code (`x-labels`, "en" and "nb").
    public var labels: [String: String]
    /// One-line help by language code (`x-help`, "en" and "nb").
    public var help: [String: String]

    public init(
        name: String,
        kind: Kind,
        isNullable: Bool = false,
        string: StringRules = StringRules(),
        minimum: Double? = nil,
        maximum: Double? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        merge: MergeRule = .lww,
        sensitivity: Sensitivity = .org,
        reference: String? = nil,
        defaultValue: JSONValue? = nil,
        labels: [String: String] = [:],
        help: [String: String] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.isNullable = isNullable
        self.string = string
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.maxItems = maxItems
        self.merge = merge
        self.sensitivity = sensitivity
        self.reference = reference
        self.defaultValue = defaultValue
        self.labels = labels
        self.help = help
    }

    /// The label in `language` ("en" or "nb"), falling back to English and
    /// then to the field's name.
    public func label(in language: String) -> String {
        labels[language] ?? labels["en"] ?? name
    }
}
