import Foundation
import Testing
import VennSchema
import VennSync
@testable import VennStore

/// Two laptops' stores exchanging versions directly, as sync will through
/// the server.
struct StoreSyncTests {
    /// Sends every pending version of `from` to `to`, as push then pull would.
    func deliver(_ from: Store, to: Store) throws {
        _ = try to.applyRemote(try from.pendingVersions())
    }

    @Test func editsOfDifferentFieldsMergeWithoutAConflict() throws {
        let fixture = try StoreFixture()
        let laptopA = try fixture.create("a.sqlite")
        let laptopB = try fixture.create("b.sqlite")
        let id = try laptopA.add(collection: "volunteer", fields: ["name": "Kari", "phone": "41234567"])
        try deliver(laptopA, to: laptopB)

        fixture.clock.advance(by: 1_000)
        _ = try laptopA.update(collection: "volunteer", id: id, changes: ["phone": "90000000"])
        _ = try laptopB.update(collection: "volunteer", id: id, changes: ["area": "Nord"])
        try deliver(laptopA, to: laptopB)
        try deliver(laptopB, to: laptopA)

        let a = try #require(try laptopA.record(collection: "volunteer", id: id))
        let b = try #require(try laptopB.record(collection: "volunteer", id: id))
        #expect(a.values == b.values)
        #expect(a.values["phone"] == "90000000")
        #expect(a.values["area"] == "Nord")
        #expect(try laptopA.records(collection: "conflict").isEmpty)
        #expect(try laptopB.records(collection: "conflict").isEmpty)
    }

    @Test func concurrentEditsOfOneFieldLeaveTheSameLedgerEntryOnBothLaptops() throws {
        let fixture = try StoreFixture()
        let laptopA = try fixture.create("a.sqlite")
        let laptopB = try fixture.create("b.sqlite")
        let id = try laptopA.add(collection: "volunteer", fields: ["name": "Kari"])
        try deliver(laptopA, to: laptopB)

        _ = try laptopA.update(collection: "volunteer", id: id, changes: ["phone": "41111111"])
        fixture.clock.advance(by: 5_000)
        _ = try laptopB.update(collection: "volunteer", id: id, changes: ["phone": "42222222"])
        let fromA = try laptopA.pendingVersions()
        let fromB = try laptopB.pendingVersions()
        #expect(try laptopB.applyRemote(fromA) == [.merged])
        #expect(try laptopA.applyRemote(fromB) == [.merged])

        let a = try #require(try laptopA.record(collection: "volunteer", id: id))
        let b = try #require(try laptopB.record(collection: "volunteer", id: id))
        #expect(a.values["phone"] == "42222222")  // the later write under lww
        #expect(b.values == a.values)

        let ledgerA = try laptopA.records(collection: "conflict")
        let ledgerB = try laptopB.records(collection: "conflict")
        #expect(ledgerA.count == 1)
        #expect(ledgerA.map(\.id) == ledgerB.map(\.id))
        let held = ledgerA.first?.values["values"]?.arrayValue ?? []
        #expect(Set(held) == ["41111111", "42222222"])

        let why = try #require(try laptopA.provenance(collection: "volunteer", id: id, field: "phone"))
        #expect(why.writes.count == 2)
        #expect(why.conflicts.map(\.id) == ledgerA.map(\.id))

        // Both ledgers exchanging their entries changes nothing more.
        try deliver(laptopA, to: laptopB)
        try deliver(laptopB, to: laptopA)
        #expect(try laptopA.records(collection: "conflict").count == 1)
        #expect(try laptopB.records(collection: "conflict").count == 1)
    }

    @Test func aDeleteWinsOverAConcurrentEditEverywhere() throws {
        let fixture = try StoreFixture()
        let laptopA = try fixture.create("a.sqlite")
        let laptopB = try fixture.create("b.sqlite")
        let id = try laptopA.add(collection: "volunteer", fields: ["name": "Kari"])
        try deliver(laptopA, to: laptopB)

        try laptopA.delete(collection: "volunteer", id: id)
        _ = try laptopB.update(collection: "volunteer", id: id, changes: ["name": "Kari Nordmann"])
        try deliver(laptopA, to: laptopB)
        try deliver(laptopB, to: laptopA)

        #expect(try laptopA.record(collection: "volunteer", id: id) == nil)
        #expect(try laptopB.record(collection: "volunteer", id: id) == nil)
        let erased = try laptopB.history(collection: "volunteer", id: id)
        #expect(erased.allSatisfy { $0.oldValue == nil && $0.newValue == nil })
    }

    @Test func replayingVersionsChangesNothing() throws {
        let fixture = try StoreFixture()
        let laptopA = try fixture.create("a.sqlite")
        let laptopB = try fixture.create("b.sqlite")
        _ = try laptopA.add(collection: "volunteer", fields: ["name": "Kari"])
        let versions = try laptopA.pendingVersions()
        #expect(try laptopB.applyRemote(versions) == [.inserted])
        let history = try laptopB.history(collection: "volunteer", id: versions[0].id)
        #expect(try laptopB.applyRemote(versions) == [.unchanged])
        #expect(try laptopB.history(collection: "volunteer", id: versions[0].id) == history)
        #expect(try laptopB.pendingCount() == 0)
    }
}

/// What the store does with versions the server refused.
struct RejectionTests {
    @Test func aRejectedVersionWaitsUntilTheRecordChanges() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let id = try store.add(collection: "volunteer", fields: ["name": "Kari"])
        let pushed = try store.pendingVersions()
        let issue = ValidationIssue(collection: "volunteer", id: id, pointer: "/phone", expected: .pattern("^[0-9]+$"))
        try store.recordRejection(pushed[0], issues: [issue])

        #expect(try store.pendingVersions().isEmpty)
        #expect(try store.pendingCount() == 1)
        #expect(try store.rejections().map(\.issues) == [[issue]])

        _ = try store.update(collection: "volunteer", id: id, changes: ["phone": "41234567"])
        let retried = try store.pendingVersions()
        #expect(retried.map(\.id) == [id])
        try store.acknowledge(retried)
        #expect(try store.rejections().isEmpty)
        #expect(try store.pendingCount() == 0)
    }
}
