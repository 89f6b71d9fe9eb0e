import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore

/// A store in a temporary directory whose clock stands still on
/// ``DueStore/registered``, so records written in it date from that day.
private final class DueStore {
    /// The day the store's clock shows, at noon UTC.
    static let registered = CalendarDay("2026-03-02")!

    let directory: URL
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-due-tests-\(UUID().uuidString)", isDirectory: true)
        let noon = UInt64(Self.registered.number) * 86_400_000 + 43_200_000
        store = try Store.create(
            at: directory.appendingPathComponent("group.sqlite").path,
            group: "testgroup",
            options: Store.Options(wallClock: { noon }, actor: "test")
        )
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func add(_ collection: String, _ fields: [String: JSONValue]) throws -> String {
        try store.add(collection: collection, fields: fields)
    }

    /// Records a move of `id` into `status` on `day`, as `Workflow` would.
    func moved(_ collection: String, _ id: String, to status: String, on day: CalendarDay) throws {
        _ = try store.addSystemRecord(collection: Workflow.transitionCollection, fields: [
            "subject_collection": .string(collection),
            "subject": .string(id),
            "verb": .string("move"),
            "from": .string("before"),
            "to": .string(status),
            "on": day.json,
        ])
    }

    /// A group that has done its own duties this year: a registered
    /// agreement and two gatherings, so only record alerts remain.
    func withGroupDutiesDone(year: Int = 2026) throws -> DueStore {
        _ = try add("agreement", ["status": "registered"])
        _ = try add("gathering", ["status": "held", "date": .string("\(year)-02-01")])
        _ = try add("gathering", ["status": "planned", "date": .string("\(year)-10-01")])
        return self
    }

    func due(on today: CalendarDay) throws -> DueList {
        try DueList(store: store, today: today)
    }

    /// The ids `kind` lists on `today`, or nil when it does not fire.
    func ids(_ kind: DueList.Kind, on today: CalendarDay) throws -> [String]? {
        try due(on: today).alert(kind)?.items.map(\.id)
    }
}

private let start = CalendarDay("2026-03-10")!

@Suite struct DueListTests {
    @Test func anEmptyStoreOnlyHasTheGroupsDuties() throws {
        let due = try DueStore().due(on: start)
        #expect(due.alerts.map(\.kind) == [.noGatheringThisYear, .agreementNotRegistered])
        #expect(due.alerts.allSatisfy { $0.items.isEmpty })
        #expect(due.today == start)
    }

    @Test func aGroupWithItsDutiesDoneHasNothingDue() throws {
        #expect(try DueStore().withGroupDutiesDone().due(on: start).isEmpty)
    }

    // MARK: Volunteers

    @Test(arguments: [(6, false), (7, true), (30, true)])
    func anInterestedVolunteerIsDueForContactAfterSevenDays(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("volunteer", ["name": "Kari", "status": "interested"])
        let today = DueStore.registered.adding(days)

        let alert = try fixture.due(on: today).alert(.volunteerNotContacted)
        #expect((alert != nil) == fires)
        if fires {
            let item = try #require(alert?.items.first)
            #expect(item == DueList.Item(collection: "volunteer", id: id, name: "Kari", daysOver: days - 7))
        }
    }

    @Test func aLaterEditDoesNotRestartTheWaitForContact() throws {
        let laptops = try Laptops(count: 1)
        let store = laptops.stores[0]
        let id = try store.add(collection: "volunteer", fields: ["name": "Kari", "status": "interested"])
        let made = try #require(CalendarDay(madeWithID: id))
        laptops.advance(milliseconds: 10 * 86_400_000)
        _ = try store.update(collection: "volunteer", id: id, changes: ["phone": "41234567"])

        let alert = try DueList(store: store, today: made.adding(10)).alert(.volunteerNotContacted)
        #expect(alert?.items.map(\.daysOver) == [3])
    }

