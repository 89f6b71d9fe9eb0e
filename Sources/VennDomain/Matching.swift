import VennSchema
public import VennStore

/// One record's status before and after a move.
public struct RecordMove: Sendable, Hashable {
    /// The record before the move.
    public var before: Record
    /// The record after the move.
    public var after: Record

    public init(before: Record, after: Record) {
        self.before = before
        self.after = after
    }
}

/// What a step of the working group's work wrote: the record it is about
/// (made or changed), and the status moves it made, in order.
public struct WorkflowStep: Sendable, Hashable {
    /// The record the step made or changed.
    public var record: Record
    /// The moves the step made, the record's own and those of others.
    public var moves: [RecordMove]

    public init(record: Record, moves: [RecordMove] = []) {
        self.record = record
        self.moves = moves
    }
}

/// A match with what has happened to it.
public struct MatchDetails: Sendable, Hashable {
    /// The match.
    public var match: Record
    /// Its check-ins, oldest first.
    public var checkins: [Record]
    /// Its status moves, oldest first.
    public var moves: [Record]
}

extension Workflow {
    /// The statuses of a match that is still going on.
    static let openMatchStatuses: Set<String> = ["proposed", "active", "paused"]

    /// Proposes a pair: makes a match with the status `proposed`, and moves
    /// the volunteer and the person to `proposed`.
    ///
    /// This is the only way a match is made; suggestions never make one.
    ///
    /// - Parameters:
    ///   - volunteer: the volunteer's id.
    ///   - person: the person's id.
    ///   - contact: the member who is the pair's contact person.
    ///   - day: the day of the proposal; today when nil.
    /// - Returns: the match and the moves of the volunteer and the person.
    /// - Throws: `WorkflowError` `.missing` when the pair is not ready (see
    ///   ``pairRequirements(volunteer:person:)``), `.recordNotFound` for an
    ///   unknown id; `MatchingError` `.alreadyPaired` when the two already
    ///   have a match that goes on.
    public func proposeMatch(
        volunteer: String,
        person: String,
        contact: String? = nil,
        on day: CalendarDay? = nil
    ) throws -> WorkflowStep {
        try store.batch {
            let volunteerRecord = try existing("volunteer", volunteer, verb: "propose")
            let personRecord = try existing("person", person, verb: "propose")
            let missing = try pairRequirements(volunteer: volunteerRecord, person: personRecord)
            guard missing.isEmpty else {
                throw WorkflowError(.missing(missing), collection: "match", verb: "propose")
            }
            let open = try store.records(collection: "match").contains { match in
                match.values["volunteer"]?.stringValue == volunteer
                    && match.values["person"]?.stringValue == person
                    && Self.openMatchStatuses.contains(match.values["status"]?.stringValue ?? "")
            }
            if open { throw MatchingError(.alreadyPaired) }

            var fields: [String: JSONValue] = [
                "volunteer": .string(volunteer),
                "person": .string(person),
                "status": "proposed",
                "proposed_on": (day ?? today).json,
            ]
            if let contact { fields["contact_member"] = .string(contact) }
            let id = try store.add(collection: "match", fields: fields)
            let moves = try settle(volunteer: volunteer, person: person, on: day)
            return WorkflowStep(record: try existing("match", id, verb: "propose"), moves: moves)
        }
    }

    /// Starts a proposed match: the pair has met and goes on. The volunteer
    /// becomes active and the person matched, unless another proposal of
    /// theirs is still open.
    ///
    /// - Throws: `WorkflowError` when the match is not proposed or the pair
    ///   is no longer ready.
    public func startMatch(_ id: String, on day: CalendarDay? = nil) throws -> WorkflowStep {
        try moveMatch(id, verb: "start", reason: nil, on: day)
    }

    /// Ends an active or paused match, and moves the volunteer back to
    /// `ready` and the person back to `mapped` when neither has another
    /// match that goes on.
    ///
    /// - Parameter reason: one of the codes of the match's `end_reason`, or
    ///   its label in either language.
    /// - Throws: `WorkflowError` `.reasonRequired` or `.unknownReason`, or
    ///   `.notFromStatus` when the match is not active or paused.
    public func endMatch(_ id: String, reason: String, on day: CalendarDay? = nil) throws -> WorkflowStep {
        let field = schemas.collection(named: "match")?.field(named: "end_reason")
        let code = field?.code(forLabel: reason) ?? reason
        return try moveMatch(id, verb: "end", reason: code, on: day)
    }

    /// Declines a proposed match and releases the volunteer and the person
    /// (back to `ready` and `mapped`, or to `active` and `matched` when
    /// they meet someone else).
    ///
    /// - Parameter reason: why, in a few words (never health details).
    public func declineMatch(_ id: String, reason: String, on day: CalendarDay? = nil) throws -> WorkflowStep {
        try moveMatch(id, verb: "decline", reason: reason, on: day)
    }

