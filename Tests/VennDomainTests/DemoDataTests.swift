import Testing
import VennSchema
import VennStore
@testable import VennDomain

struct DemoDataTests {
    /// Every collection the demo data writes.
    static let collections = [
        "volunteer", "person", "match", "course", "gathering", "member", "activity_type", "working_group",
        "agreement", "course_enrolment", "followup_conversation", "consent", "representative", "match_checkin",
        "transition", "refund_limit", "refund_claim",
    ]

    @Test(arguments: [DemoData.Size.typical, .city])
    func fillWritesTheRecordsOfTheSize(size: DemoData.Size) throws {
        let fixture = try DemoDataFixture()
        let summary = try DemoData.fill(fixture.store, size: size, seed: 7)

        let counts = try DemoDataTests.collections.reduce(into: [String: Int]()) { counts, collection in
            counts[collection] = try fixture.store.records(collection: collection).count
        }
        #expect(counts["volunteer"] == size.volunteerCount)
        #expect(counts["person"] == size.personCount)
        #expect(counts["match"] == size.matchCount)
        #expect(counts["course"] == size.courseCount)
        #expect(counts["gathering"] == size.gatheringCount)
        #expect(counts["member"] == size.memberCount)
        #expect(counts["activity_type"] == DemoData.activities.count)
        #expect(counts["working_group"] == 1)
        #expect(counts["agreement"] == 1)
        #expect(counts["refund_limit"] == DemoData.refundLimits.count)
        #expect(counts["match_checkin"] ?? 0 >= size.activeMatchCount)
        #expect(counts["transition"] ?? 0 > size.volunteerCount)
        #expect(counts["refund_claim"] ?? 0 > 0)
        #expect(summary.transitions == counts["transition"])
        #expect(summary.consents == counts["consent"])
        #expect(summary.volunteers == size.volunteerCount)
        #expect(summary.persons == size.personCount)
        #expect(summary.matches == size.matchCount)
        #expect(summary.total == counts.values.reduce(0, +))

        let matches = try fixture.store.records(collection: "match")
        #expect(matches.filter { $0.values["status"] == "active" }.count == size.activeMatchCount)
        #expect(summary.activeMatches == size.activeMatchCount)
    }

    @Test func theTypicalSizeIsTheDomainsTypicalGroup() {
        let size = DemoData.Size.typical
        #expect(size.volunteerCount == 15)
        #expect(size.personCount == 12)
        #expect(size.activeMatchCount == 10)
        #expect(size.courseCount == 5)
        #expect(size.gatheringCount == 2)
        #expect(DemoData.Size.city.matchCount == 1200)
    }

