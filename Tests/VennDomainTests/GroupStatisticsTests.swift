import Foundation
import Synchronization
import Testing
@testable import VennDomain
import VennSchema
import VennStore

/// A wall clock the test sets by hand, at noon UTC of a day.
private final class StatisticsClock: Sendable {
    private let milliseconds = Mutex<UInt64>(0)

    var now: UInt64 { milliseconds.withLock { $0 } }

    func set(_ day: String) {
        let number = CalendarDay(day)?.number ?? 0
        milliseconds.withLock { $0 = UInt64(number) * 86_400_000 + 43_200_000 }
    }
}

/// A store in a fresh temporary directory, removed with the fixture, and
/// helpers that write records and their moves on given days.
private final class StatisticsFixture {
    let directory: URL
    let store: Store
    let clock = StatisticsClock()

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-stats-tests-\(UUID().uuidString)", isDirectory: true)
        clock.set("2025-01-01")
        let clock = self.clock
        let options = Store.Options(wallClock: { clock.now }, actor: "test")
        let path = directory.appendingPathComponent("group.sqlite").path
        store = try Store.create(at: path, group: "g", options: options)
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds a record, made on `day` when given.
    @discardableResult
    func add(_ collection: String, on day: String? = nil, _ fields: [String: JSONValue]) throws -> String {
        if let day { clock.set(day) }
        return try store.add(collection: collection, fields: fields)
    }

    /// Adds `count` records with the same fields.
    func add(_ count: Int, _ collection: String, _ fields: [String: JSONValue]) throws {
        for _ in 0..<count { try add(collection, fields) }
    }

    /// Records moves of one record: each step is (to, day), starting from
    /// `from`.
    func moves(_ collection: String, _ id: String, from: String, _ steps: [(String, String)]) throws {
        var current = from
        for (to, day) in steps {
            _ = try store.addSystemRecord(collection: "transition", fields: [
                "subject_collection": .string(collection), "subject": .string(id), "verb": "move",
                "from": .string(current), "to": .string(to), "on": .string(day),
            ])
            current = to
        }
    }

    /// The day `days` after `day`, as text.
    static func day(_ day: String, plus days: Int) -> String {
        (CalendarDay(day) ?? CalendarDay(number: 0)).adding(days).text
    }
}

struct GroupStatisticsTests {
    static let today = CalendarDay("2025-10-01")!

    // MARK: - Known records

