public import Foundation

/// The record schemas of one schema version, as both client and server use
/// them.
public struct SchemaSet: Sendable {
    /// The version of the schema set (`Schemas/VERSION`).
    public let version: Int
    /// The collections by name.
    public let collections: [String: CollectionSchema]

    /// The schemas this program was built with.
    public static let embedded: SchemaSet = {
        fatalError("not yet written")
    }()

    /// Parses schema files.
    ///
    /// - Parameters:
    ///   - version: The schema set's version.
    ///   - files: Each file's name and JSON bytes.
    /// - Throws: `SchemaLoadError` naming the file and what is wrong.
    public init(version: Int, files: [(name: String, data: Data)]) throws {
        fatalError("not yet written")
    }

    /// The collection named `name`.
    public func collection(named name: String) -> CollectionSchema? {
        collections[name]
    }

    /// Checks a record's fields against its collection's schema.
    ///
    /// - Parameters:
    ///   - fields: The record's fields. Fields the schema does not declare
    ///     are accepted untouched (they may come from a newer schema).
    ///   - isPartial: Whether `fields` is a change to an existing record, so
    ///     absent required fields are not reported.
    /// - Returns: Every issue found, in field order; empty when valid.
    public func validate(
        collection: String,
        id: String,
        fields: [String: JSONValue],
        isPartial: Bool = false
    ) -> [ValidationIssue] {
        fatalError("not yet written")
    }
}
