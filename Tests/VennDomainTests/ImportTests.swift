import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore

private func csv(_ text: String) -> Data {
    Data(text.utf8)
}

/// The error `body` throws, as an `ImportError`.
private func importError(_ body: () throws -> Void) throws -> ImportError {
    do {
        try body()
    } catch let error as ImportError {
        return error
    }
    throw MissingError()
}

private struct MissingError: Error {}

/// The plan of importing `text` into the embedded collection `name`.
private func makePlan(_ name: String, _ text: String) throws -> ImportPlan {
    try CSVStoreFixture.importer(name).plan(csv: csv(text))
}

struct ImportHeaderTests {
    @Test(arguments: [
        ("birth_year", "birth_year"),
        ("birth-year", "birth_year"),
        ("Birth year", "birth_year"),
        (" FØDSELSÅR: ", "birth_year"),
        ("Fødselsår", "birth_year"),
        ("Navn", "name"),
        ("Name", "name"),
        ("Telefon", "phone"),
        ("Tlf.", "phone"),
        ("Mobil", "phone"),
        ("E-post", "email"),
        ("Epost", "email"),
        ("E-mail", "email"),
        ("Email", "email"),
        ("Bydel", "area"),
        ("Område", "area"),
        ("Interesser", "interests"),
        ("Under 18 år", "is_minor"),
        ("Foresattes telefon", "guardian_phone"),
        ("guardian-phone", "guardian_phone"),
    ])
    func mapsAHeaderToItsField(header: String, field: String) throws {
        let plan = try makePlan("volunteer", header + "\n")

        #expect(plan.columns.map(\.field) == [field])
    }

    @Test func mapsDecomposedLettersAsComposedOnes() throws {
        // "Fødselsår" with the "å" as "a" and a combining ring, as macOS
        // may save it.
        let header = "F\u{F8}dselsa\u{30A}r"
        let plan = try makePlan("volunteer", header + "\n")

        #expect(plan.columns.map(\.field) == ["birth_year"])
    }

    @Test func usesCommonWordsOnlyForFieldsTheCollectionHas() throws {
        // Members have no birth year.
        let error = try importError {
            _ = try makePlan("member", "Navn,Fødselsår\n")
        }

        #expect(error.code == .unknownColumns)
        #expect(error.columns == ["Fødselsår"])
    }

    @Test func refusesUnknownColumnsNamingEach() throws {
        let error = try importError {
            _ = try makePlan("volunteer", "Navn;Skostørrelse;Telefon;Hobby\nKari;38;;\n")
        }

        #expect(error.code == .unknownColumns)
        #expect(error.collection == "volunteer")
        #expect(error.columns == ["Skostørrelse", "Hobby"])
        #expect(error.description.contains("'Skostørrelse', 'Hobby'"))
    }

    @Test func leavesOutUnknownColumnsWhenToldTo() throws {
        let importer = try CSVStoreFixture.importer("volunteer", ignoreUnknownColumns: true)
        let plan = try importer.plan(csv: csv("Navn;Skostørrelse\nKari;38\n"))

        #expect(plan.columns.map(\.field) == ["name", nil])
        #expect(plan.rows.map(\.fields) == [["name": "Kari"]])
        #expect(plan.invalidRows.isEmpty)
    }

    @Test func refusesTwoColumnsForOneField() throws {
        let error = try importError {
            _ = try makePlan("volunteer", "Navn,Name,Tlf,Mobil\n")
        }

        #expect(error.code == .duplicateColumns)
        #expect(error.columns == ["Navn", "Name", "Tlf", "Mobil"])
    }

    @Test func ignoresAnEmptyHeaderOverAnEmptyColumn() throws {
        let plan = try makePlan("volunteer", "Navn;;\nKari;;\n")

        #expect(plan.columns.map(\.field) == ["name", nil, nil])
        #expect(plan.rows.map(\.isValid) == [true])
    }

    @Test func refusesAnEmptyFileAndASystemCollection() throws {
        let empty = try importError { _ = try makePlan("volunteer", "\r\n") }
        let system = try importError { _ = try makePlan("conflict", "field\nx\n") }

        #expect(empty.code == .emptyFile)
        #expect(system.code == .readOnlyCollection)
    }
}

struct ImportCellTests {
    static let number = FieldSchema(name: "amount", kind: .number)
    static let integer = FieldSchema(name: "year", kind: .integer)
    static let boolean = FieldSchema(name: "flag", kind: .boolean)
    static let strings = FieldSchema(name: "tags", kind: .array, itemKind: .string)
    static let integers = FieldSchema(name: "years", kind: .array, itemKind: .integer)

