import Testing
import VennSchema

/// `SchemaSet.validate(collection:id:fields:isPartial:)`.
struct ValidationTests {
    /// The smallest valid record of the sample collection.
    static let base: [String: JSONValue] = ["name": "Kari", "status": "new"]

    /// One value and the issues it must give, as pointer and expectation.
    struct Case: Sendable, CustomTestStringConvertible {
        var field: String
        var value: JSONValue
        var expected: [(String, ValidationIssue.Expectation)]

        var testDescription: String { "\(field) = \(value.canonicalText)" }

        static func valid(_ field: String, _ value: JSONValue) -> Case {
            Case(field: field, value: value, expected: [])
        }

        static func invalid(
            _ field: String,
            _ value: JSONValue,
            _ expected: ValidationIssue.Expectation,
            at pointer: String? = nil
        ) -> Case {
            Case(field: field, value: value, expected: [(pointer ?? "/\(field)", expected)])
        }
    }

    static let cases: [Case] = [
        // Types
        .valid("name", "Ola"),
        .invalid("name", 12, .type("string")),
        .invalid("flag", "yes", .type("boolean")),
        .valid("flag", false),
        .valid("count", 3),
        .valid("count", .double(4.0)),
        .invalid("count", .double(4.5), .type("integer")),
        .invalid("count", "4", .type("integer")),
        .valid("ratio", 1),
        .valid("ratio", .double(0.75)),
        .invalid("ratio", true, .type("number")),
        .invalid("tags", "x", .type("array")),
        .invalid("name", .object(["first": "Kari"]), .type("string")),
        .valid("anything", .object(["any": [1, "two"]])),
        .valid("anything", .null),
        // Null only where allowed; a required field set to null is missing.
        .valid("code", .null),
        .invalid("day", .null, .type("string")),
        .invalid("name", .null, .required),
        // Enums
        .valid("kind", "b"),
        .valid("kind", .null),
        .invalid("kind", "c", .oneOf(["a", "b"])),
        .invalid("status", "old", .oneOf(["new", "done"])),
        // Formats
        .valid("day", "2024-02-29"),
        .invalid("day", "2023-02-29", .format("date")),
        .invalid("day", "2024-13-01", .format("date")),
        .invalid("day", "2024-1-01", .format("date")),
        .valid("at", "2024-05-17T10:15:00Z"),
        .valid("at", "2024-05-17T10:15:00.250+02:00"),
        .invalid("at", "2024-05-17T10:15:00", .format("date-time")),
        .invalid("at", "2024-05-17 10:15:00Z", .format("date-time")),
        .valid("mail", "kari.nordmann@example.no"),
        .invalid("mail", "kari@localhost", .format("email")),
        .invalid("mail", "kari nordmann@example.no", .format("email")),
        .valid("other", "0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6f"),
        .invalid("other", "0190b6e25c1a7d3e9f001a2b3c4d5e6f", .format("uuid")),
        // Patterns search anywhere unless anchored; `$` is the very end.
        .valid("code", "abc"),
        .invalid("code", "abc1", .pattern("^[a-z]+$")),
        .invalid("code", "abc\n", .pattern("^[a-z]+$")),
        // Lengths count characters, not bytes.
        .valid("name", "Øyvår"),
        .valid("name", "e\u{301}e\u{301}"),
        .valid("name", .string(String(repeating: "e\u{301}", count: 5))),
        .invalid("name", .string(String(repeating: "e\u{301}", count: 6)), .maxLength(5)),
        .invalid("name", "K", .minLength(2)),
        .invalid("name", "Kari N", .maxLength(5)),
        // Number bounds
        .valid("count", 10),
        .invalid("count", -1, .minimum(0)),
        .invalid("count", 11, .maximum(10)),
        .invalid("ratio", .double(0.4), .minimum(0.5)),
        .invalid("ratio", .double(1.6), .maximum(1.5)),
        // Arrays
        .valid("tags", ["x", "z"]),
        .invalid("tags", [], .minItems(1)),
        .invalid("tags", ["x", "y", "z"], .maxItems(2)),
        .invalid("tags", ["x", "x"], .uniqueItems),
        .invalid("tags", ["x", "w"], .oneOf(["x", "y", "z"]), at: "/tags/1"),
        .invalid("tags", ["x", 3], .type("string"), at: "/tags/1"),
        .invalid("tags", ["x", .null], .type("string"), at: "/tags/1"),
        .valid("numbers", [1, .double(2.0), 30]),
        .invalid("numbers", [1, 0], .minimum(1), at: "/numbers/1"),
        .invalid("numbers", [1, .double(1.5)], .type("integer"), at: "/numbers/1"),
    ]

