import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore

/// A workflow over a new store in its own temporary directory, removed
/// afterwards.
private final class EventStore {
    let directory: URL
    let store: Store
    let workflow: Workflow

    init(today: String = "2026-03-10") throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-events-tests-\(UUID().uuidString)", isDirectory: true)
        store = try Store.create(at: directory.appendingPathComponent("group.sqlite").path, group: "testgroup")
        workflow = Workflow(store: store, today: try #require(CalendarDay(today)))
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var gatherings: Gatherings { Gatherings(workflow: workflow) }
    var refunds: Refunds { Refunds(workflow: workflow) }

    func status(_ collection: String, _ id: String) throws -> String? {
        try store.record(collection: collection, id: id)?.values["status"]?.stringValue
    }
}

private func day(_ text: String) throws -> CalendarDay {
    try #require(CalendarDay(text))
}

@Suite struct GatheringTests {
    @Test func planningAddsAPlannedGatheringWithVenueAndTheme() throws {
        let events = try EventStore()
        let id = try events.gatherings.plan(on: try day("2026-04-20"), venue: "Frivilligsentralen", theme: "Tur")
        let record = try #require(try events.store.record(collection: "gathering", id: id))

        #expect(record.values["date"] == .string("2026-04-20"))
        #expect(record.values["venue"] == .string("Frivilligsentralen"))
        #expect(record.values["theme"] == .string("Tur"))
        #expect(record.values["status"] == .string("planned"))
    }

    @Test func invitingOpensAPlannedGatheringAndRecordsTheMove() throws {
        let events = try EventStore()
        let id = try events.gatherings.plan(on: try day("2026-04-20"))
        let after = try events.gatherings.invite(id, count: 18)

        #expect(after.values["invited_count"] == .int(18))
        #expect(after.values["status"] == .string("open"))
        #expect(try events.workflow.moves(of: "gathering", id: id).map { $0.values["verb"] } == [.string("open")])
    }

    @Test func attendanceMarksTheGatheringHeldOnTheDayGiven() throws {
        let events = try EventStore()
        let id = try events.gatherings.plan(on: try day("2026-04-20"))
        try events.gatherings.invite(id, count: 18)
        let after = try events.gatherings.recordAttendance(id, count: 12, on: try day("2026-04-20"))

        #expect(after.values["attended_count"] == .int(12))
        #expect(after.values["status"] == .string("held"))
        let moves = try events.workflow.moves(of: "gathering", id: id)
        #expect(moves.last?.values["on"] == .string("2026-04-20"))

        // A held gathering only has its count corrected, without a move.
        let corrected = try events.gatherings.recordAttendance(id, count: 13)
        #expect(corrected.values["attended_count"] == .int(13))
        #expect(try events.workflow.moves(of: "gathering", id: id).count == 2)
    }

    @Test func aCancelledGatheringTakesNoAttendance() throws {
        let events = try EventStore()
        let id = try events.gatherings.plan(on: try day("2026-04-20"))
        try events.workflow.move("gathering", id: id, verb: "cancel", reason: "Sykdom")

        #expect(throws: WorkflowError.self) { try events.gatherings.recordAttendance(id, count: 5) }
        #expect(try events.status("gathering", id) == "cancelled")
    }

    @Test func costIsKeptInKroner() throws {
        let events = try EventStore()
        let id = try events.gatherings.plan(on: try day("2026-04-20"))
        let after = try events.gatherings.recordCost(id, amount: 2450.5)
        #expect(after.values["cost"]?.doubleValue == 2450.5)
        #expect(throws: StoreError.self) { try events.gatherings.recordCost(id, amount: -1) }
    }

    @Test func listingAYearLeavesOtherYearsOutAndSortsByDate() throws {
        let events = try EventStore()
        let autumn = try events.gatherings.plan(on: try day("2026-10-01"))
        let spring = try events.gatherings.plan(on: try day("2026-03-01"))
        _ = try events.gatherings.plan(on: try day("2025-11-12"))

        #expect(try events.gatherings.gatherings(in: 2026).map(\.id) == [spring, autumn])
        #expect(try events.gatherings.gatherings().count == 3)
    }

    @Test(arguments: [
        (["held", "planned"], 2, true, true),
        (["held", "cancelled"], 1, true, false),
        (["cancelled"], 0, false, false),
        ([], 0, false, false),
        (["open", "closed", "held"], 3, true, true),
    ])
    func aYearMeetsTheRuleOfOneAndPreferablyTwoGatherings(
        statuses: [String], counted: Int, required: Bool, recommended: Bool
    ) throws {
        let events = try EventStore()
        for status in statuses {
            _ = try events.store.add(collection: "gathering", fields: [
                "date": "2026-05-01", "status": .string(status),
            ])
        }
        _ = try events.store.add(collection: "gathering", fields: ["date": "2025-05-01", "status": "held"])
        let summary = try events.gatherings.summary(of: 2026)

        #expect(summary.counted == counted)
        #expect(summary.meetsRequirement == required)
        #expect(summary.meetsRecommendation == recommended)
    }
}

@Suite struct RefundTests {
    @Test func aClaimIsADraftForItsEventWithoutNames() throws {
        let events = try EventStore()
        let gathering = try events.gatherings.plan(on: try day("2026-04-20"))
        let id = try events.refunds.claim(for: .gathering(gathering), category: "food", amount: 1200)
        let claim = try #require(try events.store.record(collection: "refund_claim", id: id))

        #expect(claim.values["gathering"] == .string(gathering))
        #expect(claim.values["status"] == .string("draft"))
        #expect(Set(claim.values.keys) == ["gathering", "category", "amount", "status"])
    }

