import VennSchema
public import VennStore

/// Suggests volunteers for a person who wants an activity friend, and people
/// for a volunteer, and says why.
///
/// Matching is a human decision: the ranking only orders the candidates and
/// explains each score with reasons; it never creates a match.
///
/// A pair scores from 0 to 100:
///
/// | What                                   | Points                        |
/// |----------------------------------------|-------------------------------|
/// | shared interests                       | 16, 28, 40 for 1, 2, 3 or more|
/// | overlapping available times            | 12, 20, 25 for 1, 2, 3 or more|
/// | the same area                          | 15                            |
/// | willing for where the person lives     | 15 (−20 when not willing)     |
/// | willing for group activities           | 5                             |
/// | each active match the candidate has    | −10                           |
///
/// Areas are compared ignoring ASCII case and surrounding spaces. A person's
/// residence `institution` or `day_centre` asks for `willing_institution`,
/// `home` for `willing_home`.
///
/// ```swift
/// let people = try store.records(collection: "person")
/// let volunteers = try store.records(collection: "volunteer")
/// let best = MatchRanking.suggest(for: people[0], volunteers: volunteers, limit: 5)
/// ```
public enum MatchRanking {
    /// A suggested pair, with its score and the reasons for it.
    public struct Candidate: Sendable, Hashable {
        /// The volunteer's record id.
        public var volunteerID: String
        /// The person's record id.
        public var personID: String
        /// How well the pair fits, from 0 to 100.
        public var score: Int
        /// Why, in the order of the table in `MatchRanking`.
        public var reasons: [Reason]

        /// A candidate with the given values.
        public init(volunteerID: String, personID: String, score: Int, reasons: [Reason]) {
            self.volunteerID = volunteerID
            self.personID = personID
            self.score = score
            self.reasons = reasons
        }
    }

    /// One thing that speaks for (or, for `alreadyMatched`, against) a pair.
    public enum Reason: Hashable, Sendable {
        /// Activity type codes both have among their interests, sorted.
        case sharedInterests([String])
        /// Availability slots both have, such as `tue-evening`, in weekday
        /// order.
        case overlappingTimes([String])
        /// The area both live in, as the person's record spells it.
        case sameArea(String)
        /// The volunteer is willing to meet someone who lives this way:
        /// `home`, `institution` or `day_centre`.
        case residenceFits(String)
        /// The volunteer also takes part in group activities.
        case groupActivityPossible
        /// The candidate already has this many active matches.
        case alreadyMatched(Int)
    }

    /// How many active matches a volunteer may have and still be suggested.
    /// Active matches per volunteer and per person, by record id, from the
    /// group's `match` records.
    public static func activeMatchCounts(_ matches: [Record]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for match in matches where match.values["status"]?.stringValue == "active" {
            for key in ["volunteer", "person"] {
                if let id = match.values[key]?.stringValue { counts[id, default: 0] += 1 }
            }
        }
        return counts
    }

    public static let defaultCapacity = 2

    /// Volunteers who may be matched with `person`, best first.
    ///
    /// Only volunteers with status `ready` or `active`, with fewer active
    /// matches than `capacity`, are candidates. An `active` volunteer counts
    /// as having at least one active match. Candidates with equal scores are
    /// ordered by volunteer id.
    ///
    /// - Parameters:
    ///   - person: A `person` record.
    ///   - volunteers: The `volunteer` records to choose from.
    ///   - activeMatchCounts: Active matches per volunteer id.
    ///   - limit: The most candidates to return.
    ///   - capacity: How many active matches a volunteer can have at most.
    /// - Returns: Up to `limit` candidates, by score, then volunteer id.
    public static func suggest(
        for person: Record,
        volunteers: [Record],
        activeMatchCounts: [String: Int] = [:],
        limit: Int = 10,
        capacity: Int = defaultCapacity
    ) -> [Candidate] {
        let scorer = Scorer(anchor: Profile(person), isAnchorPerson: true)
        var scored: [(score: Int, index: Int)] = []
        scored.reserveCapacity(volunteers.count)

        for (index, volunteer) in volunteers.enumerated() {
            guard let matches = activeMatches(of: volunteer, counts: activeMatchCounts, capacity: capacity) else {
                continue
            }
            scored.append((scorer.fit(with: volunteer.values, activeMatches: matches).score, index))
        }

        return top(scored, limit: limit, id: { volunteers[$0].id }).map { entry in
            let volunteer = volunteers[entry.index]
            let matches = activeMatches(of: volunteer, counts: activeMatchCounts, capacity: capacity) ?? 0
            let fit = scorer.fit(with: volunteer.values, activeMatches: matches)
            return Candidate(
                volunteerID: volunteer.id,
                personID: person.id,
                score: entry.score,
                reasons: scorer.reasons(for: fit, with: volunteer.values, person: person.values)
            )
        }
    }

    /// The volunteer's active matches, or nil when the volunteer cannot take
    /// a new match.
    private static func activeMatches(of volunteer: Record, counts: [String: Int], capacity: Int) -> Int? {
        let matches = counts[volunteer.id] ?? 0
        switch volunteer.values["status"]?.stringValue {
        case "ready": return matches < capacity ? matches : nil
        case "active": return max(matches, 1) < capacity ? max(matches, 1) : nil
        default: return nil
        }
    }

    /// People waiting for an activity friend who may be matched with
    /// `volunteer`, best first.
    ///
    /// Only people with status `mapped` (waiting) are candidates. Candidates
    /// with equal scores are ordered by person id. The volunteer's own status
    /// is not checked.
    ///
    /// - Parameters:
    ///   - volunteer: A `volunteer` record.
    ///   - persons: The `person` records to choose from.
    ///   - activeMatchCounts: Active matches per person id.
    ///   - limit: The most candidates to return.
    /// - Returns: Up to `limit` candidates, by score, then person id.
    public static func suggest(
        forVolunteer volunteer: Record,
        persons: [Record],
        activeMatchCounts: [String: Int] = [:],
        limit: Int = 10
    ) -> [Candidate] {
        let scorer = Scorer(anchor: Profile(volunteer), isAnchorPerson: false)
        var scored: [(score: Int, index: Int)] = []
        scored.reserveCapacity(persons.count)

        for (index, person) in persons.enumerated() where person.values["status"]?.stringValue == "mapped" {
            let fit = scorer.fit(with: person.values, activeMatches: activeMatchCounts[person.id] ?? 0)
            scored.append((fit.score, index))
        }

        return top(scored, limit: limit, id: { persons[$0].id }).map { entry in
            let person = persons[entry.index]
            let fit = scorer.fit(with: person.values, activeMatches: activeMatchCounts[person.id] ?? 0)
            return Candidate(
                volunteerID: volunteer.id,
                personID: person.id,
                score: entry.score,
                reasons: scorer.reasons(for: fit, with: person.values, person: person.values)
            )
        }
    }

    /// The best `limit` entries by score, then id.
    private static func top(
        _ scored: [(score: Int, index: Int)],
        limit: Int,
        id: (Int) -> String
    ) -> [(score: Int, index: Int)] {
        guard limit > 0 else { return [] }
        let sorted = scored.sorted { lhs, rhs in
            lhs.score != rhs.score ? lhs.score > rhs.score : id(lhs.index) < id(rhs.index)
        }
        return Array(sorted.prefix(limit))
    }
}
