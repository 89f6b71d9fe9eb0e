public import Foundation

/// The record schemas of one schema version, as both client and server use
/// them.
///
/// Loading checks every convention of `Schemas/records/*.json` and prepares
/// each field's checks, so `validate(collection:id:fields:isPartial:)` only
/// compares. A `SchemaSet` is immutable and safe to share between threads.
///
/// ```swift
/// let schemas = SchemaSet.embedded
/// let issues = schemas.validate(
///     collection: "volunteer",
///     id: "0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6f",
///     fields: ["name": .string("Kari Nordmann"), "status": .string("ready")]
/// )
/// ```
public struct SchemaSet: Sendable {
    /// The version of the schema set (`Schemas/VERSION`).
    public let version: Int
    /// The collections by name.
    public let collections: [String: CollectionSchema]
    /// The prepared checks of each collection, found by name through
    /// `validatorPositions`.
    private let validators: [CollectionValidator]
    private let validatorPositions: NameTable

    /// The schemas this program was built with.
    ///
    /// - Precondition: The embedded schema files load. A build whose
    ///   `Schemas/` break a convention traps on first use, naming the file
    ///   and the mistake; the schema tests catch that before a release.
    public static let embedded: SchemaSet = {
        let files = EmbeddedSchemas.files.map { file in
            guard let data = Data(base64Encoded: file.base64) else {
                fatalError(
                    "The embedded schema \(file.name) is not valid base64; rebuild the package."
                )
            }
            return (name: file.name, data: data)
        }
        do {
            return try SchemaSet(version: EmbeddedSchemas.version, files: files)
        } catch {
            // A programmer error: the build embedded schemas that break the
            // conventions, and no program can run without its schemas.
            fatalError("The embedded record schemas do not load: \(error)")
        }
    }()

    /// Parses schema files.
    ///
    /// - Parameters:
    ///   - version: The schema set's version.
    ///   - files: Each file's name (`volunteer.json`) and JSON bytes.
    /// - Throws: `SchemaLoadError` naming the file and what is wrong.
    public init(version: Int, files: [(name: String, data: Data)]) throws {
        guard version >= 1 else {
            throw SchemaLoadError(
                code: .invalidVersion,
                file: "VERSION",
                message: "the version must be 1 or more"
            )
        }

        // Each file on its own; compiled patterns are shared across files.
        var patterns: [String: SchemaPattern] = [:]
        var collections: [String: CollectionSchema] = [:]
        for file in files {
            var parser = CollectionParser(file: file.name, patterns: patterns)
            let collection = try parser.parse(file.data)
            patterns = parser.patterns
            guard collections[collection.name] == nil else {
                throw SchemaLoadError(
                    code: .duplicateCollection,
                    file: file.name,
                    message: "the collection '\(collection.name)' is declared twice"
                )
            }
            collections[collection.name] = collection
        }

        // References between files.
        for collection in collections.values.sorted(by: { $0.name < $1.name }) {
            for field in collection.fields {
                guard let target = field.reference, collections[target] == nil else { continue }
                throw SchemaLoadError(
                    code: .unknownReference,
                    file: collection.name + ".json",
                    message:
                        "field '\(field.name)': x-ref names '\(target)', which is not a collection"
                )
            }
        }

        self.version = version
        self.collections = collections
        let sorted = collections.values.sorted { $0.name < $1.name }
        self.validators = sorted.map { CollectionValidator(collection: $0, patterns: patterns) }
        self.validatorPositions = NameTable(names: sorted.map(\.name))
    }

    /// The collection named `name`.
    public func collection(named name: String) -> CollectionSchema? {
        collections[name]
    }

    /// Every collection, sorted by name.
    public var sortedCollections: [CollectionSchema] {
        collections.values.sorted { $0.name < $1.name }
    }

    /// Checks a record's fields against its collection's schema.
    ///
    /// Checks types (an integer field also takes a whole number written as
    /// a double), `null` (only where a field allows it; a required field set
    /// to `null` counts as missing), required fields, enums, formats,
    /// lengths in characters, patterns (found anywhere in the string, as in
    /// JSON Schema), number bounds, and array sizes, uniqueness and elements
    /// (pointed at as `/field/index`).
    ///
    /// - Parameters:
    ///   - collection: The record's collection; an unknown one gives a
    ///     single `.knownCollection` issue.
    ///   - id: The record's id, copied into each issue.
    ///   - fields: The record's fields. Fields the schema does not declare
    ///     are accepted untouched (they may come from a newer schema).
    ///   - isPartial: Whether `fields` is a change to an existing record, so
    ///     absent required fields are not reported.
    /// - Returns: Every issue found, in field declaration order; empty when
    ///   valid.
    public func validate(
        collection: String,
        id: String,
        fields: [String: JSONValue],
        isPartial: Bool = false
    ) -> [ValidationIssue] {
        guard let position = validatorPositions.position(of: collection) else {
            return [
                ValidationIssue(
                    collection: collection,
                    id: id,
                    pointer: "",
                    expected: .knownCollection
                )
            ]
        }
        let issues = validators[position].check(fields, isPartial: isPartial)
        guard !issues.found.isEmpty else { return [] }
        return issues.found.map {
            ValidationIssue(
                collection: collection,
                id: id,
                pointer: $0.pointer,
                expected: $0.expected
            )
        }
    }
}
