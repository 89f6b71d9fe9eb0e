import VennSchema
public import VennStore

/// Refund claims to NF (refusjon) for the costs of courses and gatherings,
/// and the limits NF sets per category.
///
/// A claim holds its event, category, amount and status, never the names of
/// those who took part. Limits are records of `refund_limit`, so every laptop
/// of the working group sees the same ones after a sync. A limit applies to
/// the claims of one course or gathering in one category together.
public struct Refunds {
    /// The collection claims are kept in.
    public static let claimCollection = "refund_claim"
    /// The collection limits are kept in.
    public static let limitCollection = "refund_limit"
    /// The categories a claim or a limit may have, in the schema's order.
    public static let categories = ["food", "venue", "materials", "travel", "speaker", "other"]

    /// The course or gathering a claim belongs to.
    public enum Event: Sendable, Hashable {
        case course(String)
        case gathering(String)

        /// The claim's field that names the event, which is also the
        /// event's collection.
        public var field: String {
            switch self {
            case .course: "course"
            case .gathering: "gathering"
            }
        }

        /// The event's record id.
        public var id: String {
            switch self {
            case .course(let id), .gathering(let id): id
            }
        }

        /// The event a claim belongs to, or nil when it names none.
        public init?(of claim: Record) {
            if let id = claim.values["course"]?.stringValue {
                self = .course(id)
            } else if let id = claim.values["gathering"]?.stringValue {
                self = .gathering(id)
            } else {
                return nil
            }
        }
    }

    public let workflow: Workflow

    public init(workflow: Workflow) {
        self.workflow = workflow
    }

    public var store: Store { workflow.store }

    // MARK: - Claims

    /// Adds a draft claim for the event.
    ///
    /// - Returns: the new claim's id.
    /// - Throws: `WorkflowError` `.wrongReference` when the event is not a
    ///   live course or gathering; `StoreError` when the store refuses the
    ///   values (an unknown category, a negative amount).
    public func claim(for event: Event, category: String, amount: Double) throws -> String {
        guard try store.record(collection: event.field, id: event.id) != nil else {
            throw WorkflowError(.wrongReference(field: event.field), collection: Self.claimCollection)
        }
        return try store.add(collection: Self.claimCollection, fields: [
            event.field: .string(event.id),
            "category": .string(category),
            "amount": .double(amount),
            "status": .string("draft"),
        ])
    }

    /// The live claims, oldest first.
    public func claims() throws -> [Record] {
        try store.records(collection: Self.claimCollection).sorted { ($0.updated, $0.id) < ($1.updated, $1.id) }
    }

    /// Submits the claim to NF, after checking the limit of its category.
    ///
    /// - Returns: the claim after the move.
    /// - Throws: `WorkflowError` `.missing([.withinLimit])` when the claims
    ///   of its event in its category would together exceed the limit, and
    ///   as ``Workflow/move(_:id:verb:reason:on:changes:)`` does.
    @discardableResult
    public func submit(_ id: String, on day: CalendarDay? = nil) throws -> Record {
        try store.batch {
            guard let claim = try store.record(collection: Self.claimCollection, id: id) else {
                throw WorkflowError(.recordNotFound, collection: Self.claimCollection, id: id, verb: "submit")
            }
            let status = claim.values[CollectionSchema.statusField]?.stringValue ?? ""
            if ["draft", "returned"].contains(status), let over = try limitExceeded(by: claim) {
                throw WorkflowError(.missing([over]), collection: Self.claimCollection, id: id, verb: "submit")
            }
            return try workflow.move(Self.claimCollection, id: id, verb: "submit", on: day)
        }
    }

    /// The limit the claim would break if it were submitted, or nil when
    /// it keeps within it (or its category has no limit).
    ///
    /// The claim counts together with the other claims of its event and
    /// category that are submitted, approved or paid; drafts and returned
    /// claims are not before NF, so they do not count.
    public func limitExceeded(by claim: Record) throws -> Requirement? {
        guard let category = claim.values["category"]?.stringValue,
              let limit = try limits()[category],
              Event(of: claim) != nil
        else { return nil }
        let isOver = try claimedTogether(with: claim) > limit + 0.005
        return isOver ? .withinLimit(category: category, limit: limit) : nil
    }

