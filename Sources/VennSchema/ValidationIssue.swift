/// One reason a record does not fit its schema.
///
/// It names the record and the field as a JSON pointer, and says what was
/// expected in terms a program can localise.
public struct ValidationIssue: Sendable, Hashable, Codable {
    /// What the schema expected of the value.
    public enum Expectation: Sendable, Hashable, Codable {
        /// The field must be present.
        case required
        /// A value of this JSON type (`string`, `integer`, ...).
        case type(String)
        /// One of these values.
        case oneOf([String])
        /// A string in this format (`date`, `date-time`, `email`, `uuid`).
        case format(String)
        /// A string matching this regular expression.
        case pattern(String)
        case minLength(Int)
        case maxLength(Int)
        case minimum(Double)
        case maximum(Double)
        case minItems(Int)
        case maxItems(Int)
        /// Array elements without repeats.
        case uniqueItems
        /// The collection is not declared.
        case knownCollection
    }

    public var collection: String
    public var id: String
    /// The field as a JSON pointer, e.g. `/interests/2`; empty for the record.
    public var pointer: String
    public var expected: Expectation

    public init(collection: String, id: String, pointer: String, expected: Expectation) {
        self.collection = collection
        self.id = id
        self.pointer = pointer
        self.expected = expected
    }
}
