import Foundation
import Synchronization
import Testing
@testable import VennDomain
import VennSchema
import VennStore

/// Laptops of one working group, each with its own store, that move records
/// offline and then exchange their changes as a sync would.
final class Laptops {
    let directory: URL
    let stores: [Store]
    private let clock = SharedClock()

    init(count: Int) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-status-merge-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var stores: [Store] = []
        for index in 0..<count {
            let options = Store.Options(wallClock: { [clock] in clock.milliseconds }, actor: "laptop\(index)")
            let path = directory.appendingPathComponent("laptop\(index).sqlite").path
            stores.append(try Store.create(at: path, group: "testgroup", options: options))
        }
        self.stores = stores
    }

    deinit {
        for store in stores { try? store.close() }
        try? FileManager.default.removeItem(at: directory)
    }

    func advance(milliseconds: UInt64) {
        clock.advance(by: milliseconds)
    }

    /// The workflow of laptop `index`.
    func workflow(_ index: Int) -> Workflow {
        Workflow(store: stores[index], today: CalendarDay("2026-11-02")!)
    }

    /// Sends every change of laptop `from` to laptop `to`.
    func deliver(_ from: Int, to: Int) throws {
        _ = try stores[to].applyRemote(try stores[from].pendingVersions())
    }

    /// Exchanges every laptop's changes with every other, twice, so all have
    /// all changes and all merges.
    func exchangeAll() throws {
        for _ in 0..<2 {
            for from in stores.indices {
                for to in stores.indices where to != from { try deliver(from, to: to) }
            }
        }
    }

    /// A record as every laptop sees it; fails the test when they differ.
    func converged(_ collection: String, _ id: String) throws -> Record {
        let records = try stores.map { try #require(try $0.record(collection: collection, id: id)) }
        for record in records.dropFirst() {
            #expect(record.values == records[0].values, "laptops disagree on \(collection)")
        }
        return records[0]
    }
}

struct ConcurrentStatusMoveTests {
    @Test func aCancelledCourseStaysCancelledWhenAnotherLaptopOpenedIt() throws {
        let laptops = try Laptops(count: 2)
        let id = try laptops.stores[0].add(collection: "course", fields: ["kind": "e_learning"])
        try laptops.deliver(0, to: 1)

        try laptops.workflow(0).move("course", id: id, verb: "open")
        laptops.advance(milliseconds: 1_000)
        try laptops.workflow(1).move("course", id: id, verb: "cancel", reason: "too few enrolled")
        try laptops.exchangeAll()

        let course = try laptops.converged("course", id)
        #expect(course.values["status"] == "cancelled")
        // Both moves are recorded on both laptops, with who and why.
        for index in 0..<2 {
            let moves = try laptops.workflow(index).moves(of: "course", id: id)
            #expect(moves.compactMap { $0.values["verb"]?.stringValue }.sorted() == ["cancel", "open"])
            #expect(moves.first { $0.values["verb"] == "cancel" }?.values["reason"] == "too few enrolled")
        }
    }

    @Test func theStatusFurthestAlongWinsWhateverTheClocksSay() throws {
        let laptops = try Laptops(count: 2)
        let id = try laptops.stores[0].add(collection: "agreement", fields: [:])
        try laptops.deliver(0, to: 1)

        // Laptop 1 signs later by the clock; laptop 0 has already gone two
        // steps further, earlier.
        try laptops.workflow(0).move("agreement", id: id, verb: "sign")
        try laptops.workflow(0).move("agreement", id: id, verb: "anchor")
        laptops.advance(milliseconds: 86_400_000)
        try laptops.workflow(1).move("agreement", id: id, verb: "sign")
        try laptops.exchangeAll()

        let agreement = try laptops.converged("agreement", id)
        #expect(agreement.values["status"] == "anchored")
        #expect(agreement.values["anchored_on"] == "2026-11-02")
    }

    @Test func aWithdrawalWinsOverAConcurrentPause() throws {
        let laptops = try Laptops(count: 2)
        let id = try laptops.stores[0].add(collection: "volunteer", fields: ["name": "Kari", "status": "ready"])
        try laptops.deliver(0, to: 1)

        laptops.advance(milliseconds: 5_000)
        try laptops.workflow(0).move("volunteer", id: id, verb: "pause")
        try laptops.workflow(1).move("volunteer", id: id, verb: "withdraw", reason: "moved away")
        try laptops.exchangeAll()

        #expect(try laptops.converged("volunteer", id).values["status"] == "withdrawn")
    }