    /// Volunteers: five through the whole funnel in 2025, one through it in
    /// 2024, six interested, four ready, five ended in 2025 and one in 2024.
    private func addVolunteers(_ fixture: StatisticsFixture) throws -> String {
        var first = ""
        let toCourse = [10, 20, 30, 40, 50], toReady = [5, 5, 7, 9, 100], toMatch = [1, 2, 3, 4, 5]
        for index in 0..<5 {
            let id = try fixture.add("volunteer", on: "2025-01-01", ["name": "V", "status": "active"])
            if index == 0 { first = id }
            let courseDone = StatisticsFixture.day("2025-01-01", plus: toCourse[index])
            let ready = StatisticsFixture.day(courseDone, plus: toReady[index])
            let active = StatisticsFixture.day(ready, plus: toMatch[index])
            try fixture.moves("volunteer", id, from: "interested", [
                ("enrolled", "2025-01-05"), ("course_done", courseDone), ("ready", ready),
                ("proposed", ready), ("active", active),
            ])
        }
        let earlier = try fixture.add("volunteer", on: "2024-01-01", ["name": "V", "status": "paused"])
        try fixture.moves("volunteer", earlier, from: "interested", [
            ("enrolled", "2024-01-01"), ("course_done", "2024-01-02"), ("ready", "2024-01-03"),
            ("active", "2024-01-04"), ("paused", "2024-02-01"),
        ])

        try fixture.add(6, "volunteer", ["name": "V", "status": "interested"])
        try fixture.add(4, "volunteer", ["name": "V", "status": "ready"])
        for day in ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-12-31", "2024-06-01"] {
            let id = try fixture.add("volunteer", ["name": "V", "status": "ended"])
            try fixture.moves("volunteer", id, from: "active", [("ended", day)])
        }
        return first
    }

    /// People: five matched after waits of 10 to 60 days (the first with a
    /// proposal that fell through), six waiting, one referred, one closed.
    private func addPeople(_ fixture: StatisticsFixture) throws {
        for wait in [10, 20, 30, 40, 60] {
            let id = try fixture.add("person", ["name": "P", "status": "matched", "residence": "home"])
            var steps = [("mapped", "2025-02-01"), ("proposed", "2025-02-03")]
            if wait == 10 { steps += [("mapped", "2025-02-05"), ("proposed", "2025-02-08")] }
            steps.append(("matched", StatisticsFixture.day("2025-02-01", plus: wait)))
            try fixture.moves("person", id, from: "consented", steps)
        }
        try fixture.add(2, "person", ["name": "P", "status": "mapped", "residence": "home"])
        try fixture.add(4, "person", ["name": "P", "status": "mapped", "residence": "institution"])
        try fixture.add("person", ["name": "P", "status": "referred", "residence": "home"])
        try fixture.add("person", ["name": "P", "status": "closed", "residence": "day_centre"])
    }

    private func addMatches(_ fixture: StatisticsFixture, volunteer: String) throws {
        let pair: [String: JSONValue] = ["volunteer": .string(volunteer)]
        try fixture.add(5, "match", pair.merging(["status": "active", "started_on": "2025-06-01"]) { $1 })
        try fixture.add("match", pair.merging(["status": "active", "started_on": "2025-09-15"]) { $1 })
        try fixture.add(5, "match", pair.merging([
            "status": "ended", "started_on": "2024-01-01", "ended_on": "2025-02-01", "end_reason": "poor_fit",
        ]) { $1 })
        try fixture.add("match", pair.merging([
            "status": "ended", "started_on": "2024-06-01", "ended_on": "2024-12-31", "end_reason": "other",
        ]) { $1 })
        try fixture.add("match", pair.merging(["status": "declined", "ended_on": "2025-03-01"]) { $1 })
    }

    private func addCoursesAndGatherings(_ fixture: StatisticsFixture, activityType: String) throws {
        var courses: [String] = []
        for (index, status) in ["held", "held", "held", "closed", "closed"].enumerated() {
            let session = JSONValue.string("2025-03-0\(index + 1) 18:00-21:00")
            courses.append(try fixture.add("course", [
                "kind": "in_person", "status": .string(status), "sessions": [session],
            ]))
        }
        let older = try fixture.add("course", [
            "kind": "in_person", "status": "closed", "sessions": ["2024-03-01 18:00-21:00"],
        ])
        try fixture.add("course", [
            "kind": "in_person", "status": "open", "sessions": ["2025-11-01 18:00-21:00"],
        ])

        var volunteers: [String] = []
        for _ in 0..<7 { volunteers.append(try fixture.add("volunteer", ["name": "E", "status": "enrolled"])) }
        for index in 0..<6 {
            try fixture.add("course_enrolment", [
                "course": .string(courses[index % 5]), "volunteer": .string(volunteers[index]),
                "completed": .bool(index < 5),
            ])
        }
        try fixture.add("course_enrolment", [
            "course": .string(courses[1]), "volunteer": .string(volunteers[0]), "completed": false,
        ])
        try fixture.add("course_enrolment", [
            "course": .string(older), "volunteer": .string(volunteers[6]), "completed": true,
        ])

        for day in ["2025-01-10", "2025-03-10", "2025-05-10", "2025-09-10", "2025-11-10"] {
            try fixture.add("gathering", ["date": .string(day), "status": day < "2025-10" ? "closed" : "held"])
        }
        try fixture.add("gathering", ["date": "2025-06-10", "status": "cancelled"])
        try fixture.add("gathering", ["date": "2024-06-10", "status": "held"])

        try fixture.add(5, "group_activity", ["activity_type": .string(activityType)])
        try fixture.add("group_activity", ["activity_type": .string(activityType), "active": false])
    }

    private func addRefunds(_ fixture: StatisticsFixture) throws {
        let claims: [[String: JSONValue]] = [
            ["amount": 100, "status": "submitted", "submitted_on": "2025-03-01"],
            ["amount": 200, "status": "approved", "submitted_on": "2025-03-01"],
            ["amount": 300.5, "status": "paid", "submitted_on": "2025-03-01", "paid_on": "2025-04-01"],
            ["amount": 1000, "status": "draft"],
            ["amount": 400, "status": "returned", "submitted_on": "2025-03-01"],
            ["amount": 50, "status": "paid", "submitted_on": "2024-12-01", "paid_on": "2025-01-10"],
        ]
        for claim in claims {
            try fixture.add("refund_claim", claim.merging(["category": "food"]) { $1 })
        }
    }

    private func knownStore() throws -> StatisticsFixture {
        let fixture = try StatisticsFixture()
        let volunteer = try addVolunteers(fixture)
        try addPeople(fixture)
        try addMatches(fixture, volunteer: volunteer)
        try addCoursesAndGatherings(fixture, activityType: volunteer)
        try addRefunds(fixture)
        fixture.clock.set("2025-10-01")
        return fixture
    }

    @Test func knownRecordsGiveExactCountsAndMedians() throws {
        let fixture = try knownStore()

        let statistics = try GroupStatistics.compute(from: fixture.store, year: 2025, today: Self.today)

        let expected: [String: JSONValue] = [
            "year": 2025, "computed_at": "2025-10-01T12:00:00Z",
            "volunteers_interested": 6, "volunteers_active": 5, "volunteers_ended": 5, "volunteers_enrolled": 7,
            "median_days_to_course": 30, "median_days_to_ready": 7, "median_days_to_match": 3,
            "people_waiting": 6, "median_wait_days": 30, "people_at_home": 7,
            "matches_active": 6, "matches_active_3_to_12_months": 5, "matches_new": 6,
            "matches_ended": 5, "matches_ended_poor_fit": 5, "matches_ended_over_12_months": 5,
            "group_activities": 5, "courses_held": 5, "course_participants": 6, "course_completions": 5,
            "gatherings_held": 5,
            "refunds_claimed": 600.5, "refunds_approved": 500.5, "refunds_paid": 350.5,
        ]
        #expect(statistics.values == expected)
        #expect(statistics.year == 2025)
        #expect(statistics.computedAt == "2025-10-01T12:00:00Z")
    }

    @Test func anotherYearCountsOnlyWhatHappenedThen() throws {
        let fixture = try knownStore()

        let statistics = try GroupStatistics.compute(from: fixture.store, year: 2024, today: Self.today)

        // One volunteer through the funnel in 2024, one ended, one match
        // ended, one course: all too few to show.
        for field in ["median_days_to_course", "volunteers_ended", "matches_ended", "courses_held"] {
            #expect(statistics.values[field] == nil, "\(field)")
        }
        #expect(statistics.values["matches_new"] == 6)
        #expect(statistics.values["volunteers_interested"] == 6)
        #expect(statistics.values["refunds_claimed"] == 50.0)
        #expect(statistics.values["refunds_paid"] == 0.0)
    }

    @Test func onlyComputedAtIsTextAndEveryFieldIsInTheSchema() throws {
        let fixture = try knownStore()
        let schema = try #require(fixture.store.schemas.collection(named: GroupStatistics.collection))

        let statistics = try GroupStatistics.compute(from: fixture.store, year: 2025, today: Self.today)

        #expect(statistics.values.count > 2)
        for (field, value) in statistics.values {
            #expect(schema.field(named: field) != nil, "\(field)")
            switch value {
            case .string: #expect(field == "computed_at")
            case .int, .double: break
            default: Issue.record("\(field) is \(value)")
            }
        }
    }

    // MARK: - Suppression

    @Test(arguments: [0, 1, 4, 5, 6])
    func countsAndMediansOfFewerThanFiveAreLeftOut(count: Int) throws {
        let fixture = try StatisticsFixture()
        let volunteer = try fixture.add("volunteer", ["name": "V", "status": "active"])
        try fixture.add(count, "match", ["volunteer": .string(volunteer), "status": "active"])
        for _ in 0..<count {
            let id = try fixture.add("person", ["name": "P", "status": "matched"])
            try fixture.moves("person", id, from: "consented", [("mapped", "2025-02-01"), ("matched", "2025-02-11")])
        }

        let statistics = try GroupStatistics.compute(from: fixture.store, year: 2025, today: Self.today)

        let shown: JSONValue? = count >= GroupStatistics.suppressionThreshold ? .int(Int64(count)) : nil
        #expect(statistics.values["matches_active"] == shown)
        #expect(statistics.values["median_wait_days"] == (shown == nil ? nil : 10))
        #expect(statistics.values["volunteers_active"] == nil)
        #expect(statistics.values["year"] == 2025)
    }

    @Test func anEmptyStoreGivesTheYearAndZeroSums() throws {
        let fixture = try StatisticsFixture()

        let statistics = try GroupStatistics.compute(from: fixture.store, year: 2025, today: Self.today)

        #expect(statistics.values == [
            "year": 2025, "computed_at": "2025-01-01T12:00:00Z",
            "refunds_claimed": 0.0, "refunds_approved": 0.0, "refunds_paid": 0.0,
        ])
    }

    @Test(arguments: [([1, 2, 3], 2), ([4, 1, 3, 2], 2), ([10, 20, 30, 41], 25), ([7], 7)])
    func medianTakesTheMiddleOrTheMeanOfTheTwoMiddleRoundedDown(values: [Int], median: Int) {
        #expect(GroupStatistics.Tally.median(values) == median)
    }
}

