public import VennSchema

/// The kind of value a flag or field takes, as people are told about it in
/// help texts and error messages.
public enum ValueKind: Sendable, Hashable, CaseIterable {
    /// Free text.
    case text
    /// A whole number.
    case integer
    /// A number, possibly with a fraction.
    case number
    /// Yes or no.
    case boolean
    /// A comma-separated list.
    case list
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A date and time, ISO 8601.
    case dateTime
    /// An e-mail address.
    case email
    /// The id of a record (a UUID).
    case id
    /// A JSON object.
    case object
    /// JSON `null`.
    case null

    /// The kind of value `field` holds.
    public init(_ field: FieldSchema) {
        switch field.kind {
        case .integer: self = .integer
        case .number: self = .number
        case .boolean: self = .boolean
        case .array: self = .list
        case .any: self = .text
        case .string:
            switch field.string.format {
            case .date: self = .date
            case .dateTime: self = .dateTime
            case .email: self = .email
            case .uuid: self = .id
            case nil: self = field.reference == nil ? .text : .id
            }
        }
    }

    /// The kind named by a JSON Schema `type` or `format`, such as `integer`
    /// or `date-time`; nil for names it does not know.
    public init?(schemaName: String) {
        switch schemaName {
        case "string": self = .text
        case "integer": self = .integer
        case "number": self = .number
        case "boolean": self = .boolean
        case "array": self = .list
        case "object": self = .object
        case "null": self = .null
        case "date": self = .date
        case "date-time": self = .dateTime
        case "email": self = .email
        case "uuid": self = .id
        default: return nil
        }
    }
}