    @Test(arguments: [
        (number, "12.5", JSONValue.double(12.5)),
        (number, "12,5", .double(12.5)),
        (number, "-3", .int(-3)),
        (number, "1e3", .double(1000)),
        (integer, "1950", .int(1950)),
        (integer, "+7", .int(7)),
        (boolean, "ja", .bool(true)),
        (boolean, "Nei", .bool(false)),
        (boolean, "YES", .bool(true)),
        (boolean, "no", .bool(false)),
        (boolean, "true", .bool(true)),
        (boolean, "False", .bool(false)),
        (boolean, "x", .bool(true)),
        (boolean, "X", .bool(true)),
        (boolean, "1", .bool(true)),
        (boolean, "0", .bool(false)),
        (strings, "walk, music ,, cinema", .array(["walk", "music", "cinema"])),
        (strings, "walk; music", .array(["walk", "music"])),
        (integers, "1950, 1960", .array([.int(1950), .int(1960)])),
    ] as [(FieldSchema, String, JSONValue)])
    func typesACellByItsField(field: FieldSchema, text: String, value: JSONValue) {
        #expect(RecordImporter.value(text, for: field, separators: [",", ";"]) == value)
    }

    @Test(arguments: [
        (number, "12,5,0"),
        (number, "1 000"),
        (number, "12.5.1"),
        (number, "nan"),
        (number, "0x10"),
        (integer, "1950.0"),
        (integer, "gammel"),
        (integer, "12,5"),
        (boolean, "kanskje"),
        (boolean, "2"),
        (integers, "1950, nineteen"),
    ] as [(FieldSchema, String)])
    func refusesACellOfTheWrongKind(field: FieldSchema, text: String) {
        #expect(RecordImporter.value(text, for: field, separators: [",", ";"]) == nil)
    }

    @Test func splitsListsOnCommasOnlyInASemicolonFile() throws {
        let importer = try CSVStoreFixture.importer("volunteer")
        let semicolons = try importer.plan(csv: csv("Navn;Interesser\nKari;walk, music\n"))
        let commas = try importer.plan(csv: csv("Navn,Interesser\nKari,\"walk; music, cinema\"\n"))

        #expect(semicolons.rows.first?.fields["interests"] == .array(["walk", "music"]))
        #expect(commas.rows.first?.fields["interests"] == .array(["walk", "music", "cinema"]))
    }

    @Test func leavesOutEmptyCellsAndBlankRows() throws {
        let plan = try makePlan("volunteer", "Navn;Telefon;Bydel\nKari;  ; Sagene \n;;\n ; ;\n")

        #expect(plan.rows.count == 1)
        #expect(plan.rows.first?.fields == ["name": "Kari", "area": "Sagene"])
    }

    @Test func reportsCellsBeyondTheHeader() throws {
        let plan = try makePlan("volunteer", "Navn;Bydel\nKari;Sagene;;\nOla;;extra\n")
        let row = try #require(plan.rows.last)

        #expect(plan.rows.map(\.isValid) == [true, false])
        #expect(row.cellErrors == [
            ImportPlan.CellError(position: 3, header: "", field: nil, value: "extra", expected: nil)
        ])
    }

    @Test func reportsSchemaIssuesPerRow() throws {
        let plan = try makePlan(
            "volunteer",
            "Navn;Status;E-post\nKari;ready;kari@example.no\nOla;sleepy;not-an-address\n;ready;\n"
        )

        #expect(plan.rows.map(\.line) == [2, 3, 4])
        #expect(plan.rows.map(\.isValid) == [true, false, false])
        #expect(plan.rows[1].issues.map(\.pointer) == ["/email", "/status"])
        #expect(plan.rows[2].issues.map(\.pointer) == ["/name"])
        #expect(plan.rows[2].issues.map(\.expected) == [.required])
    }

    @Test func appliesDefaultsWhenChecking() throws {
        // Volunteers require a status; the schema's default fills it.
        let plan = try makePlan("volunteer", "Navn\nKari\n")

        #expect(plan.rows.first?.isValid == true)
        #expect(plan.rows.first?.fields == ["name": "Kari"])
    }

    @Test func readsTheIDColumnWithoutImportingIt() throws {
        let plan = try makePlan("volunteer", "id,name\nabc,Kari\n,Ola\n")

        #expect(plan.columns.map(\.field) == [nil, "name"])
        #expect(plan.rows.map(\.sourceID) == ["abc", nil])
        #expect(plan.rows.map(\.fields) == [["name": "Kari"], ["name": "Ola"]])
    }
}

