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
        /// A string of at least this many characters.
        case minLength(Int)
        /// A string of at most this many characters.
        case maxLength(Int)
        /// A number no less than this.
        case minimum(Double)
        /// A number no greater than this.
        case maximum(Double)
        /// An array of at least this many elements.
        case minItems(Int)
        /// An array of at most this many elements.
        case maxItems(Int)
        /// Array elements without repeats.
        case uniqueItems
        /// The collection is not declared.
        case knownCollection
    }

    /// The record's collection.
    public var collection: String
    /// The record's id.
    public var id: String
    /// The field as a JSON pointer, e.g. `/interests/2`; empty for the record.
    public var pointer: String
    /// What the schema expected there.
    public var expected: Expectation

    /// Describes one issue.
    public init(collection: String, id: String, pointer: String, expected: Expectation) {
        self.collection = collection
        self.id = id
        self.pointer = pointer
        self.expected = expected
    }
}
