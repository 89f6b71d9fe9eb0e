public import VennSchema
public import VennStore

/// The working group's counts for one year, for the national statistics:
/// the fields of a `group_stats` record.
///
/// The counts are computed on the group's laptop from its own records and
/// hold no personal data and no record ids: only counts, median days and
/// refund sums in NOK, plus the year and when they were computed.
///
/// Counts below ``suppressionThreshold`` are suppressed here, before the
/// record is saved or synced, as they are in every view: a suppressed count
/// is left out of ``values`` (the field is null). Medians are suppressed the
/// same way when fewer than that many values go into them, since a median of
/// one or two durations tells about a single volunteer or person. Refund
/// sums are the group's own money matters and are never suppressed.
///
/// ```swift
/// let statistics = try GroupStatistics.compute(from: store, year: 2025, today: today)
/// let id = try GroupStatistics.save(statistics, to: store)
/// ```
public struct GroupStatistics: Sendable, Hashable {
    /// The collection the statistics are saved in.
    public static let collection = "group_stats"

    /// The smallest count shown; smaller counts are left out.
    public static let suppressionThreshold = 5

    /// The year the counts cover.
    public var year: Int

    /// When the counts were computed, as `YYYY-MM-DDTHH:MM:SSZ`.
    public var computedAt: String

    /// The `group_stats` fields, `year` and `computed_at` included;
    /// suppressed counts and medians are absent.
    public var values: [String: JSONValue]

    /// Statistics made of already computed values.
    public init(year: Int, computedAt: String, values: [String: JSONValue]) {
        self.year = year
        self.computedAt = computedAt
        self.values = values
    }

    /// Computes the counts for `year` from the records in `store`.
    ///
    /// Each collection is read once. Counts of how things stand (volunteers
    /// by status, people waiting, active matches, the residence split,
    /// running group activities) describe the store as it is now; counts
    /// "this year" and the medians take the records and moves dated in
    /// `year`. The medians come from the `transition` records the workflow
    /// writes: a volunteer's or person's record made with a status, without
    /// moves, adds to the counts but not to the medians.
    ///
    /// - Parameters:
    ///   - store: the working group's store.
    ///   - year: the calendar year the counts cover.
    ///   - today: the day the bands of active matches are measured to.
    /// - Returns: the counts, suppressed below ``suppressionThreshold``.
    /// - Throws: `StoreError` when a collection cannot be read.
    public static func compute(from store: Store, year: Int, today: CalendarDay) throws -> GroupStatistics {
        let moves = StatusTimelines(try store.records(collection: Workflow.transitionCollection))
        var tally = Tally()

        tally.countVolunteers(try store.records(collection: "volunteer"), moves: moves, year: year)
        tally.countPeople(try store.records(collection: "person"), moves: moves, year: year)
        tally.countMatches(try store.records(collection: "match"), year: year, today: today)
        tally.countGroupActivities(try store.records(collection: "group_activity"))
        tally.countCourses(
            try store.records(collection: "course"),
            enrolments: try store.records(collection: "course_enrolment"),
            year: year
        )
        tally.countGatherings(try store.records(collection: "gathering"), year: year)
        tally.sumRefunds(try store.records(collection: "refund_claim"), year: year)

        let computedAt = Self.dateTime(milliseconds: store.options.wallClock())
        var values = tally.values(threshold: suppressionThreshold)
        values["year"] = .int(Int64(year))
        values["computed_at"] = .string(computedAt)
        return GroupStatistics(year: year, computedAt: computedAt, values: values)
    }

    /// Saves the statistics as the year's `group_stats` record: updates the
    /// record of that year when there is one, adds it otherwise.
    ///
    /// Fields the new counts leave out (suppressed now) are cleared, so no
    /// older count stays behind. When two laptops each added a record for
    /// the year before they synced, the one with the smallest id is kept and
    /// the others are deleted; every laptop picks the same one.
    ///
    /// - Returns: the id of the year's record.
    /// - Throws: `StoreError` `.invalidData` when the values do not fit the
    ///   schema (a year outside 2000 to 2100), or when the store cannot
    ///   write.
    @discardableResult
    public static func save(_ statistics: GroupStatistics, to store: Store) throws -> String {
        try store.batch {
            let existing = try store.records(collection: collection)
                .filter { $0.values["year"]?.intValue == Int64(statistics.year) }
                .sorted { $0.id < $1.id }
            guard let kept = existing.first else {
                return try store.addSystemRecord(collection: collection, fields: statistics.values)
            }

            var changes = statistics.values
            for field in store.schemas.collection(named: collection)?.fields ?? [] where changes[field.name] == nil {
                changes[field.name] = .null
            }
            _ = try store.updateSystemRecord(collection: collection, id: kept.id, changes: changes)
            for duplicate in existing.dropFirst() {
                try store.deleteSystemRecord(collection: collection, id: duplicate.id)
            }
            return kept.id
        }
    }

    /// `milliseconds` since 1970 as an RFC 3339 time in UTC, to the second.
    static func dateTime(milliseconds: UInt64) -> String {
        let day = CalendarDay(milliseconds: milliseconds)
        let seconds = Int(milliseconds / 1000 % 86_400)
        let parts = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(day.text)T\(parts.joined(separator: ":"))Z"
    }
}
