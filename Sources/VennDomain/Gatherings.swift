import VennSchema
public import VennStore

/// Experience gatherings (erfaringssamlinger): planned, invited to, held,
/// and counted per year.
///
/// A working group must hold at least one gathering a year and should hold
/// two. Recording invitations moves a planned gathering to `open`, and
/// recording attendance moves a planned or open one to `held`, each as a
/// recorded status move.
public struct Gatherings {
    /// The collection gatherings are kept in.
    public static let collection = "gathering"
    /// How many gatherings a year a working group must hold.
    public static let requiredPerYear = 1
    /// How many gatherings a year a working group should hold.
    public static let recommendedPerYear = 2

    public let workflow: Workflow

    public init(workflow: Workflow) {
        self.workflow = workflow
    }

    public var store: Store { workflow.store }

    /// Plans a gathering.
    ///
    /// - Returns: the new gathering's id.
    /// - Throws: `StoreError` when the store refuses the values.
    public func plan(on date: CalendarDay, venue: String? = nil, theme: String? = nil) throws -> String {
        var fields: [String: JSONValue] = ["date": date.json, "status": .string("planned")]
        if let venue { fields["venue"] = .string(venue) }
        if let theme { fields["theme"] = .string(theme) }
        return try store.add(collection: Self.collection, fields: fields)
    }

    /// Records how many were invited; a planned gathering moves to `open`.
    ///
    /// - Returns: the gathering after the change.
    /// - Throws: `WorkflowError` when the gathering is not found or is
    ///   cancelled; `StoreError` when the count is out of range.
    @discardableResult
    public func invite(_ id: String, count: Int) throws -> Record {
        try store.batch {
            let gathering = try live(id, verb: "invite")
            let changes: [String: JSONValue] = ["invited_count": .int(Int64(count))]
            if status(of: gathering) == "planned" {
                return try workflow.move(Self.collection, id: id, verb: "open", changes: changes)
            }
            return try update(id, changes)
        }
    }

    /// Records how many came; a planned or open gathering moves to `held`
    /// on `day` (today when nil).
    ///
    /// - Returns: the gathering after the change.
    /// - Throws: `WorkflowError` when the gathering is not found or is
    ///   cancelled; `StoreError` when the count is out of range.
    @discardableResult
    public func recordAttendance(_ id: String, count: Int, on day: CalendarDay? = nil) throws -> Record {
        try store.batch {
            let gathering = try live(id, verb: "attended")
            let changes: [String: JSONValue] = ["attended_count": .int(Int64(count))]
            if ["planned", "open"].contains(status(of: gathering)) {
                return try workflow.move(Self.collection, id: id, verb: "hold", on: day, changes: changes)
            }
            return try update(id, changes)
        }
    }

    /// Records what the gathering cost, in NOK; any status may have costs.
    ///
    /// - Returns: the gathering after the change.
    /// - Throws: `WorkflowError` when the gathering is not found;
    ///   `StoreError` when the amount is out of range.
    @discardableResult
    public func recordCost(_ id: String, amount: Double) throws -> Record {
        guard try store.record(collection: Self.collection, id: id) != nil else {
            throw WorkflowError(.recordNotFound, collection: Self.collection, id: id, verb: "cost")
        }
        return try update(id, ["cost": .double(amount)])
    }

    /// The gatherings dated in `year` (every one when nil), by date.
    public func gatherings(in year: Int? = nil) throws -> [Record] {
        try store.records(collection: Self.collection)
            .filter { year == nil || Self.day(of: $0)?.year == year }
            .sorted { (Self.sortKey(of: $0), $0.id) < (Self.sortKey(of: $1), $1.id) }
    }

    /// How a year stands against the rule of at least one gathering and
    /// preferably two.
    public struct YearSummary: Sendable, Hashable {
        public var year: Int
        /// Gatherings held or closed.
        public var held: Int
        /// Gatherings planned or open, not yet held.
        public var upcoming: Int
        /// Gatherings cancelled; they do not count.
        public var cancelled: Int

        public init(year: Int, held: Int, upcoming: Int, cancelled: Int) {
            self.year = year
            self.held = held
            self.upcoming = upcoming
            self.cancelled = cancelled
        }

        /// The gatherings that count: held and upcoming.
        public var counted: Int { held + upcoming }
        /// Whether the year has at least the required one.
        public var meetsRequirement: Bool { counted >= Gatherings.requiredPerYear }
        /// Whether the year has the recommended two.
        public var meetsRecommendation: Bool { counted >= Gatherings.recommendedPerYear }
    }

    /// The summary of `year`.
    public func summary(of year: Int) throws -> YearSummary {
        Self.summary(of: year, gatherings: try gatherings(in: year))
    }

    /// The summary of `year` over `gatherings`; those of other years are
    /// left out.
    public static func summary(of year: Int, gatherings: [Record]) -> YearSummary {
        var summary = YearSummary(year: year, held: 0, upcoming: 0, cancelled: 0)
        for gathering in gatherings where day(of: gathering)?.year == year {
            switch gathering.values[CollectionSchema.statusField]?.stringValue {
            case "held", "closed": summary.held += 1
            case "cancelled": summary.cancelled += 1
            default: summary.upcoming += 1
            }
        }
        return summary
    }

    /// The gathering's date.
    public static func day(of gathering: Record) -> CalendarDay? {
        CalendarDay(gathering.values["date"]?.stringValue ?? "")
    }

    // MARK: - Helpers

    private static func sortKey(of gathering: Record) -> String {
        gathering.values["date"]?.stringValue ?? ""
    }

    /// The live gathering, refused when cancelled.
    private func live(_ id: String, verb: String) throws -> Record {
        guard let gathering = try store.record(collection: Self.collection, id: id) else {
            throw WorkflowError(.recordNotFound, collection: Self.collection, id: id, verb: verb)
        }
        let current = status(of: gathering)
        guard current != "cancelled" else {
            throw WorkflowError(
                .notFromStatus(current: current, allowed: ["planned", "open", "held", "closed"]),
                collection: Self.collection, id: id, verb: verb
            )
        }
        return gathering
    }

    private func status(of gathering: Record) -> String {
        gathering.values[CollectionSchema.statusField]?.stringValue ?? ""
    }

    private func update(_ id: String, _ changes: [String: JSONValue]) throws -> Record {
        _ = try store.update(collection: Self.collection, id: id, changes: changes)
        guard let record = try store.record(collection: Self.collection, id: id) else {
            throw WorkflowError(.recordNotFound, collection: Self.collection, id: id)
        }
        return record
    }
}
