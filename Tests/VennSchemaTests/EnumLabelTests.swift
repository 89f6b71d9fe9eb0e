import Foundation
import Testing
import VennSchema

/// `x-enum-labels`: reading labels for enum codes, refusing labels for codes
/// the enum lacks, and the shipped schemas labelling every code.
struct EnumLabelTests {
    static let labelledProperties = """
        "status": {
          "type": ["string", "null"], "enum": ["new", "done", null], "x-merge": "lww",
          "x-enum-labels": {
            "new": {"en": "New", "nb": "Ny"},
            "done": {"en": "Done"}
          }
        },
        "tags": {
          "type": "array", "items": {"type": "string", "enum": ["x", "y"]}, "x-merge": "union",
          "x-enum-labels": {"x": {"en": "Ex", "nb": "Eks"}}
        }
        """

    static func labelledSet() throws -> SchemaSet {
        try SchemaSet(
            version: 1,
            files: [Fixtures.schemaFile("sample", properties: labelledProperties)]
        )
    }

    @Test func readsLabelsByCodeAndLanguage() throws {
        let collection = try #require(try Self.labelledSet().collections["sample"])
        let status = try #require(collection.field(named: "status"))
        let tags = try #require(collection.field(named: "tags"))

        #expect(status.valueLabels == ["new": ["en": "New", "nb": "Ny"], "done": ["en": "Done"]])
        #expect(tags.valueLabels == ["x": ["en": "Ex", "nb": "Eks"]])
    }

    @Test(arguments: [
        ("new", "nb", "Ny"),
        ("new", "en", "New"),
        ("done", "nb", "Done"),
        ("gone", "nb", "gone"),
    ])
    func fallsBackToEnglishThenToTheCode(code: String, language: String, label: String) throws {
        let collection = try #require(try Self.labelledSet().collections["sample"])
        let status = try #require(collection.field(named: "status"))

        #expect(status.valueLabel(code, in: language) == label)
    }

    @Test(arguments: [
        ("Ny", "new"),
        ("ny", "new"),
        ("DONE", "done"),
        ("done", "done"),
        ("Gone", nil),
    ] as [(String, String?)])
    func findsTheCodeOfALabelInEitherLanguage(label: String, code: String?) throws {
        let collection = try #require(try Self.labelledSet().collections["sample"])
        let status = try #require(collection.field(named: "status"))

        #expect(status.code(forLabel: label) == code)
    }

    @Test func refusesALabelForACodeTheEnumLacks() {
        let properties = """
            "status": {
              "type": "string", "enum": ["new", "done"], "x-merge": "lww",
              "x-enum-labels": {"new": {"en": "New"}, "old": {"en": "Old"}}
            }
            """
        let file = Fixtures.schemaFile("sample", properties: properties)

        #expect {
            try SchemaSet(version: 1, files: [file])
        } throws: { error in
            (error as? SchemaLoadError)?.code == .unknownEnumLabel
        }
    }

    @Test func refusesLabelsOnAFieldWithoutAnEnum() {
        let properties = """
            "name": {"type": "string", "x-merge": "lww", "x-enum-labels": {"a": {"en": "A"}}}
            """
        let file = Fixtures.schemaFile("sample", properties: properties)

        #expect {
            try SchemaSet(version: 1, files: [file])
        } throws: { error in
            (error as? SchemaLoadError)?.code == .invalidDeclaration
        }
    }

    @Test func shippedSchemasLabelEveryCodeInEnglishAndBokmal() {
        var missing: [String] = []
        var ambiguous: [String] = []
        for collection in SchemaSet.embedded.sortedCollections {
            for field in collection.fields {
                guard let codes = field.string.allowed else { continue }
                for code in codes {
                    for language in ["en", "nb"] where field.valueLabels[code]?[language] == nil {
                        missing.append("\(collection.name).\(field.name) \(code) \(language)")
                    }
                }
                for language in ["en", "nb"] {
                    let labels = codes.compactMap { field.valueLabels[$0]?[language]?.lowercased() }
                    if Set(labels).count != labels.count {
                        ambiguous.append("\(collection.name).\(field.name) \(language)")
                    }
                }
            }
        }

        #expect(missing.isEmpty, "codes without a label: \(missing)")
        #expect(ambiguous.isEmpty, "fields where two codes share a label: \(ambiguous)")
    }
}