    @Test func aReturnedClaimWinsOverAConcurrentApproval() throws {
        let laptops = try Laptops(count: 2)
        let id = try laptops.stores[0].add(
            collection: "refund_claim", fields: ["category": "food", "amount": 800, "status": "submitted"]
        )
        try laptops.deliver(0, to: 1)

        try laptops.workflow(0).move("refund_claim", id: id, verb: "approve")
        try laptops.workflow(1).move("refund_claim", id: id, verb: "return", reason: "receipt missing")
        try laptops.exchangeAll()

        #expect(try laptops.converged("refund_claim", id).values["status"] == "returned")
    }

    @Test func aStartAgainstADeclineWaitsForAPersonOnEveryLaptop() throws {
        let laptops = try Laptops(count: 2)
        let store = laptops.stores[0]
        let volunteer = try store.add(collection: "volunteer", fields: ["name": "Kari", "status": "proposed"])
        let person = try store.add(collection: "person", fields: ["name": "Ola", "status": "proposed"])
        _ = try store.add(collection: "consent", fields: [
            "subject": .string(person), "purposes": ["matching"], "given_by": "self", "given_on": "2026-10-01",
        ])
        let match = try store.add(collection: "match", fields: [
            "volunteer": .string(volunteer), "person": .string(person), "status": "proposed",
        ])
        try laptops.deliver(0, to: 1)

        try laptops.workflow(0).move("match", id: match, verb: "start")
        laptops.advance(milliseconds: 1_000)
        try laptops.workflow(1).move("match", id: match, verb: "decline", reason: "person said no")
        try laptops.exchangeAll()

        // A provisional value, the same everywhere, and one open conflict.
        let merged = try laptops.converged("match", match)
        #expect(merged.values["status"] == "declined")
        var ledgerIDs: [[String]] = []
        for store in laptops.stores {
            let open = try store.records(collection: "conflict").filter {
                $0.values["field"] == "status" && $0.values["status"] == "open"
            }
            #expect(open.count == 1)
            ledgerIDs.append(open.map(\.id))
        }
        #expect(ledgerIDs[0] == ledgerIDs[1])

        // A person decides on one laptop; the decision reaches the other.
        try laptops.stores[1].resolveConflict(id: ledgerIDs[0][0], value: "active")
        try laptops.exchangeAll()
        #expect(try laptops.converged("match", match).values["status"] == "active")
    }

    /// Random moves along each machine on three laptops, exchanged in random
    /// order, always converge to one status and keep every recorded move.
    @Test(arguments: 1...40)
    func randomConcurrentMovesConverge(seed: UInt64) throws {
        var random = DemoData.Generator(seed: seed)
        let laptops = try Laptops(count: 3)
        let leader = try laptops.stores[0].add(collection: "member", fields: ["name": "Leder", "phone": "41234567"])
        let machines: [(collection: String, fields: [String: JSONValue])] = [
            ("course", ["kind": "e_learning"]),
            ("gathering", ["date": "2026-05-01"]),
            ("agreement", ["leader": .string(leader)]),
            ("refund_claim", ["category": "food", "amount": 100]),
        ]
        let (collection, fields) = machines[Int(seed) % machines.count]
        let id = try laptops.stores[0].add(collection: collection, fields: fields)
        try laptops.deliver(0, to: 1)
        try laptops.deliver(0, to: 2)
        let moves = try #require(SchemaSet.embedded.collection(named: collection)).transitions

        var recorded = 0
        for _ in 0..<12 {
            let laptop = Int.random(in: 0..<3, using: &random)
            let status = try laptops.stores[laptop].record(collection: collection, id: id)?.values["status"]
            let possible = moves.filter { move in move.from.contains(status?.stringValue ?? "") }
            if let move = possible.randomElement(using: &random) {
                try laptops.workflow(laptop).move(collection, id: id, verb: move.verb, reason: "test")
                recorded += 1
            }
            laptops.advance(milliseconds: UInt64.random(in: 0...60_000, using: &random))
            if Int.random(in: 0..<3, using: &random) == 0 {
                let from = Int.random(in: 0..<3, using: &random)
                try laptops.deliver(from, to: (from + 1 + Int.random(in: 0..<2, using: &random)) % 3)
            }
        }
        try laptops.exchangeAll()

        let record = try laptops.converged(collection, id)
        let order = try #require(SchemaSet.embedded.collection(named: collection)?.field(named: "status")?.string
            .allowed)
        #expect(order.contains(record.values["status"]?.stringValue ?? ""))
        for index in 0..<3 {
            #expect(try laptops.workflow(index).moves(of: collection, id: id).count == recorded)
        }
    }
}

/// A wall clock the laptops share, moved on by hand.
final class SharedClock: Sendable {
    private let now = Mutex<UInt64>(1_780_000_000_000)

    var milliseconds: UInt64 { now.withLock { $0 } }

    func advance(by milliseconds: UInt64) {
        now.withLock { $0 += milliseconds }
    }
}
