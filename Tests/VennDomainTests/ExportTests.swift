import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore
import VennSync

private func record(_ id: String, _ values: [String: JSONValue]) -> Record {
    Record(collection: "volunteer", id: id, values: values, updated: Timestamp(rawValue: 0))
}

struct ExportCSVTests {
    @Test func writesIDThenFieldsInSchemaOrderThenUndeclaredOnes() throws {
        let volunteers = try CSVStoreFixture.collection("volunteer")
        let records = [record("r1", ["name": "Kari", "zeta": "z", "alpha": .int(1)])]

        let data = RecordExporter().csv(collection: volunteers, records: records)
        let table = try CSVReader().read(data)
        let header = try #require(table.rows.first?.cells)

        #expect(header == ["id"] + volunteers.fields.map(\.name) + ["alpha", "zeta"])
        #expect(table.rows.count == 2)
    }

    @Test func writesValuesAsSpreadsheetsShowThem() throws {
        let collection = CollectionSchema(
            name: "sample",
            sensitivity: .org,
            fields: [
                FieldSchema(name: "name", kind: .string),
                FieldSchema(name: "year", kind: .integer),
                FieldSchema(name: "amount", kind: .number),
                FieldSchema(name: "ok", kind: .boolean),
                FieldSchema(name: "tags", kind: .array),
                FieldSchema(name: "note", kind: .string, isNullable: true),
            ]
        )
        let records = [
            record("r1", [
                "name": "Nordmann, \"Kari\"",
                "year": .int(1950),
                "amount": .double(12.5),
                "ok": .bool(true),
                "tags": .array(["walk", "music"]),
                "note": .null,
            ]),
            record("r2", ["name": "Ola", "ok": .bool(false), "tags": .array([])]),
        ]

        let data = RecordExporter().csv(collection: collection, records: records)

        #expect(String(decoding: data, as: UTF8.self) == """
            id,name,year,amount,ok,tags,note\r
            r1,"Nordmann, ""Kari\"\"\",1950,12.5,true,"walk,music",\r
            r2,Ola,,,false,,\r

            """)
        #expect(data.first == UInt8(ascii: "i"))
    }
}

struct ExportJSONTests {
    @Test func writesPrettyJSONWithSortedKeys() throws {
        let records = [record("r1", ["name": "Kari", "interests": .array(["walk"]), "is_minor": .bool(false)])]

        let text = String(decoding: RecordExporter().json(records: records), as: UTF8.self)

        #expect(text == """
            [
              {
                "fields": {
                  "interests": [
                    "walk"
                  ],
                  "is_minor": false,
                  "name": "Kari"
                },
                "id": "r1"
              }
            ]

            """)
    }

    @Test func writesJSONThatParsesBackToTheRecords() throws {
        let records = [
            record("r1", ["name": "Kari \"K\" Nordmann\n", "birth_year": .int(1950), "languages": .array([])]),
            record("r2", ["name": "Ola", "amount": .double(0.1)]),
        ]

        let parsed = try JSONValue(parsing: RecordExporter().json(records: records))

        #expect(parsed == .array(records.map { .object(["id": .string($0.id), "fields": .object($0.values)]) }))
        #expect(RecordExporter().json(records: []) == Data("[]\n".utf8))
    }
}

struct ExportImportRoundTripTests {
    @Test func importingAnExportGivesTheSameValues() throws {
        let source = try CSVStoreFixture()
        let target = try CSVStoreFixture()
        let volunteers = try CSVStoreFixture.collection("volunteer")
        _ = try source.store.add(collection: "volunteer", fields: [
            "name": "Nordmann, \"Kari\"",
            "birth_year": .int(1950),
            "phone": "+47 912 34 567",
            "email": "kari@example.no",
            "area": "Grünerløkka",
            "languages": .array(["nb", "en"]),
            "interests": .array(["walk", "music"]),
            "availability": .array(["tue-evening"]),
            "willing_home": .bool(true),
            "willing_group": .bool(false),
            "status": "ready",
            "contacted_on": "2026-01-15",
        ])
        _ = try source.store.add(collection: "volunteer", fields: ["name": "Ola\nNordmann", "is_minor": .bool(true)])
        let exported = try source.store.records(collection: "volunteer")

        let data = RecordExporter().csv(collection: volunteers, records: exported)
        let importer = RecordImporter(collection: volunteers)
        let plan = try importer.plan(csv: data)
        let result = try importer.apply(plan, to: target.store, skipInvalid: false)
        let imported = try target.store.records(collection: "volunteer")

        #expect(plan.rows.map(\.sourceID) == exported.map(\.id))
        #expect(result.created.count == 2)
        let importedByID = Dictionary(uniqueKeysWithValues: imported.map { ($0.id, $0.values) })
        #expect(result.created.map { importedByID[$0.id] } == exported.map(\.values))
    }

    @Test func importingAnExportOfNumbersGivesTheSameValues() throws {
        let source = try CSVStoreFixture()
        let target = try CSVStoreFixture()
        let claims = try CSVStoreFixture.collection("refund_claim")
        for amount in [JSONValue.double(149.5), .int(300), .double(0.25)] {
            _ = try source.store.add(
                collection: "refund_claim",
                fields: ["category": "food", "amount": amount, "status": "draft"]
            )
        }
        let exported = try source.store.records(collection: "refund_claim")

        let importer = RecordImporter(collection: claims)
        let plan = try importer.plan(csv: RecordExporter().csv(collection: claims, records: exported))
        let result = try importer.apply(plan, to: target.store, skipInvalid: false)
        let imported = try target.store.records(collection: "refund_claim")

        let importedByID = Dictionary(uniqueKeysWithValues: imported.map { ($0.id, $0.values) })
        #expect(result.created.map { importedByID[$0.id] } == exported.map(\.values))
    }
}
