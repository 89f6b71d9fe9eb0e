/// Why a workflow step was refused. Nothing was written.
public struct WorkflowError: Error, Sendable, Hashable {
    public enum Code: Sendable, Hashable {
        /// The collection has no status machine.
        case noStatusMachine
        /// The machine has no move with this verb.
        case unknownVerb(known: [String])
        /// No live record has this id.
        case recordNotFound
        /// The move does not start from the record's status.
        case notFromStatus(current: String, allowed: [String])
        /// The move needs `--reason`.
        case reasonRequired
        /// The reason is not one of the codes the move takes.
        case unknownReason(known: [String])
        /// The guards of the move are not met; each says what is missing.
        case missing([Requirement])
        /// The day given is before `earliest`: the day a match was
        /// proposed, or the day of a gathering held.
        case tooEarly(earliest: String)
        /// A record the step refers to is of another kind or gone.
        case wrongReference(field: String)
    }

    public var code: Code
    /// The collection of the record the step is about.
    public var collection: String
    /// The record's id, when the step is about one record.
    public var id: String?
    /// The verb, when the step is a move.
    public var verb: String?
    /// What the user gave that was refused, e.g. an unknown reason.
    public var detail: String?

    public init(_ code: Code, collection: String, id: String? = nil, verb: String? = nil, detail: String? = nil) {
        self.code = code
        self.detail = detail
        self.collection = collection
        self.id = id
        self.verb = verb
    }
}

/// Something a move needs that the records do not show yet.
public enum Requirement: Sendable, Hashable {
    /// The volunteer has not completed a course.
    case courseCompleted
    /// No follow-up conversation with the outcome `ready` is recorded.
    case followupHeld
    /// The pledge of confidentiality (taushetsløfte) is not signed.
    case pledgeSigned
    /// The volunteer is not ready (or already active) to be matched.
    case volunteerReady(status: String)
    /// The person has no consent that is in force.
    case consentInForce
    /// The person is not mapped and waiting.
    case personMapped(status: String)
    /// A field the move needs is empty, e.g. the person's interests.
    case field(String)
    /// The volunteer has said no to group activities.
    case willingForGroup
    /// The agreement has no leader, or the leader has neither e-mail nor
    /// phone.
    case leaderWithContact
    /// An in-person course needs sessions adding up to `hours` hours.
    case courseHours(needed: Int, planned: Double)
    /// The volunteer or person still has these matches open (proposed,
    /// active or paused).
    case matchesClosed([String])
    /// The amount is over the limit for the category.
    case withinLimit(category: String, limit: Double)
}