struct GroupStatisticsSaveTests {
    @Test func savingTwiceUpdatesTheOneRecordOfTheYear() throws {
        let fixture = try StatisticsFixture()
        let volunteer = try fixture.add("volunteer", ["name": "V", "status": "active"])
        var matches: [String] = []
        for _ in 0..<6 {
            matches.append(try fixture.add("match", ["volunteer": .string(volunteer), "status": "active"]))
        }
        let first = try GroupStatistics.compute(from: fixture.store, year: 2025, today: GroupStatisticsTests.today)
        let id = try GroupStatistics.save(first, to: fixture.store)

        for match in matches.prefix(2) {
            _ = try fixture.store.update(collection: "match", id: match, changes: ["status": "paused"])
        }
        try fixture.add(6, "volunteer", ["name": "V", "status": "interested"])
        fixture.clock.set("2025-10-01")
        let second = try GroupStatistics.compute(from: fixture.store, year: 2025, today: GroupStatisticsTests.today)
        let again = try GroupStatistics.save(second, to: fixture.store)

        #expect(again == id)
        let records = try fixture.store.records(collection: GroupStatistics.collection)
        #expect(records.map(\.id) == [id])
        let saved = try #require(records.first).values
        #expect((saved["matches_active"] ?? .null).isNull)
        #expect(saved["volunteers_interested"] == 6)
        #expect(saved["computed_at"] == "2025-10-01T12:00:00Z")
        #expect(saved["year"] == 2025)
    }