    @Test(arguments: cases)
    func reportsExactlyTheExpectedIssue(_ testCase: Case) throws {
        let schemas = try Fixtures.sampleSet()
        var fields = Self.base
        fields[testCase.field] = testCase.value

        let issues = schemas.validate(collection: "sample", id: "rec-1", fields: fields)

        let expected = testCase.expected.map {
            ValidationIssue(collection: "sample", id: "rec-1", pointer: $0.0, expected: $0.1)
        }
        #expect(issues == expected)
    }

    @Test func reportsMissingRequiredFieldsUnlessPartial() throws {
        let schemas = try Fixtures.sampleSet()

        let full = schemas.validate(collection: "sample", id: "a", fields: ["flag": true])
        let partial = schemas.validate(
            collection: "sample",
            id: "a",
            fields: ["flag": true],
            isPartial: true
        )
        let cleared = schemas.validate(
            collection: "sample",
            id: "a",
            fields: ["name": .null],
            isPartial: true
        )

        #expect(
            full == [
                ValidationIssue(
                    collection: "sample",
                    id: "a",
                    pointer: "/name",
                    expected: .required
                ),
                ValidationIssue(
                    collection: "sample",
                    id: "a",
                    pointer: "/status",
                    expected: .required
                ),
            ]
        )
        #expect(partial.isEmpty)
        #expect(
            cleared == [
                ValidationIssue(
                    collection: "sample",
                    id: "a",
                    pointer: "/name",
                    expected: .required
                )
            ]
        )
    }

    @Test func reportsIssuesInFieldDeclarationOrder() throws {
        let schemas = try Fixtures.sampleSet()
        let fields: [String: JSONValue] = [
            "tags": ["x", "x", "q"], "status": "gone", "count": 99, "name": "A", "day": "soon",
        ]

        let pointers = schemas.validate(collection: "sample", id: "a", fields: fields).map(
            \.pointer
        )

        #expect(pointers == ["/name", "/day", "/count", "/tags", "/tags", "/tags/2", "/status"])
    }

    @Test func acceptsFieldsTheSchemaDoesNotDeclare() throws {
        let schemas = try Fixtures.sampleSet()
        var fields = Self.base
        fields["added_by_a_newer_schema"] = .object(["nested": [1, 2]])

        #expect(schemas.validate(collection: "sample", id: "a", fields: fields).isEmpty)
    }

    @Test func reportsAnUnknownCollectionOnce() throws {
        let issues = SchemaSet.embedded.validate(
            collection: "spaceship",
            id: "x",
            fields: ["name": 1]
        )

        #expect(
            issues == [
                ValidationIssue(
                    collection: "spaceship",
                    id: "x",
                    pointer: "",
                    expected: .knownCollection
                )
            ]
        )
    }

    @Test func reportsSeveralRulesOfOneString() throws {
        let schemas = try SchemaSet(
            version: 1,
            files: [
                Fixtures.schemaFile(
                    "note",
                    properties: """
                        "code": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 3, "x-merge": "lww"}
                        """
                )
            ]
        )

        let issues = schemas.validate(collection: "note", id: "n", fields: ["code": "ABCD"])

        #expect(issues.map(\.expected) == [.pattern("^[a-z]+$"), .maxLength(3)])
    }

    static let embeddedCases: [(String, [String: JSONValue], Bool)] = [
        (
            "volunteer",
            [
                "name": "Kari Nordmann", "status": "ready", "phone": "+47 912 34 567",
                "interests": ["walk", "music"], "availability": ["tue-evening"],
            ], true
        ),
        ("volunteer", ["name": "Kari Nordmann", "status": "ready", "phone": "912"], false),
        (
            "volunteer",
            ["name": "Kari Nordmann", "status": "ready", "availability": ["tue-night"]], false
        ),
        ("volunteer", ["name": "Kari Nordmann", "status": "ready", "birth_year": 1899], false),
        ("municipality", ["number": "0301", "name": "Oslo"], true),
        ("municipality", ["number": "301", "name": "Oslo"], false),
        ("person", ["name": "Per", "status": "mapped", "residence": "day_centre"], true),
    ]

    @Test(arguments: embeddedCases)
    func checksTheEmbeddedSchemas(collection: String, fields: [String: JSONValue], isValid: Bool) {
        let issues = SchemaSet.embedded.validate(collection: collection, id: "r", fields: fields)
        #expect(issues.isEmpty == isValid, "\(issues)")
    }

    @Test func validatesConcurrentlyFromManyTasks() async throws {
        let schemas = try Fixtures.sampleSet()
        let fields: [String: JSONValue] = [
            "name": "Kari", "status": "new", "code": "abc1", "tags": ["x", "w"],
        ]

        let results = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var count = 0
                    for _ in 0..<500 {
                        count +=
                            schemas.validate(collection: "sample", id: "a", fields: fields).count
                    }
                    return count
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(results == Array(repeating: 1_000, count: 8))
    }
}
