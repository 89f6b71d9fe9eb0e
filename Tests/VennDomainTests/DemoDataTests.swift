import Testing
import VennSchema
import VennStore
@testable import VennDomain

struct DemoDataTests {
    @Test(arguments: [DemoData.Size.typical, .city])
    func fillWritesTheRecordsOfTheSize(size: DemoData.Size) throws {
        let fixture = try DemoDataFixture()
        let summary = try DemoData.fill(fixture.store, size: size, seed: 7)

        let counts = try [
            "volunteer", "person", "match", "course", "gathering", "member", "activity_type",
        ].reduce(into: [String: Int]()) { counts, collection in
            counts[collection] = try fixture.store.records(collection: collection).count
        }
        #expect(counts["volunteer"] == size.volunteerCount)
        #expect(counts["person"] == size.personCount)
        #expect(counts["match"] == size.matchCount)
        #expect(counts["course"] == size.courseCount)
        #expect(counts["gathering"] == size.gatheringCount)
        #expect(counts["member"] == size.memberCount)
        #expect(counts["activity_type"] == DemoData.activities.count)
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
        #expect(size.courseCount == 2)
        #expect(size.gatheringCount == 2)
        #expect(DemoData.Size.city.matchCount == 1200)
    }

    @Test func everyRecordPassesTheSchemas() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .city, seed: 3)

        for collection in ["volunteer", "person", "match", "course", "gathering", "member", "activity_type"] {
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
        let references: Set<String> = ["contact_member", "volunteer", "person", "leaders"]
        func contents(_ fixture: DemoDataFixture, _ collection: String) throws -> [String] {
            try fixture.store.records(collection: collection).map { record in
                JSONValue.object(record.values.filter { !references.contains($0.key) }).canonicalText
            }.sorted()
        }

        for collection in ["volunteer", "person", "member"] {
            #expect(try names(first, collection) == names(second, collection))
        }
        #expect(try names(first, "volunteer") != names(third, "volunteer"))
        for collection in ["volunteer", "person", "match", "course", "gathering"] {
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