    /// Records a check-in on an active or paused match.
    ///
    /// - Parameters:
    ///   - stillMeeting: whether the pair still meets.
    ///   - frequency: how often they meet: a code of `frequency_band` or
    ///     its label in either language.
    /// - Returns: the check-in.
    /// - Throws: `WorkflowError` `.notFromStatus` when the match is not
    ///   active or paused; `MatchingError` `.unknownCode` for an unknown
    ///   frequency.
    public func checkIn(
        match id: String,
        stillMeeting: Bool,
        frequency: String? = nil,
        on day: CalendarDay? = nil
    ) throws -> WorkflowStep {
        try store.batch {
            let match = try existing("match", id, verb: "checkin")
            let status = match.values[CollectionSchema.statusField]?.stringValue ?? ""
            let allowed = ["active", "paused"]
            guard allowed.contains(status) else {
                throw WorkflowError(.notFromStatus(current: status, allowed: allowed), collection: "match", id: id,
                                    verb: "checkin")
            }
            var fields: [String: JSONValue] = [
                "match": .string(id),
                "date": (day ?? today).json,
                "still_meeting": .bool(stillMeeting),
            ]
            if let frequency {
                fields["frequency_band"] = .string(try code(frequency, of: "frequency_band", in: "match_checkin"))
            }
            if let member { fields["checked_by"] = .string(member) }
            let checkin = try store.add(collection: "match_checkin", fields: fields)
            return WorkflowStep(record: try existing("match_checkin", checkin, verb: "checkin"))
        }
    }

    /// The match with its check-ins and status moves.
    public func matchDetails(_ id: String) throws -> MatchDetails {
        let match = try existing("match", id, verb: nil)
        let checkins = try store.records(collection: "match_checkin")
            .filter { $0.values["match"]?.stringValue == id }
            .sorted { lhs, rhs in
                let left = (lhs.values["date"]?.stringValue ?? "", lhs.updated)
                return left < (rhs.values["date"]?.stringValue ?? "", rhs.updated)
            }
        return MatchDetails(match: match, checkins: checkins, moves: try moves(of: "match", id: id))
    }

    // MARK: - Helpers

    /// Moves the match, then settles its volunteer and person.
    func moveMatch(_ id: String, verb: String, reason: String?, on day: CalendarDay?) throws -> WorkflowStep {
        try store.batch {
            let before = try existing("match", id, verb: verb)
            let after = try move("match", id: id, verb: verb, reason: reason, on: day)
            var moves = [RecordMove(before: before, after: after)]
            moves += try settle(
                volunteer: after.values["volunteer"]?.stringValue,
                person: after.values["person"]?.stringValue,
                on: day
            )
            return WorkflowStep(record: after, moves: moves)
        }
    }

    /// The live record, or `WorkflowError` `.recordNotFound`.
    func existing(_ collection: String, _ id: String, verb: String?) throws -> Record {
        guard let record = try store.record(collection: collection, id: id) else {
            throw WorkflowError(.recordNotFound, collection: collection, id: id, verb: verb)
        }
        return record
    }

    /// The code of an enum field that `text` names, as code or label.
    func code(_ text: String, of fieldName: String, in collection: String) throws(MatchingError) -> String {
        let field = schemas.collection(named: collection)?.field(named: fieldName)
        guard let code = field?.code(forLabel: text) else {
            throw MatchingError(.unknownCode(field: fieldName, known: field?.string.allowed ?? []), detail: text)
        }
        return code
    }

    /// Brings the volunteer's and the person's status in line with their
    /// matches that go on.
    func settle(volunteer: String?, person: String?, on day: CalendarDay?) throws -> [RecordMove] {
        var moves: [RecordMove] = []
        if let volunteer, let move = try settle("volunteer", volunteer, on: day) { moves.append(move) }
        if let person, let move = try settle("person", person, on: day) { moves.append(move) }
        return moves
    }

    /// Moves a volunteer or person to the status their matches call for:
    /// `proposed` while a proposal is open, else `active` (`matched`) while
    /// a match is active or paused, else `ready` (`mapped`).
    ///
    /// Records in other statuses (paused on their own, ended, closed) are
    /// left as they are, and so is a record whose move back is refused by
    /// its guards, since the step that ended the match must not fail for it.
    func settle(_ collection: String, _ id: String, on day: CalendarDay?) throws -> RecordMove? {
        let isVolunteer = collection == "volunteer"
        let (waiting, proposed, meeting) = isVolunteer
            ? ("ready", "proposed", "active")
            : ("mapped", "proposed", "matched")
        guard let record = try store.record(collection: collection, id: id) else { return nil }
        let current = record.values[CollectionSchema.statusField]?.stringValue ?? ""
        guard [waiting, proposed, meeting].contains(current) else { return nil }

        let statuses = try store.records(collection: "match")
            .filter { $0.values[collection]?.stringValue == id }
            .compactMap { $0.values[CollectionSchema.statusField]?.stringValue }
        let target: String
        let verb: String
        if statuses.contains("proposed") {
            (target, verb) = (proposed, "propose")
        } else if statuses.contains("active") || statuses.contains("paused") {
            (target, verb) = (meeting, isVolunteer ? "activate" : "match")
        } else {
            (target, verb) = (waiting, "release")
        }
        guard target != current else { return nil }
        do {
            let after = try move(collection, id: id, verb: verb, on: day)
            return RecordMove(before: record, after: after)
        } catch let error as WorkflowError {
            if case .missing = error.code { return nil }
            throw error
        }
    }
}