    @Test func aContactedVolunteerIsNotDueForContact() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        _ = try fixture.add("volunteer", [
            "name": "Kari", "status": "interested", "contacted_on": "2026-03-03",
        ])
        #expect(try fixture.ids(.volunteerNotContacted, on: DueStore.registered.adding(40)) == nil)
    }

    @Test(arguments: [(20, false), (21, true)])
    func aFollowUpIsDueTwentyOneDaysAfterTheCourse(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("volunteer", ["name": "Ola", "status": "course_done"])
        try fixture.moved("volunteer", id, to: "enrolled", on: start.adding(-30))
        try fixture.moved("volunteer", id, to: "course_done", on: start)

        let ids = try fixture.ids(.followUpMissing, on: start.adding(days))
        #expect(ids == (fires ? [id] : nil))
    }

    @Test func aHeldFollowUpClearsTheAlert() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("volunteer", ["name": "Ola", "status": "course_done"])
        try fixture.moved("volunteer", id, to: "course_done", on: start)
        _ = try fixture.add("followup_conversation", ["volunteer": .string(id), "date": start.adding(5).json])
        #expect(try fixture.ids(.followUpMissing, on: start.adding(60)) == nil)
    }

    @Test func withoutAMoveTheCourseDatesFromTheDayTheRecordWasMade() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("volunteer", ["name": "Ola", "status": "course_done"])
        #expect(try fixture.ids(.followUpMissing, on: DueStore.registered.adding(20)) == nil)
        #expect(try fixture.ids(.followUpMissing, on: DueStore.registered.adding(21)) == [id])
    }

    @Test(arguments: [(59, false), (60, true)])
    func aReadyVolunteerIsDueForAProposalAfterSixtyDays(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("volunteer", ["name": "Per", "status": "ready"])
        try fixture.moved("volunteer", id, to: "ready", on: start.adding(-100))
        try fixture.moved("volunteer", id, to: "proposed", on: start.adding(-50))
        try fixture.moved("volunteer", id, to: "ready", on: start)

        let ids = try fixture.ids(.readyWithoutProposal, on: start.adding(days))
        #expect(ids == (fires ? [id] : nil))
    }

    @Test func aProposedMatchCountsAsAProposal() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("volunteer", ["name": "Per", "status": "ready"])
        _ = try fixture.add("match", ["volunteer": .string(id), "status": "proposed"])
        #expect(try fixture.ids(.readyWithoutProposal, on: DueStore.registered.adding(90)) == nil)
    }

    // MARK: People

    @Test(arguments: [(89, false), (90, true)])
    func aMappedPersonIsDueAfterNinetyDaysOfWaiting(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("person", ["name": "Aud", "status": "mapped"])
        try fixture.moved("person", id, to: "consented", on: start.adding(-20))
        try fixture.moved("person", id, to: "mapped", on: start)

        let alert = try fixture.due(on: start.adding(days)).alert(.personWaiting)
        #expect(alert?.items.map(\.id) == (fires ? [id] : nil))
        #expect(alert?.items.first?.name == (fires ? "Aud" : nil))
    }

    @Test func aPersonWaitsFromConsentWhenTheMappingWasNotRecorded() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("person", ["name": "Aud", "status": "mapped"])
        try fixture.moved("person", id, to: "consented", on: start)
        #expect(try fixture.ids(.personWaiting, on: start.adding(89)) == nil)
        #expect(try fixture.ids(.personWaiting, on: start.adding(90)) == [id])
    }

    @Test(arguments: [(89, false), (90, true)])
    func aClosedPersonsRecordIsDueForDeletionAfterNinetyDays(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let id = try fixture.add("person", ["name": "Aud", "status": "closed"])
        try fixture.moved("person", id, to: "closed", on: start)
        #expect(try fixture.ids(.retentionExpired, on: start.adding(days)) == (fires ? [id] : nil))
    }

    @Test(arguments: [(-1, false), (0, true), (12, true)])
    func aConsentIsDueForReviewOnItsReviewDay(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let person = try fixture.add("person", ["name": "Aud", "status": "consented"])
        let consent = try fixture.add("consent", [
            "subject": .string(person), "purposes": ["registration"], "given_by": "self",
            "given_on": "2025-01-01", "review_on": start.json,
        ])

        let item = try fixture.due(on: start.adding(days)).alert(.consentReviewDue)?.items.first
        #expect(item == (fires ? DueList.Item(collection: "consent", id: consent, name: "Aud", daysOver: days) : nil))
    }

    @Test func aWithdrawnConsentIsNotDueForReview() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let person = try fixture.add("person", ["name": "Aud", "status": "closed"])
        _ = try fixture.add("consent", [
            "subject": .string(person), "purposes": ["registration"], "given_by": "self",
            "given_on": "2025-01-01", "review_on": start.json, "withdrawn_on": start.json,
        ])
        #expect(try fixture.ids(.consentReviewDue, on: start.adding(10)) == nil)
    }

    // MARK: Matches

    @Test(arguments: [(182, false), (183, true)])
    func anActiveMatchIsDueForACheckInSixMonthsAfterTheLastOne(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let volunteer = try fixture.add("volunteer", ["name": "Per", "status": "active"])
        let match = try fixture.add("match", [
            "volunteer": .string(volunteer), "status": "active", "started_on": start.adding(-400).json,
        ])
        for offset in [-200, 0, -30] {
            _ = try fixture.add("match_checkin", [
                "match": .string(match), "date": start.adding(offset).json, "still_meeting": true,
            ])
        }
        #expect(try fixture.ids(.matchWithoutCheckIn, on: start.adding(days)) == (fires ? [match] : nil))
    }

    @Test func aMatchIsNamedByItsVolunteerAndPerson() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let volunteer = try fixture.add("volunteer", ["name": "Per", "status": "active"])
        let person = try fixture.add("person", ["name": "Aud", "status": "matched"])
        _ = try fixture.add("match", [
            "volunteer": .string(volunteer), "person": .string(person), "status": "active",
            "started_on": start.json,
        ])
        let item = try #require(try fixture.due(on: start.adding(200)).alert(.matchWithoutCheckIn)?.items.first)
        #expect(item.name == "Per – Aud")
        #expect(item.daysOver == 17)
    }

    @Test(arguments: [(182, false), (183, true)])
    func aMatchWithoutCheckInsCountsFromItsStart(days: Int, fires: Bool) throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let volunteer = try fixture.add("volunteer", ["name": "Per", "status": "active"])
        let match = try fixture.add("match", [
            "volunteer": .string(volunteer), "status": "active", "started_on": start.json,
        ])
        _ = try fixture.add("match", [
            "volunteer": .string(volunteer), "status": "ended", "started_on": start.adding(-900).json,
        ])
        #expect(try fixture.ids(.matchWithoutCheckIn, on: start.adding(days)) == (fires ? [match] : nil))
    }

    @Test func itemsAreListedMostOverdueFirst() throws {
        let fixture = try DueStore().withGroupDutiesDone()
        let recent = try fixture.add("person", ["name": "Recent", "status": "mapped"])
        let old = try fixture.add("person", ["name": "Old", "status": "mapped"])
        try fixture.moved("person", recent, to: "mapped", on: start.adding(-95))
        try fixture.moved("person", old, to: "mapped", on: start.adding(-200))

        let items = try #require(try fixture.due(on: start).alert(.personWaiting)?.items)
        #expect(items.map(\.id) == [old, recent])
        #expect(items.map(\.daysOver) == [110, 5])
    }

    // MARK: The group

    /// Gatherings as status and date, and which gathering alert fires.
    static let gatheringCases: [([String], DueList.Kind?)] = [
        ([], .noGatheringThisYear),
        (["held 2025-11-01"], .noGatheringThisYear),
        (["cancelled 2026-05-01"], .noGatheringThisYear),
        (["held 2026-01-15"], .fewGatheringsThisYear),
        (["planned 2026-12-31"], .fewGatheringsThisYear),
        (["closed 2026-01-15", "open 2026-09-01"], nil),
        (["held 2026-02-01", "held 2025-12-31", "cancelled 2026-04-01"], .fewGatheringsThisYear),
    ]

    @Test(arguments: gatheringCases)
    func gatheringsThisYearAreCounted(gatherings: [String], expected: DueList.Kind?) throws {
        let fixture = try DueStore()
        _ = try fixture.add("agreement", ["status": "registered"])
        for gathering in gatherings {
            let parts = gathering.split(separator: " ").map(String.init)
            _ = try fixture.add("gathering", ["status": .string(parts[0]), "date": .string(parts[1])])
        }
        let kinds = try fixture.due(on: start).alerts.map(\.kind)
        #expect(kinds == (expected.map { [$0] } ?? []))
        #expect(DueList.Kind.fewGatheringsThisYear.isHint)
        #expect(!DueList.Kind.noGatheringThisYear.isHint)
    }

    @Test(arguments: [
        ([String](), true), (["sent"], true), (["terminated", "under_review"], true),
        (["terminated", "registered"], false),
    ])
    func anAgreementMustBeRegistered(statuses: [String], fires: Bool) throws {
        let fixture = try DueStore()
        _ = try fixture.add("gathering", ["status": "held", "date": "2026-02-01"])
        _ = try fixture.add("gathering", ["status": "held", "date": "2026-03-01"])
        var ids: [String] = []
        for status in statuses {
            ids.append(try fixture.add("agreement", ["status": .string(status)]))
        }

        let alert = try fixture.due(on: start).alert(.agreementNotRegistered)
        #expect((alert != nil) == fires)
        if let alert {
            #expect(alert.items.map(\.id).sorted() == ids.sorted())
            #expect(alert.items.allSatisfy { $0.daysOver == nil })
        }
    }
}
