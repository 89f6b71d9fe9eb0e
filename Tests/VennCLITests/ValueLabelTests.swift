import Testing
import VennSchema
@testable import VennCLI

/// Enum codes shown as labels (`x-enum-labels`) and typed as labels.
struct ValueLabelTests {
    static let status = FieldSchema(
        name: "status",
        kind: .string,
        string: .init(allowed: ["interested", "course_done", "ready"]),
        merge: .forward,
        defaultValue: .string("interested"),
        labels: ["en": "Status", "nb": "Status"],
        valueLabels: [
            "interested": ["en": "Interested", "nb": "Interessert"],
            "course_done": ["en": "Course done", "nb": "Kurs fullført"],
        ]
    )

    static let availability = FieldSchema(
        name: "availability",
        kind: .array,
        string: .init(allowed: ["mon-morning", "tue-evening"]),
        merge: .union,
        labels: ["en": "Availability", "nb": "Tilgjengelighet"],
        valueLabels: [
            "mon-morning": ["en": "Monday morning", "nb": "Mandag formiddag"],
            "tue-evening": ["en": "Tuesday evening", "nb": "Tirsdag kveld"],
        ]
    )

    static let collection = CollectionSchema(
        name: "volunteer",
        sensitivity: .personal,
        fields: [status, availability],
        required: ["status"],
        labels: ["en": "Volunteer", "nb": "Frivillig"]
    )

    @Test(arguments: [
        (JSONValue.string("interested"), "Interested", "Interessert"),
        (.string("course_done"), "Course done", "Kurs fullført"),
        (.string("ready"), "ready", "ready"),
        (.string("flying"), "flying", "flying"),
        (.null, "", ""),
    ] as [(JSONValue, String, String)])
    func showsTheLabelOfACodeInTheLanguage(value: JSONValue, english: String, bokmal: String) {
        #expect(ValueFormatter(language: .english).text(for: value, field: Self.status) == english)
        #expect(ValueFormatter(language: .bokmal).text(for: value, field: Self.status) == bokmal)
    }

    @Test func showsEachElementOfAnArrayAsItsLabel() {
        let value: JSONValue = .array([.string("mon-morning"), .string("tue-evening"), .string("someday")])

        #expect(
            ValueFormatter(language: .bokmal).text(for: value, field: Self.availability)
                == "Mandag formiddag, Tirsdag kveld, someday"
        )
        #expect(
            ValueFormatter(language: .english).text(for: value, field: Self.availability)
                == "Monday morning, Tuesday evening, someday"
        )
    }

    @Test func showsCodesAsTheyAreWithoutAField() {
        let formatter = ValueFormatter(language: .bokmal)

        #expect(formatter.text(for: .string("interested"), field: nil) == "interested")
        #expect(formatter.text(for: .bool(true), field: Self.status) == "ja")
    }

    @Test(arguments: [
        ("Kurs fullført", JSONValue.string("course_done")),
        ("kurs FULLFØRT", .string("course_done")),
        ("Course done", .string("course_done")),
        ("course_done", .string("course_done")),
        ("flying", .string("flying")),
    ])
    func acceptsALabelInEitherLanguageForAnEnumFlag(typed: String, stored: JSONValue) throws {
        #expect(try RecordFlags.value(typed, for: Self.status, flag: "--status") == stored)
    }

    @Test func acceptsLabelsAsArrayItems() throws {
        let value = try RecordFlags.value(
            "mandag formiddag, Tuesday evening, mon-morning",
            for: Self.availability,
            flag: "--availability"
        )

        #expect(value == .array([.string("mon-morning"), .string("tue-evening"), .string("mon-morning")]))
    }

    /// Help text with its wrapping undone, so phrases can be looked for.
    static func unwrappedHelp(_ language: Language) -> String {
        HelpText(language: language, terminalWidth: 80).collection(Self.collection, command: .add)
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    @Test func helpListsCodesWithTheirLabels() {
        let bokmal = Self.unwrappedHelp(.bokmal)
        #expect(bokmal.contains("Én av: interested (Interessert), course_done (Kurs fullført), ready."))
        #expect(bokmal.contains("Standard: interested (Interessert)."))
        #expect(bokmal.contains("mon-morning (Mandag formiddag), tue-evening (Tirsdag kveld)."))

        let english = Self.unwrappedHelp(.english)
        #expect(english.contains("One of: interested, course_done (Course done), ready."))
        #expect(english.contains("Default: interested."))
    }
}