    /// The sum of `claim` and the other claims of its event and category
    /// that are submitted, approved or paid.
    public func claimedTogether(with claim: Record) throws -> Double {
        guard let event = Event(of: claim) else { return Self.amount(of: claim) }
        let category = claim.values["category"]?.stringValue
        return try claims().filter { other in
            other.id != claim.id && Event(of: other) == event
                && other.values["category"]?.stringValue == category && Self.isBeforeNF(other)
        }.reduce(Self.amount(of: claim)) { $0 + Self.amount(of: $1) }
    }

    // MARK: - Limits

    /// The limit of each category that has one, in NOK per course or
    /// gathering.
    ///
    /// When two laptops set a category's first limit at the same time,
    /// there are two records of it after a sync: the one changed last
    /// counts, and ``setLimit(_:for:on:)`` writes to that one.
    public func limits() throws -> [String: Double] {
        var limits: [String: Double] = [:]
        for (category, record) in try limitRecords() {
            if let amount = record.values["amount"]?.doubleValue { limits[category] = amount }
        }
        return limits
    }

    /// Sets the limit of a category.
    ///
    /// - Returns: the id of the limit's record.
    /// - Throws: `StoreError` when the store refuses the values (an unknown
    ///   category, a negative amount).
    @discardableResult
    public func setLimit(_ amount: Double, for category: String, on day: CalendarDay) throws -> String {
        let values: [String: JSONValue] = ["amount": .double(amount), "set_on": day.json]
        if let record = try limitRecords()[category] {
            _ = try store.update(collection: Self.limitCollection, id: record.id, changes: values)
            return record.id
        }
        return try store.add(
            collection: Self.limitCollection,
            fields: values.merging(["category": .string(category)]) { $1 }
        )
    }

    /// The record that holds each category's limit: the one changed last.
    private func limitRecords() throws -> [String: Record] {
        var records: [String: Record] = [:]
        for record in try store.records(collection: Self.limitCollection) {
            guard let category = record.values["category"]?.stringValue else { continue }
            if let held = records[category], (held.updated, held.id) > (record.updated, record.id) { continue }
            records[category] = record
        }
        return records
    }

    // MARK: - Totals

    /// What the working group has claimed from NF, and how much of it NF
    /// approved and paid, in NOK.
    public struct Totals: Sendable, Hashable {
        /// Claims not yet submitted, or returned by NF.
        public var draft: Double = 0
        /// Claims submitted to NF, whatever became of them after.
        public var claimed: Double = 0
        /// Claims NF approved, paid or not.
        public var approved: Double = 0
        /// Claims NF paid.
        public var paid: Double = 0

        public init() {}
    }

    /// The totals of the live claims.
    public func totals() throws -> Totals {
        Self.totals(of: try claims())
    }

    /// The totals of `claims`.
    public static func totals(of claims: [Record]) -> Totals {
        var totals = Totals()
        for claim in claims {
            let amount = amount(of: claim)
            switch claim.values[CollectionSchema.statusField]?.stringValue {
            case "submitted": totals.claimed += amount
            case "approved": totals.claimed += amount; totals.approved += amount
            case "paid": totals.claimed += amount; totals.approved += amount; totals.paid += amount
            default: totals.draft += amount
            }
        }
        return totals
    }

    static func amount(of claim: Record) -> Double {
        claim.values["amount"]?.doubleValue ?? 0
    }

    /// Whether the claim is before NF or settled by it.
    static func isBeforeNF(_ claim: Record) -> Bool {
        ["submitted", "approved", "paid"].contains(claim.values[CollectionSchema.statusField]?.stringValue ?? "")
    }
}