    @Test func everyRecordPassesTheSchemas() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .city, seed: 3)

        for collection in DemoDataTests.collections {
            for record in try fixture.store.records(collection: collection) {
                let issues = fixture.store.schemas.validate(
                    collection: collection,
                    id: record.id,
                    fields: record.values
                )
                #expect(issues.isEmpty, "\(collection): \(issues)")
            }
        }
    }

    @Test func theSameSeedGivesTheSameRecords() throws {
        let first = try DemoDataFixture()
        let second = try DemoDataFixture()
        let third = try DemoDataFixture()
        _ = try DemoData.fill(first.store, size: .typical, seed: 42)
        _ = try DemoData.fill(second.store, size: .typical, seed: 42)
        _ = try DemoData.fill(third.store, size: .typical, seed: 43)

        func names(_ fixture: DemoDataFixture, _ collection: String) throws -> [String] {
            try fixture.store.records(collection: collection).compactMap { $0.values["name"]?.stringValue }.sorted()
        }
        // Values without references, which hold the store's random ids.
        let references: Set<String> = [
            "contact_member", "volunteer", "person", "leaders", "subject", "by", "match", "course",
            "representative", "held_by", "checked_by", "leader", "gathering",
        ]
        func contents(_ fixture: DemoDataFixture, _ collection: String) throws -> [String] {
            try fixture.store.records(collection: collection).map { record in
                JSONValue.object(record.values.filter { !references.contains($0.key) }).canonicalText
            }.sorted()
        }

        for collection in ["volunteer", "person", "member"] {
            #expect(try names(first, collection) == names(second, collection))
        }
        #expect(try names(first, "volunteer") != names(third, "volunteer"))
        for collection in ["volunteer", "person", "match", "course", "gathering", "consent", "transition"] {
            let (a, b) = (try contents(first, collection), try contents(second, collection))
            #expect(a == b, "\(collection): \(Set(a).symmetricDifference(b).sorted().prefix(2))")
        }
    }

    @Test func statusesSpreadOverTheStatusMachines() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .city, seed: 11)

        let volunteerStatuses = Set(try fixture.store.records(collection: "volunteer").compactMap {
            $0.values["status"]?.stringValue
        })
        #expect(volunteerStatuses == [
            "interested", "enrolled", "course_done", "ready", "proposed", "active", "paused", "ended",
            "withdrawn", "not_proceeding",
        ])
        let personStatuses = Set(try fixture.store.records(collection: "person").compactMap {
            $0.values["status"]?.stringValue
        })
        #expect(personStatuses == ["referred", "consented", "mapped", "proposed", "matched", "paused", "closed"])
        let matchStatuses = Set(try fixture.store.records(collection: "match").compactMap {
            $0.values["status"]?.stringValue
        })
        #expect(matchStatuses == ["proposed", "active", "ended", "declined"])
    }

    @Test func activeMatchesPairActiveVolunteersWithMatchedPeople() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .typical, seed: 5)
        let volunteers = Dictionary(uniqueKeysWithValues: try fixture.store.records(collection: "volunteer").map {
            ($0.id, $0)
        })
        let persons = Dictionary(uniqueKeysWithValues: try fixture.store.records(collection: "person").map {
            ($0.id, $0)
        })

        for match in try fixture.store.records(collection: "match") {
            let volunteer = try #require(match.values["volunteer"]?.stringValue.flatMap { volunteers[$0] })
            let person = try #require(match.values["person"]?.stringValue.flatMap { persons[$0] })
            guard match.values["status"] == "active" else { continue }
            #expect(volunteer.values["status"] == "active")
            #expect(person.values["status"] == "matched")

            let offered = Set(volunteer.values["interests"]?.arrayValue ?? [])
            let wanted = Set(person.values["interests"]?.arrayValue ?? [])
            #expect(!offered.isDisjoint(with: wanted))
        }
    }

    @Test func valuesLookNorwegianAndComeFromTheCatalogue() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .typical, seed: 9)
        let codes = Set(try fixture.store.records(collection: "activity_type").compactMap {
            $0.values["code"]?.stringValue
        })
        #expect(codes.isSuperset(of: ["walk", "cafe", "music", "fishing", "football", "gardening", "church"]))

        for collection in ["volunteer", "person", "member"] {
            for record in try fixture.store.records(collection: collection) {
                let name = try #require(record.values["name"]?.stringValue)
                #expect(name.split(separator: " ").count >= 2)
                if let phone = record.values["phone"]?.stringValue {
                    let digits = phone.filter(\.isNumber)
                    #expect(digits.count == 8)
                    #expect(digits.first == "4" || digits.first == "9")
                }
                for interest in record.values["interests"]?.arrayValue ?? [] {
                    #expect(codes.contains(try #require(interest.stringValue)))
                }
            }
        }
    }

    @Test func theStressSizeRuns() throws {
        let fixture = try DemoDataFixture()
        let summary = try DemoData.fill(fixture.store, size: .stress, seed: 1)
        #expect(summary.volunteers == 3000)
        #expect(summary.persons == 2500)
        #expect(try fixture.store.records(collection: "volunteer").count == 3000)
        let checked = Set(try fixture.store.records(collection: "match_checkin").compactMap {
            $0.values["match"]?.stringValue
        })
        let active = try fixture.store.records(collection: "match").filter { $0.values["status"] == "active" }
        #expect(active.count == 2000)
        #expect(active.allSatisfy { checked.contains($0.id) })
    }
}

struct DemoDataGeneratorTests {
    @Test func theSameSeedGivesTheSameSequence() {
        var first = DemoData.Generator(seed: 12)
        var second = DemoData.Generator(seed: 12)
        var other = DemoData.Generator(seed: 13)
        let a = (0..<10).map { _ in first.next() }
        #expect(a == (0..<10).map { _ in second.next() })
        #expect(a != (0..<10).map { _ in other.next() })
    }

