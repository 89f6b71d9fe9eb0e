import Testing
import VennSchema
import VennStore
import VennSync
@testable import VennDomain

/// A volunteer record for ranking tables.
private func volunteer(
    _ id: String,
    status: String = "ready",
    interests: [String] = [],
    availability: [String] = [],
    area: String? = nil,
    home: Bool? = nil,
    institution: Bool? = nil,
    group: Bool? = nil
) -> Record {
    var values: [String: JSONValue] = [
        "name": .string("Frivillig \(id)"),
        "status": .string(status),
        "interests": .array(interests.map(JSONValue.string)),
        "availability": .array(availability.map(JSONValue.string)),
    ]
    values["area"] = area.map(JSONValue.string)
    values["willing_home"] = home.map(JSONValue.bool)
    values["willing_institution"] = institution.map(JSONValue.bool)
    values["willing_group"] = group.map(JSONValue.bool)
    return Record(collection: "volunteer", id: id, values: values, updated: Timestamp(milliseconds: 0))
}

/// A person record for ranking tables.
private func person(
    _ id: String = "p",
    status: String = "mapped",
    interests: [String] = [],
    availability: [String] = [],
    area: String? = nil,
    residence: String? = nil
) -> Record {
    var values: [String: JSONValue] = [
        "name": .string("Person \(id)"),
        "status": .string(status),
        "interests": .array(interests.map(JSONValue.string)),
        "availability": .array(availability.map(JSONValue.string)),
    ]
    values["area"] = area.map(JSONValue.string)
    values["residence"] = residence.map(JSONValue.string)
    return Record(collection: "person", id: id, values: values, updated: Timestamp(milliseconds: 0))
}

struct MatchRankingTests {
    @Test(arguments: [0, 1, 2, 3])
    func sharedInterestsRaiseTheScore(shared: Int) throws {
        let wanted = ["walk", "music", "fishing"]
        let target = person(interests: wanted)
        let fewer = volunteer("a", interests: Array(wanted.prefix(max(0, shared - 1))) + ["baking"])
        let more = volunteer("b", interests: Array(wanted.prefix(shared)) + ["baking"])

        let candidates = MatchRanking.suggest(for: target, volunteers: [fewer, more])
        let best = try #require(candidates.first)
        if shared == 0 {
            #expect(candidates.allSatisfy { $0.score == 0 && $0.reasons.isEmpty })
        } else {
            #expect(best.volunteerID == "b")
            #expect(best.score > candidates[1].score)
            #expect(best.reasons.contains(.sharedInterests(Array(wanted.prefix(shared)).sorted())))
        }
    }

    @Test(arguments: [1, 2, 3])
    func overlappingTimesRaiseTheScore(shared: Int) throws {
        let slots = ["mon-morning", "tue-evening", "sun-afternoon"]
        let target = person(availability: slots)
        let fewer = volunteer("a", availability: Array(slots.prefix(shared - 1)) + ["sat-evening"])
        let more = volunteer("b", availability: Array(slots.prefix(shared)) + ["sat-evening"])

        let candidates = MatchRanking.suggest(for: target, volunteers: [fewer, more])
        let best = try #require(candidates.first)
        #expect(best.volunteerID == "b")
        #expect(best.score > candidates[1].score)
        #expect(best.reasons.contains(.overlappingTimes(Array(slots.prefix(shared)))))
    }

