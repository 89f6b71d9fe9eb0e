import Foundation
import VennSchema

/// Paths and schema files shared by the schema tests.
enum Fixtures {
    /// The package's root directory, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // VennSchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Schemas/records` in the package.
    static let recordsDirectory = packageRoot.appending(path: "Schemas/records")

    /// A schema file for the collection `name` with `properties` (the JSON
    /// text of the members, without braces) and optional extra top-level
    /// members (JSON text ending in a comma).
    static func schemaFile(
        _ name: String,
        properties: String,
        sensitivity: String = "org",
        extra: String = ""
    ) -> (name: String, data: Data) {
        let text = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:venn:schema:records:\(name)",
              "type": "object",
              "x-collection": "\(name)",
              "x-sensitivity": "\(sensitivity)",
              \(extra)
              "properties": {\(properties)}
            }
            """
        return (name: "\(name).json", data: Data(text.utf8))
    }

    /// A collection covering every rule the validator checks, in this
    /// declaration order.
    static let sampleProperties = """
        "name": {"type": "string", "minLength": 2, "maxLength": 5, "x-merge": "lww"},
        "code": {"type": ["string", "null"], "pattern": "^[a-z]+$", "x-merge": "lww"},
        "kind": {"type": ["string", "null"], "enum": ["a", "b", null], "x-merge": "lww"},
        "day": {"type": "string", "format": "date", "x-merge": "lww"},
        "at": {"type": "string", "format": "date-time", "x-merge": "lww"},
        "mail": {"type": "string", "format": "email", "x-merge": "lww"},
        "other": {"type": "string", "format": "uuid", "x-merge": "lww", "x-ref": "sample"},
        "count": {"type": "integer", "minimum": 0, "maximum": 10, "x-merge": "max"},
        "ratio": {"type": "number", "minimum": 0.5, "maximum": 1.5, "x-merge": "lww"},
        "flag": {"type": "boolean", "x-merge": "lww"},
        "tags": {
          "type": "array", "items": {"type": "string", "enum": ["x", "y", "z"]},
          "uniqueItems": true, "minItems": 1, "maxItems": 2, "x-merge": "union"
        },
        "numbers": {"type": "array", "items": {"type": "integer", "minimum": 1}, "x-merge": "lww"},
        "anything": {"x-merge": "lww"},
        "status": {
          "type": "string", "enum": ["new", "done"], "default": "new", "x-merge": "forward"
        }
        """

    /// A set with just the sample collection.
    static func sampleSet() throws -> SchemaSet {
        try SchemaSet(
            version: 1,
            files: [
                schemaFile(
                    "sample",
                    properties: sampleProperties,
                    extra: #""required": ["name", "status"],"#
                )
            ]
        )
    }
}