    @Test func splitMix64MatchesItsReferenceOutput() {
        // The first outputs of the reference implementation for seed 0.
        var generator = DemoData.Generator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test(arguments: [
        (0, "1970-01-01"), (59, "1970-03-01"), (11_016, "2000-02-29"), (20_605, "2026-06-01"),
    ])
    func daysAreWrittenAsCalendarDates(number: Int, text: String) {
        #expect(DemoData.Day(number: number).text == text)
    }
}

/// The demo data agrees with the status machines and what-is-due rules.
struct DemoDataConsistencyTests {
    static let today = CalendarDay(milliseconds: DemoDataFixture.now)

    static func records(_ fixture: DemoDataFixture, _ collection: String) throws -> [Record] {
        try fixture.store.records(collection: collection)
    }

    @Test(arguments: [DemoData.Size.typical, .city])
    func everyReadyVolunteerHasTheCourseTheFollowUpAndThePledge(size: DemoData.Size) throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: size, seed: 21)
        let workflow = Workflow(store: fixture.store, today: Self.today)
        let volunteers = try Self.records(fixture, "volunteer")
        let ready = volunteers.filter { $0.values["status"] == "ready" }
        #expect(!ready.isEmpty)
        for volunteer in ready {
            #expect(try workflow.readiness(ofVolunteer: volunteer).isEmpty, "\(volunteer.id)")
        }
        // Every volunteer past the course has a completed enrolment; the
        // enrolled ones an enrolment.
        let enrolments = try Self.records(fixture, "course_enrolment")
        let completed = Set(enrolments.filter { $0.values["completed"] == .bool(true) }
            .compactMap { $0.values["volunteer"]?.stringValue })
        let enrolled = Set(enrolments.compactMap { $0.values["volunteer"]?.stringValue })
        for volunteer in volunteers {
            let status = volunteer.values["status"]?.stringValue ?? ""
            if ["course_done", "ready", "proposed", "active", "paused", "ended"].contains(status) {
                #expect(completed.contains(volunteer.id), "\(status)")
                #expect(volunteer.values["pledge_signed_on"] != nil || status == "course_done")
            }
            if status == "enrolled" { #expect(enrolled.contains(volunteer.id)) }
            if status != "interested" { #expect(volunteer.values["contacted_on"] != nil, "\(status)") }
        }
    }

    @Test(arguments: [DemoData.Size.typical, .city])
    func everyPersonPastReferredHasAConsentAndMappedOnesAMapping(size: DemoData.Size) throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: size, seed: 22)
        let workflow = Workflow(store: fixture.store, today: Self.today)
        let consents = try Self.records(fixture, "consent")
        let consented = Set(consents.compactMap { $0.values["subject"]?.stringValue })
        for person in try Self.records(fixture, "person") {
            let status = person.values["status"]?.stringValue ?? ""
            #expect(consented.contains(person.id) == (status != "referred"), "\(status)")
            if ["mapped", "proposed", "matched"].contains(status) {
                #expect(try workflow.mapping(ofPerson: person).isEmpty, "\(status)")
            }
        }
        // Consents given by a fremtidsfullmektig or verge name them.
        let representatives = Dictionary(uniqueKeysWithValues: try Self.records(fixture, "representative").map {
            ($0.id, $0)
        })
        for consent in consents where consent.values["given_by"] != "self" {
            let id = try #require(consent.values["representative"]?.stringValue)
            let representative = try #require(representatives[id])
            #expect(representative.values["role"] == consent.values["given_by"])
        }
        if size == .city {
            #expect(consents.contains { $0.values["given_by"] != "self" })
        }
    }

    @Test(arguments: [DemoData.Size.typical, .city])
    func activeMatchesAreCheckedOnAndFewAreOverdue(size: DemoData.Size) throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: size, seed: 23)
        var last: [String: CalendarDay] = [:]
        for checkIn in try Self.records(fixture, "match_checkin") {
            let match = try #require(checkIn.values["match"]?.stringValue)
            let day = try #require(CalendarDay(checkIn.values["date"]))
            #expect(day <= Self.today)
            last[match] = max(last[match] ?? day, day)
        }
        let active = try Self.records(fixture, "match").filter { $0.values["status"] == "active" }
        for match in active {
            let checked = try #require(last[match.id])
            #expect(CalendarDay(match.values["started_on"]).map { $0 <= checked } == true)
        }
        let overdue = active.filter { last[$0.id].map { $0.days(until: Self.today) } ?? 0 > DueList.checkInDays }
        #expect(overdue.count * 100 <= active.count * 15)
        let due = try DueList(store: fixture.store, today: Self.today)
        #expect(due.alert(.matchWithoutCheckIn)?.items.count ?? 0 == overdue.count)
    }

    @Test(arguments: [DemoData.Size.typical, .city])
    func theLatestMoveOfEveryRecordLeadsToItsStatusInOrder(size: DemoData.Size) throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: size, seed: 24)
        let machines = try ["volunteer", "person", "match", "agreement", "course", "gathering", "refund_claim"]
            .reduce(into: [String: [StatusTransition]]()) {
                $0[$1] = try Workflow(store: fixture.store, today: Self.today).transitions(of: $1)
            }
        var moves: [String: [Record]] = [:]
        let members = Set(try Self.records(fixture, "member").map(\.id))
        for transition in try Self.records(fixture, "transition") {
            let subject = try #require(transition.values["subject"]?.stringValue)
            moves[subject, default: []].append(transition)
            #expect(transition.values["by"]?.stringValue.map { members.contains($0) } == true)
        }
        for (collection, machine) in machines {
            for record in try Self.records(fixture, collection) {
                let list = (moves[record.id] ?? []).sorted {
                    ($0.values["on"]?.stringValue ?? "", $0.updated) < ($1.values["on"]?.stringValue ?? "", $1.updated)
                }
                // Days never go back; each move starts where the last ended.
                var status: String?
                var day: CalendarDay?
                for move in list {
                    let verb = try #require(move.values["verb"]?.stringValue)
                    let transition = try #require(machine.first { $0.verb == verb }, "\(collection) \(verb)")
                    let from = try #require(move.values["from"]?.stringValue)
                    #expect(transition.from.contains(from) && move.values["to"]?.stringValue == transition.to)
                    if let status { #expect(from == status, "\(collection) \(verb)") }
                    let on = try #require(CalendarDay(move.values["on"]))
                    if let day { #expect(day <= on, "\(collection) \(verb)") }
                    #expect(on <= Self.today)
                    status = transition.to
                    day = on
                }
                if let status { #expect(record.values["status"]?.stringValue == status, "\(collection)") }
            }
        }
        let volunteers = try Self.records(fixture, "volunteer")
        #expect(volunteers.allSatisfy { moves[$0.id] != nil || $0.values["status"] == "interested" })
    }

    @Test func aTypicalStoreHasAHandfulDueAndMedians() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .typical, seed: 1)
        let due = try DueList(store: fixture.store, today: Self.today)
        let items = due.alerts.reduce(0) { $0 + $1.items.count }
        #expect(items <= 10)
        #expect(due.alert(.agreementNotRegistered) == nil)
        #expect(due.alert(.noGatheringThisYear) == nil)
        #expect(due.alert(.fewGatheringsThisYear) == nil)

        let city = try DemoDataFixture()
        _ = try DemoData.fill(city.store, size: .city, seed: 1)
        let statistics = try GroupStatistics.compute(from: city.store, year: Self.today.civil.year, today: Self.today)
        for field in ["median_days_to_ready", "median_days_to_match", "median_wait_days"] {
            #expect(statistics.values[field] != nil, "\(field)")
        }
        #expect(statistics.values["refunds_claimed"]?.doubleValue ?? 0 > 0)
    }

    @Test func theGroupHasARegisteredAgreementAndClaimsUnderItsLimits() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .city, seed: 25)
        let agreement = try #require(try Self.records(fixture, "agreement").first)
        #expect(agreement.values["status"] == "registered")
        let leader = try #require(agreement.values["leader"]?.stringValue)
        let member = try #require(try fixture.store.record(collection: "member", id: leader))
        #expect(member.values["roles"]?.arrayValue?.contains("lead") == true)
        let group = try #require(try Self.records(fixture, "working_group").first)
        #expect(group.values["serves"]?.arrayValue?.isEmpty == false)

        let limits = Dictionary(uniqueKeysWithValues: try Self.records(fixture, "refund_limit").compactMap { limit in
            limit.values["category"]?.stringValue.map { ($0, limit.values["amount"]?.doubleValue ?? 0) }
        })
        let claims = try Self.records(fixture, "refund_claim")
        #expect(Set(claims.compactMap { $0.values["status"]?.stringValue }).count >= 3)
        for claim in claims {
            let category = try #require(claim.values["category"]?.stringValue)
            #expect(claim.values["amount"]?.doubleValue ?? .infinity <= limits[category] ?? 0)
            #expect(claim.values["course"] != nil || claim.values["gathering"] != nil)
        }
    }
}