    @Test func sharedValuesAreListedInCatalogueAndWeekdayOrder() throws {
        let target = person(interests: ["walk", "cafe", "music"], availability: ["sun-evening", "mon-morning"])
        let friend = volunteer("a", interests: ["music", "cafe"], availability: ["mon-morning", "sun-evening"])
        let candidate = try #require(MatchRanking.suggest(for: target, volunteers: [friend]).first)
        #expect(candidate.reasons == [
            .sharedInterests(["cafe", "music"]), .overlappingTimes(["mon-morning", "sun-evening"]),
        ])
        #expect(candidate.score == 28 + 20)
    }

    @Test(arguments: ["home", "institution", "day_centre"])
    func aVolunteerNotWillingForTheResidenceRanksBelowOneWhoIs(residence: String) throws {
        let target = person(interests: ["walk"], residence: residence)
        let isHome = residence == "home"
        // The unwilling one has the lower id and more in common otherwise.
        let unwilling = volunteer("a", interests: ["walk"], availability: ["mon-morning"], home: !isHome,
                                  institution: isHome)
        let willing = volunteer("b", interests: ["walk"], home: isHome, institution: !isHome)

        let candidates = MatchRanking.suggest(for: target, volunteers: [unwilling, willing])
        #expect(candidates.map(\.volunteerID) == ["b", "a"])
        #expect(candidates[0].reasons.contains(.residenceFits(residence)))
        #expect(!candidates[1].reasons.contains(.residenceFits(residence)))
    }

    @Test func theSameAreaCountsIgnoringCaseAndSpaces() throws {
        let target = person(area: "Nordbyen", residence: nil)
        let near = volunteer("b", area: " nordbyen ")
        let far = volunteer("a", area: "Sørbyen")
        let candidates = MatchRanking.suggest(for: target, volunteers: [far, near])
        #expect(candidates.map(\.volunteerID) == ["b", "a"])
        #expect(candidates[0].reasons == [.sameArea("Nordbyen")])
        #expect(candidates[0].score == 15)
    }

    @Test func groupWillingnessIsAReason() throws {
        let candidates = MatchRanking.suggest(
            for: person(),
            volunteers: [volunteer("a", group: false), volunteer("b", group: true)]
        )
        #expect(candidates.map(\.volunteerID) == ["b", "a"])
        #expect(candidates[0].reasons == [.groupActivityPossible])
    }

    @Test(arguments: ["interested", "enrolled", "course_done", "proposed", "paused", "ended", "withdrawn",
                      "not_proceeding"])
    func volunteersWhoAreNotReadyAreExcluded(status: String) {
        let target = person(interests: ["walk"])
        let candidates = MatchRanking.suggest(
            for: target,
            volunteers: [volunteer("a", status: status, interests: ["walk"]), volunteer("b")]
        )
        #expect(candidates.map(\.volunteerID) == ["b"])
    }

    @Test(arguments: [(nil, true, 1), (1, true, 1), (2, false, 2), (5, false, 5)] as [(Int?, Bool, Int)])
    func activeVolunteersAreCandidatesWhileTheyHaveCapacity(count: Int?, isCandidate: Bool, matches: Int) {
        let busy = volunteer("a", status: "active", interests: ["walk"])
        let counts = count.map { ["a": $0] } ?? [:]
        let candidates = MatchRanking.suggest(
            for: person(interests: ["walk"]),
            volunteers: [busy],
            activeMatchCounts: counts
        )
        #expect(candidates.count == (isCandidate ? 1 : 0))
        if isCandidate {
            #expect(candidates[0].reasons.contains(.alreadyMatched(matches)))
            #expect(candidates[0].score == 16 - 10 * matches)
        }
    }

    @Test func existingMatchesLowerTheScore() throws {
        let target = person(interests: ["walk", "music"])
        let free = volunteer("b", interests: ["walk", "music"])
        let matched = volunteer("a", interests: ["walk", "music"])
        let candidates = MatchRanking.suggest(for: target, volunteers: [matched, free], activeMatchCounts: ["a": 1])
        #expect(candidates.map(\.volunteerID) == ["b", "a"])
        #expect(candidates[1].reasons.last == .alreadyMatched(1))
        #expect(candidates[0].score - candidates[1].score == 10)
    }

    @Test func tiesAreOrderedByID() {
        let target = person(interests: ["walk"])
        let ids = ["c", "a", "e", "b", "d"]
        let candidates = MatchRanking.suggest(
            for: target,
            volunteers: ids.map { volunteer($0, interests: ["walk"]) },
            limit: 4
        )
        #expect(candidates.map(\.volunteerID) == ["a", "b", "c", "d"])
        #expect(Set(candidates.map(\.score)).count == 1)
    }

    @Test func scoresStayBetweenZeroAndOneHundred() throws {
        let everything = MatchRanking.slots
        let target = person(interests: ["walk", "music", "cafe", "games"], availability: everything,
                            area: "Sentrum", residence: "home")
        let ideal = volunteer("a", interests: ["walk", "music", "cafe", "games"], availability: everything,
                              area: "Sentrum", home: true, group: true)
        let poor = volunteer("b", status: "active", home: false)
        let candidates = MatchRanking.suggest(for: target, volunteers: [ideal, poor])
        #expect(candidates.map(\.score) == [100, 0])
    }

    @Test func aLimitOfZeroGivesNoCandidates() {
        #expect(MatchRanking.suggest(for: person(), volunteers: [volunteer("a")], limit: 0).isEmpty)
    }

    @Test func volunteersGetWaitingPeopleSuggested() throws {
        let friend = volunteer("v", interests: ["walk", "music"], availability: ["tue-evening"], home: true,
                               institution: false)
        let persons = [
            person("a", interests: ["walk"], residence: "institution"),
            person("b", interests: ["walk", "music"], availability: ["tue-evening"], residence: "home"),
            person("c", status: "matched", interests: ["walk", "music"], residence: "home"),
            person("d", status: "referred"),
            person("e", interests: ["walk"], residence: "home"),
        ]
        let candidates = MatchRanking.suggest(forVolunteer: friend, persons: persons)
        #expect(candidates.map(\.personID) == ["b", "e", "a"])
        #expect(candidates.allSatisfy { $0.volunteerID == "v" })
        #expect(candidates[0].reasons == [
            .sharedInterests(["music", "walk"]), .overlappingTimes(["tue-evening"]), .residenceFits("home"),
        ])
    }

    @Test func bothDirectionsScoreAPairAlike() throws {
        let friend = volunteer("v", interests: ["walk", "cafe"], availability: ["mon-morning"], area: "Moen",
                               home: true, group: true)
        let target = person("p", interests: ["cafe"], availability: ["mon-morning"], area: "Moen",
                            residence: "home")
        let forward = try #require(MatchRanking.suggest(for: target, volunteers: [friend]).first)
        let backward = try #require(MatchRanking.suggest(forVolunteer: friend, persons: [target]).first)
        #expect(forward == backward)
    }

    @Test func rankingAmongTheStressVolunteersReturnsTheLimit() throws {
        let fixture = try DemoDataFixture()
        _ = try DemoData.fill(fixture.store, size: .stress, seed: 2)
        let volunteers = try fixture.store.records(collection: "volunteer")
        let waiting = try #require(try fixture.store.records(collection: "person").first {
            $0.values["status"] == "mapped"
        })
        #expect(volunteers.count == 3000)

        let candidates = MatchRanking.suggest(for: waiting, volunteers: volunteers, limit: 25)
        #expect(candidates.count == 25)
        #expect(zip(candidates, candidates.dropFirst()).allSatisfy { lhs, rhs in
            lhs.score > rhs.score || (lhs.score == rhs.score && lhs.volunteerID < rhs.volunteerID)
        })
        let eligible = Set(volunteers.filter { $0.values["status"] == "ready" || $0.values["status"] == "active" }
            .map(\.id))
        #expect(candidates.allSatisfy { eligible.contains($0.volunteerID) })
    }
}

struct ActiveMatchCountTests {
    func match(_ id: String, volunteer: String, person: String, status: String) -> Record {
        Record(
            collection: "match",
            id: id,
            values: ["volunteer": .string(volunteer), "person": .string(person), "status": .string(status)],
            updated: Timestamp(milliseconds: 0)
        )
    }

    @Test func countsOnlyActiveMatchesForBothSides() {
        let counts = MatchRanking.activeMatchCounts([
            match("m1", volunteer: "v1", person: "p1", status: "active"),
            match("m2", volunteer: "v1", person: "p2", status: "active"),
            match("m3", volunteer: "v2", person: "p1", status: "ended"),
            match("m4", volunteer: "v3", person: "p3", status: "proposed"),
        ])
        #expect(counts == ["v1": 2, "p1": 1, "p2": 1])
    }
}
