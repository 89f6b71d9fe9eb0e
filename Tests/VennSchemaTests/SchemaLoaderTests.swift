import Foundation
import Testing
import VennSchema

/// `SchemaSet.init(version:files:)`: what it reads and what it refuses.
struct SchemaLoaderTests {
    /// A schema change and the error code it must cause.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var properties: String
        var sensitivity = "org"
        var extra = ""
        var code: SchemaLoadError.Code
    }

    static let breakages: [Breakage] = [
        Breakage(
            testDescription: "a field without x-merge",
            properties: #""name": {"type": "string"}"#,
            code: .missingMergeRule
        ),
        Breakage(
            testDescription: "an unknown merge rule",
            properties: #""name": {"type": "string", "x-merge": "newest"}"#,
            code: .unknownMergeRule
        ),
        Breakage(
            testDescription: "a sealed field merged by max",
            properties: #""age": {"type": "integer", "x-merge": "max"}"#,
            sensitivity: "personal",
            code: .sealedMergeRule
        ),
        Breakage(
            testDescription: "a sealed set merged by union",
            properties:
                #""tags": {"type": "array", "items": {"type": "string"}, "x-merge": "union"}"#,
            sensitivity: "health",
            code: .sealedMergeRule
        ),
        Breakage(
            testDescription: "a field sealed by its own sensitivity merged by min",
            properties: #""age": {"type": "integer", "x-merge": "min", "x-sensitivity": "health"}"#,
            code: .sealedMergeRule
        ),
        Breakage(
            testDescription: "forward on a string without an enum",
            properties: #""status": {"type": "string", "x-merge": "forward"}"#,
            code: .mergeRuleMismatch
        ),
        Breakage(
            testDescription: "union on a string",
            properties: #""name": {"type": "string", "x-merge": "union"}"#,
            code: .mergeRuleMismatch
        ),
        Breakage(
            testDescription: "max on an array",
            properties:
                #""tags": {"type": "array", "items": {"type": "string"}, "x-merge": "max"}"#,
            code: .mergeRuleMismatch
        ),
        Breakage(
            testDescription: "an x-list column that is no field",
            properties: #""name": {"type": "string", "x-merge": "lww"}"#,
            extra: #""x-list": ["name", "nickname"],"#,
            code: .unknownListColumn
        ),
        Breakage(
            testDescription: "a required field that is no field",
            properties: #""name": {"type": "string", "x-merge": "lww"}"#,
            extra: #""required": ["nickname"],"#,
            code: .unknownRequiredField
        ),
        Breakage(
            testDescription: "a reference to no collection",
            properties:
                #""owner": {"type": "string", "format": "uuid", "x-ref": "owner", "x-merge": "lww"}"#,
            code: .unknownReference
        ),
        Breakage(
            testDescription: "a reference on a field that holds no ids",
            properties: #""owner": {"type": "string", "x-ref": "note", "x-merge": "lww"}"#,
            code: .invalidDeclaration
        ),
        Breakage(
            testDescription: "a required field that allows null",
            properties: #""name": {"type": ["string", "null"], "x-merge": "lww"}"#,
            extra: #""required": ["name"],"#,
            code: .invalidDeclaration
        ),
        Breakage(
            testDescription: "a nullable enum that does not list null",
            properties: #""kind": {"type": ["string", "null"], "enum": ["a"], "x-merge": "lww"}"#,
            code: .invalidDeclaration
        ),
        Breakage(
            testDescription: "an object type",
            properties: #""data": {"type": "object", "x-merge": "lww"}"#,
            code: .invalidDeclaration
        ),
        Breakage(
            testDescription: "a string keyword on an integer",
            properties: #""age": {"type": "integer", "maxLength": 3, "x-merge": "lww"}"#,
            code: .invalidDeclaration
        ),
        Breakage(
            testDescription: "a keyword the validator would skip",
            properties: #""age": {"type": "integer", "multipleOf": 5, "x-merge": "lww"}"#,
            code: .unsupportedKeyword
        ),
        Breakage(
            testDescription: "additionalProperties, which would drop newer fields",
            properties: #""name": {"type": "string", "x-merge": "lww"}"#,
            extra: #""additionalProperties": false,"#,
            code: .unsupportedKeyword
        ),
        Breakage(
            testDescription: "an unknown format",
            properties: #""site": {"type": "string", "format": "uri", "x-merge": "lww"}"#,
            code: .unsupportedKeyword
        ),
        Breakage(
            testDescription: "a broken pattern",
            properties: #""code": {"type": "string", "pattern": "^[a-z", "x-merge": "lww"}"#,
            code: .invalidPattern
        ),
        Breakage(
            testDescription: "a default that breaks its field",
            properties:
                #""status": {"type": "string", "enum": ["a", "b"], "default": "c", "x-merge": "forward"}"#,
            code: .invalidDefault
        ),
        Breakage(
            testDescription: "a field name that is not snake_case",
            properties: #""birthYear": {"type": "integer", "x-merge": "lww"}"#,
            code: .invalidDeclaration
        ),
        Breakage(
            testDescription: "an unknown sensitivity",
            properties: #""name": {"type": "string", "x-merge": "lww", "x-sensitivity": "secret"}"#,
            code: .invalidDeclaration
        ),
        Breakage(
            testDescription: "minLength above maxLength",
            properties:
                #""name": {"type": "string", "minLength": 5, "maxLength": 2, "x-merge": "lww"}"#,
            code: .invalidDeclaration
        ),
    ]

    @Test(arguments: breakages)
    func refusesABrokenInvariant(_ breakage: Breakage) {
        let file = Fixtures.schemaFile(
            "note",
            properties: breakage.properties,
            sensitivity: breakage.sensitivity,
            extra: breakage.extra
        )

        #expect {
            try SchemaSet(version: 1, files: [file])
        } throws: { error in
            let error = error as? SchemaLoadError
            return error?.code == breakage.code && error?.file == "note.json"
        }
    }

    @Test func acceptsTheSameFieldsWhenNothingIsBroken() throws {
        let file = Fixtures.schemaFile(
            "note",
            properties: """
                "name": {"type": "string", "x-merge": "lww"},
                "owner": {"type": "string", "format": "uuid", "x-ref": "note", "x-merge": "lww"},
                "tags": {"type": "array", "items": {"type": "string"}, "x-merge": "union", "x-sensitivity": "org"},
                "age": {"type": "integer", "x-merge": "max", "x-sensitivity": "org"}
                """,
            sensitivity: "personal",
            extra:
                #""x-list": ["name"], "required": ["name"], "x-future-annotation": {"kept": true},"#
        )

        let schemas = try SchemaSet(version: 3, files: [file])
        let note = try #require(schemas.collection(named: "note"))

        #expect(schemas.version == 3)
        #expect(note.fields.map(\.name) == ["name", "owner", "tags", "age"])
        #expect(note.fields.map(\.sensitivity) == [.personal, .personal, .org, .org])
        #expect(note.field(named: "owner")?.reference == "note")
        #expect(note.required == ["name"])
        #expect(note.listColumns == ["name"])
    }

    @Test func readsEveryDeclarationIntoTheField() throws {
        let schemas = try Fixtures.sampleSet()
        let sample = try #require(schemas.collection(named: "sample"))

        let name = try #require(sample.field(named: "name"))
        #expect(name.kind == .string && !name.isNullable)
        #expect(name.string.minLength == 2 && name.string.maxLength == 5)

        let kind = try #require(sample.field(named: "kind"))
        #expect(kind.isNullable && kind.string.allowed == ["a", "b"])

        let tags = try #require(sample.field(named: "tags"))
        #expect(tags.kind == .array && tags.itemKind == .string && tags.requiresUniqueItems)
        #expect(tags.minItems == 1 && tags.maxItems == 2 && tags.merge == .union)

        let numbers = try #require(sample.field(named: "numbers"))
        #expect(numbers.itemKind == .integer && numbers.minimum == 1)

        let status = try #require(sample.field(named: "status"))
        #expect(status.defaultValue == "new" && status.merge == .forward)

        #expect(sample.field(named: "anything")?.kind == .any)
        #expect(sample.field(named: "at")?.string.format == .dateTime)
    }

    @Test func refusesTwoFilesForOneCollection() {
        let file = Fixtures.schemaFile(
            "note",
            properties: #""name": {"type": "string", "x-merge": "lww"}"#
        )

        #expect {
            try SchemaSet(version: 1, files: [file, file])
        } throws: { error in
            (error as? SchemaLoadError)?.code == .duplicateCollection
        }
    }

    @Test func refusesACollectionNamedUnlikeItsFile() {
        var file = Fixtures.schemaFile(
            "note",
            properties: #""name": {"type": "string", "x-merge": "lww"}"#
        )
        file.name = "memo.json"

        #expect {
            try SchemaSet(version: 1, files: [file])
        } throws: { error in
            (error as? SchemaLoadError)?.code == .invalidDeclaration
        }
    }

    @Test(arguments: ["{", #"{"a": 1,}"#, #"{"a": 1, "a": 2}"#, "[1] 2", #"{"a": "\x"}"#, ""])
    func refusesMalformedJSON(_ text: String) {
        #expect {
            try SchemaSet(version: 1, files: [(name: "note.json", data: Data(text.utf8))])
        } throws: { error in
            (error as? SchemaLoadError)?.code == .malformedJSON
        }
    }

    @Test func refusesAVersionBelowOne() {
        #expect {
            try SchemaSet(version: 0, files: [])
        } throws: { error in
            (error as? SchemaLoadError)?.code == .invalidVersion
        }
    }

    @Test func namesTheFileAndFieldInTheMessage() throws {
        let file = Fixtures.schemaFile(
            "note",
            properties: #""age": {"type": "integer", "x-merge": "union"}"#
        )

        let error = try #require(throws: SchemaLoadError.self) {
            try SchemaSet(version: 1, files: [file])
        }

        #expect(error.description == "note.json: field 'age': union needs an array")
        #expect(error.code.description == "mergeRuleMismatch")
    }
}
