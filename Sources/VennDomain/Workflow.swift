public import VennSchema
public import VennStore

/// Moves records along the status machines their schemas declare
/// (`x-transitions`), checks what each move needs, and records every move
/// as a `transition` record: who, when and why.
///
/// A move and its record land in one transaction. Steps made of several
/// moves (a withdrawn consent ends the person's matches) run inside one
/// ``Store/batch(_:)``, so they land whole or not at all.
public struct Workflow {
    /// The collection moves are recorded in.
    public static let transitionCollection = "transition"

    public let store: Store
    /// The member of the working group who makes the changes, when known.
    public var member: String?
    /// The day moves happen on, unless a step names another.
    public var today: CalendarDay

    public init(store: Store, member: String? = nil, today: CalendarDay) {
        self.store = store
        self.member = member
        self.today = today
    }

    var schemas: SchemaSet { store.schemas }

    /// The status machine of `collection`.
    ///
    /// - Throws: `WorkflowError` `.noStatusMachine` when it has none.
    public func transitions(of collection: String) throws(WorkflowError) -> [StatusTransition] {
        guard let schema = schemas.collection(named: collection), !schema.transitions.isEmpty else {
            throw WorkflowError(.noStatusMachine, collection: collection)
        }
        return schema.transitions
    }

    /// Moves the record by `verb`: sets its status, the move's date stamp
    /// and `changes`, and records the move.
    ///
    /// - Parameters:
    ///   - reason: why; required by some moves, and one of a field's codes
    ///     for moves that keep their reason in a field.
    ///   - day: the day it happened; today when nil.
    /// - Returns: the record after the move.
    /// - Throws: `WorkflowError` when the move does not start from the
    ///   record's status or its guards are not met; `StoreError` when the
    ///   store refuses the values.
    @discardableResult
    public func move(
        _ collection: String,
        id: String,
        verb: String,
        reason: String? = nil,
        on day: CalendarDay? = nil,
        changes: [String: JSONValue] = [:]
    ) throws -> Record {
        let machine = try transitions(of: collection)
        guard let transition = machine.first(where: { $0.verb == verb }) else {
            throw WorkflowError(.unknownVerb(known: machine.map(\.verb)), collection: collection, verb: verb)
        }
        return try store.batch {
            guard let record = try store.record(collection: collection, id: id) else {
                throw WorkflowError(.recordNotFound, collection: collection, id: id, verb: verb)
            }
            let current = record.values[CollectionSchema.statusField]?.stringValue ?? ""
            guard transition.from.contains(current) else {
                throw WorkflowError(
                    .notFromStatus(current: current, allowed: transition.from),
                    collection: collection, id: id, verb: verb
                )
            }
            let reason = reason.flatMap { $0.isEmpty ? nil : $0 }
            if transition.needsReason, reason == nil {
                throw WorkflowError(.reasonRequired, collection: collection, id: id, verb: verb)
            }
            var values = changes
            if let field = transition.reasonField, let reason {
                let codes = schemas.collection(named: collection)?.field(named: field)?.string.allowed ?? []
                guard codes.contains(reason) else {
                    throw WorkflowError(.unknownReason(known: codes), collection: collection, id: id, verb: verb,
                                        detail: reason)
                }
                values[field] = .string(reason)
            }
            let missing = try requirements(for: transition, of: record)
            guard missing.isEmpty else {
                throw WorkflowError(.missing(missing), collection: collection, id: id, verb: verb)
            }

            let day = day ?? today
            if let earliest = try earliestDay(for: transition, of: record), day < earliest {
                throw WorkflowError(.tooEarly(earliest: earliest.text), collection: collection, id: id, verb: verb)
            }
            values[CollectionSchema.statusField] = .string(transition.to)
            if let stamp = transition.stamp { values[stamp] = day.json }
            _ = try store.update(collection: collection, id: id, changes: values)
            try recordMove(transition, of: record, from: current, on: day, reason: reason)
            return try store.record(collection: collection, id: id) ?? record
        }
    }

    /// The first day the move can have happened on: a match does not
    /// start or end before it was proposed, and a gathering is not held
    /// before its day. Other moves may be recorded after the fact, in any
    /// order, so they are not held to the days of earlier moves.
    private func earliestDay(for transition: StatusTransition, of record: Record) throws -> CalendarDay? {
        var days: [CalendarDay] = []
        if record.collection == "match" { days += [CalendarDay(record.values["proposed_on"])].compactMap { $0 } }
        if record.collection == "gathering", transition.to == "held" {
            days += [CalendarDay(record.values["date"])].compactMap { $0 }
        }
        return days.max()
    }

    /// Writes the `transition` record of a move.
    private func recordMove(
        _ transition: StatusTransition,
        of record: Record,
        from: String,
        on day: CalendarDay,
        reason: String?
    ) throws {
        var fields: [String: JSONValue] = [
            "subject_collection": .string(record.collection),
            "subject": .string(record.id),
            "verb": .string(transition.verb),
            "from": .string(from),
            "to": .string(transition.to),
            "on": day.json,
        ]
        if let member { fields["by"] = .string(member) }
        if let reason { fields["reason"] = .string(reason) }
        _ = try store.addSystemRecord(collection: Self.transitionCollection, fields: fields)
    }

    /// The moves recorded for a record, oldest first.
    public func moves(of collection: String, id: String) throws -> [Record] {
        try store.records(collection: Self.transitionCollection)
            .filter { $0.values["subject"]?.stringValue == id
                && $0.values["subject_collection"]?.stringValue == collection }
            .sorted { lhs, rhs in
                (lhs.values["on"]?.stringValue ?? "", lhs.updated) < (rhs.values["on"]?.stringValue ?? "", rhs.updated)
            }
    }
}