struct ImportWritingTests {
    static let birthYears = "Navn;Fødselsår\r\nKari;1950\r\nOla;1960\r\nPer;gammel\r\nLise;1970\r\n"

    @Test func importsNorwegianHeadersIntoVolunteers() throws {
        let fixture = try CSVStoreFixture()
        let importer = try CSVStoreFixture.importer("volunteer")
        let file = "\u{FEFF}Navn;Telefon;E-post\r\nKari Nordmann;912 34 567;kari@example.no\r\n"
            + "\"Nordmann; Ola\";+47 22 33 44 55;\r\n"

        let plan = try importer.plan(csv: csv(file))
        let result = try importer.apply(plan, to: fixture.store, skipInvalid: false)
        let records = try fixture.store.records(collection: "volunteer")
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.values) })

        #expect(plan.delimiter == ";")
        #expect(result.created.map(\.line) == [2, 3])
        #expect(result.skipped.isEmpty)
        #expect(records.count == 2)
        let kari = try #require(byID[result.created[0].id])
        let ola = try #require(byID[result.created[1].id])
        #expect(kari["name"] == "Kari Nordmann")
        #expect(kari["phone"] == "912 34 567")
        #expect(kari["email"] == "kari@example.no")
        #expect(kari["status"] == "interested")
        #expect(ola["name"] == "Nordmann; Ola")
        #expect(ola["phone"] == "+47 22 33 44 55")
        #expect(ola["email"] == nil)
    }

    @Test func writesNothingWhenARowIsInvalid() throws {
        let fixture = try CSVStoreFixture()
        let importer = try CSVStoreFixture.importer("volunteer")
        let plan = try importer.plan(csv: csv(Self.birthYears))

        let error = try importError {
            _ = try importer.apply(plan, to: fixture.store, skipInvalid: false)
        }

        #expect(error.code == .invalidRows)
        #expect(error.rows.map(\.line) == [4])
        let cell = try #require(error.rows.first?.cellErrors.first)
        #expect(cell.header == "Fødselsår")
        #expect(cell.field == "birth_year")
        #expect(cell.position == 2)
        #expect(cell.value == "gammel")
        #expect(cell.expected == .integer)
        #expect(error.rows.first?.issues == [])
        #expect(error.description.contains("lines 4"))
        #expect(try fixture.store.records(collection: "volunteer").isEmpty)
    }

    @Test func writesTheValidRowsWhenToldToSkipInvalidOnes() throws {
        let fixture = try CSVStoreFixture()
        let importer = try CSVStoreFixture.importer("volunteer")
        let plan = try importer.plan(csv: csv(Self.birthYears))

        let result = try importer.apply(plan, to: fixture.store, skipInvalid: true)
        let records = try fixture.store.records(collection: "volunteer")

        #expect(result.created.map(\.line) == [2, 3, 5])
        #expect(result.skipped.map(\.line) == [4])
        #expect(Set(records.map(\.id)) == Set(result.created.map(\.id)))
        #expect(Set(records.compactMap { $0.values["birth_year"] }) == [.int(1950), .int(1960), .int(1970)])
    }

    @Test func writesNothingOnADryRun() throws {
        let fixture = try CSVStoreFixture()
        let importer = try CSVStoreFixture.importer("volunteer")

        let plan = try importer.plan(csv: csv("Navn;Fødselsår\nKari;1950\nOla;1960\n"))

        #expect(plan.validRows.count == 2)
        #expect(plan.invalidRows.isEmpty)
        #expect(try fixture.store.records(collection: "volunteer").isEmpty)
    }

    @Test func writesNothingWhenTheStoreRefusesARow() throws {
        // A plan checked against other schemas than the store's: the store
        // refuses the second row, and the first is rolled back with it.
        let fixture = try CSVStoreFixture()
        let importer = try CSVStoreFixture.importer("volunteer")
        var plan = try importer.plan(csv: csv("Navn\nKari\nOla\n"))
        plan.rows[1].fields["status"] = "sleepy"

        #expect(throws: StoreError.self) {
            _ = try importer.apply(plan, to: fixture.store, skipInvalid: false)
        }
        #expect(try fixture.store.records(collection: "volunteer").isEmpty)
    }

    @Test func importsNumbersWithADecimalComma() throws {
        let fixture = try CSVStoreFixture()
        let importer = try CSVStoreFixture.importer("refund_claim")
        let plan = try importer.plan(csv: csv("Kategori;Beløp;Status\nfood;149,50;draft\n"))

        _ = try importer.apply(plan, to: fixture.store, skipInvalid: false)

        let record = try #require(try fixture.store.records(collection: "refund_claim").first)
        #expect(record.values["amount"] == .double(149.5))
    }
}
