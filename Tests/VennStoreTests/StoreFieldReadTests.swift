import Testing
import VennSchema
@testable import VennStore

/// Reading only some fields of a collection's records.
struct StoreFieldReadTests {
    @Test func keepsOnlyTheNamedFieldsOfEveryRecord() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        _ = try store.add(collection: "activity_type", fields: ["code": "walk", "label": "Walks", "retired": false])
        _ = try store.add(collection: "activity_type", fields: ["code": "cafe", "label": "Café \"Ø\""])

        let full = try store.records(collection: "activity_type")
        let partial = try store.records(collection: "activity_type", fields: ["label", "retired", "missing"])
        try #require(full.count == 2)
        #expect(partial.map(\.id) == full.map(\.id))
        #expect(partial.map(\.updated) == full.map(\.updated))
        for (whole, part) in zip(full, partial) {
            #expect(part.values == whole.values.filter { ["label", "retired"].contains($0.key) })
        }
        #expect(partial[1].values["label"] == "Café \"Ø\"" || partial[0].values["label"] == "Café \"Ø\"")
    }

    @Test func readsNothingButIdsWithNoFields() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let id = try store.add(collection: "activity_type", fields: ["code": "walk", "label": "Walks"])
        let records = try store.records(collection: "activity_type", fields: [])
        #expect(records.map(\.id) == [id])
        #expect(records.first?.values.isEmpty == true)
    }

    @Test func leavesDeletedRecordsOut() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let kept = try store.add(collection: "activity_type", fields: ["code": "walk", "label": "Walks"])
        let gone = try store.add(collection: "activity_type", fields: ["code": "swim", "label": "Swimming"])
        try store.delete(collection: "activity_type", id: gone)
        #expect(try store.records(collection: "activity_type", fields: ["code"]).map(\.id) == [kept])
    }
}