    @Test func eachYearHasItsOwnRecord() throws {
        let fixture = try StatisticsFixture()
        let today = GroupStatisticsTests.today

        let earlier = try GroupStatistics.compute(from: fixture.store, year: 2024, today: today)
        let later = try GroupStatistics.compute(from: fixture.store, year: 2025, today: today)

        let first = try GroupStatistics.save(earlier, to: fixture.store)
        let second = try GroupStatistics.save(later, to: fixture.store)

        #expect(first != second)
        let years = try fixture.store.records(collection: GroupStatistics.collection).compactMap { $0.values["year"] }
        #expect(Set(years) == [2024, 2025])
    }

    @Test func recordsOfTheSameYearFromTwoLaptopsBecomeOne() throws {
        let fixture = try StatisticsFixture()
        let stale: [String: JSONValue] = ["year": 2025, "computed_at": "2025-01-01T00:00:00Z", "matches_active": 9]
        // As two laptops would each have added one before they synced.
        let ids = [
            try fixture.store.addSystemRecord(collection: GroupStatistics.collection, fields: stale),
            try fixture.store.addSystemRecord(collection: GroupStatistics.collection, fields: stale),
        ]

        let statistics = try GroupStatistics.compute(from: fixture.store, year: 2025, today: GroupStatisticsTests.today)
        let id = try GroupStatistics.save(statistics, to: fixture.store)

        #expect(id == ids.min())
        let records = try fixture.store.records(collection: GroupStatistics.collection)
        #expect(records.map(\.id) == [id])
        let kept = try #require(records.first)
        #expect((kept.values["matches_active"] ?? .null).isNull)
    }

    @Test func aYearTheSchemaRefusesIsNotSaved() throws {
        let fixture = try StatisticsFixture()
        let statistics = try GroupStatistics.compute(from: fixture.store, year: 1999, today: GroupStatisticsTests.today)

        #expect(throws: StoreError.self) { try GroupStatistics.save(statistics, to: fixture.store) }
        #expect(try fixture.store.records(collection: GroupStatistics.collection).isEmpty)
    }
}