    @Test func aClaimForAnEventThatDoesNotExistIsRefused() throws {
        let events = try EventStore()
        #expect(throws: WorkflowError.self) {
            try events.refunds.claim(for: .course("0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6f"), category: "food", amount: 1)
        }
        #expect(try events.refunds.claims().isEmpty)
    }

    @Test func limitsAreSetPerCategoryAndChangedInPlace() throws {
        let events = try EventStore()
        let first = try events.refunds.setLimit(1500, for: "food", on: try day("2026-01-10"))
        try events.refunds.setLimit(4000, for: "venue", on: try day("2026-01-10"))
        let again = try events.refunds.setLimit(1800, for: "food", on: try day("2026-02-01"))

        #expect(first == again)
        #expect(try events.refunds.limits() == ["food": 1800, "venue": 4000])
        #expect(try events.store.records(collection: "refund_limit").count == 2)
        #expect(throws: StoreError.self) { try events.refunds.setLimit(10, for: "gifts", on: try day("2026-01-10")) }
    }

    @Test func submittingOverTheLimitIsRefusedAndNothingMoves() throws {
        let events = try EventStore()
        let gathering = try events.gatherings.plan(on: try day("2026-04-20"))
        try events.refunds.setLimit(1500, for: "food", on: try day("2026-01-10"))
        let first = try events.refunds.claim(for: .gathering(gathering), category: "food", amount: 1000)
        let second = try events.refunds.claim(for: .gathering(gathering), category: "food", amount: 600)
        try events.refunds.submit(first)

        let error = try #require(throws: WorkflowError.self) { try events.refunds.submit(second) }
        #expect(error.code == .missing([.withinLimit(category: "food", limit: 1500)]))
        #expect(try events.status("refund_claim", second) == "draft")
        #expect(try events.workflow.moves(of: "refund_claim", id: second).isEmpty)
    }

    @Test func claimsOfOtherEventsCategoriesAndReturnedOnesDoNotCount() throws {
        let events = try EventStore()
        let spring = try events.gatherings.plan(on: try day("2026-04-20"))
        let autumn = try events.gatherings.plan(on: try day("2026-10-20"))
        try events.refunds.setLimit(1500, for: "food", on: try day("2026-01-10"))
        let refunds = events.refunds
        try refunds.submit(try refunds.claim(for: .gathering(autumn), category: "food", amount: 1500))
        try refunds.submit(try refunds.claim(for: .gathering(spring), category: "venue", amount: 3000))
        let returned = try refunds.claim(for: .gathering(spring), category: "food", amount: 1400)
        try refunds.submit(returned)
        try events.workflow.move("refund_claim", id: returned, verb: "return", reason: "Mangler kvittering")

        let claim = try refunds.claim(for: .gathering(spring), category: "food", amount: 1500)
        #expect(try refunds.submit(claim).values["status"] == .string("submitted"))
        // Sent again, the returned claim counts and would go over.
        #expect(throws: WorkflowError.self) { try refunds.submit(returned) }
    }

    @Test func aCategoryWithoutALimitTakesAnyAmount() throws {
        let events = try EventStore()
        let gathering = try events.gatherings.plan(on: try day("2026-04-20"))
        let claim = try events.refunds.claim(for: .gathering(gathering), category: "speaker", amount: 20000)
        #expect(try events.refunds.submit(claim).values["submitted_on"] == .string("2026-03-10"))
    }

    @Test func totalsCountWhatIsClaimedApprovedAndPaid() throws {
        let events = try EventStore()
        let gathering = try events.gatherings.plan(on: try day("2026-04-20"))
        let refunds = events.refunds
        let amounts: [(Double, [String])] = [
            (100, []), (200, ["submit"]), (400, ["submit", "approve"]), (800, ["submit", "approve", "pay"]),
        ]
        for (amount, verbs) in amounts {
            let id = try refunds.claim(for: .gathering(gathering), category: "other", amount: amount)
            for verb in verbs {
                try events.workflow.move("refund_claim", id: id, verb: verb)
            }
        }
        let totals = try refunds.totals()

        #expect(totals.draft == 100)
        #expect(totals.claimed == 1400)
        #expect(totals.approved == 1200)
        #expect(totals.paid == 800)
    }
}
