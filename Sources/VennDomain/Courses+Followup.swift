import VennSchema
public import VennStore

extension Courses {
    /// The reason recorded when a follow-up conversation ends the
    /// volunteer's way in.
    public static let followupReason = "followup"

    /// What recording a follow-up conversation did.
    public struct Followup {
        /// The new `followup_conversation` record.
        public var conversation: Record
        /// The volunteer before and after a move, when the outcome moved
        /// it: to not proceeding, or to ready.
        public var moved: (before: Record, after: Record)?
        /// With the outcome ready, what the volunteer still lacks before
        /// being ready; empty when moved or already further along.
        public var missing: [Requirement]
    }

    /// The outcomes a follow-up conversation can have.
    public var followupOutcomes: [String] {
        store.schemas.collection(named: "followup_conversation")?.field(named: "outcome")?.string.allowed ?? []
    }

    /// Records a follow-up conversation with the volunteer, held on `day`
    /// (today when nil) by the workflow's member.
    ///
    /// With the outcome `not_proceeding` the volunteer moves to not
    /// proceeding. With `ready`, a volunteer who has completed the course
    /// and signed the pledge moves to ready; otherwise the result says what
    /// is missing.
    ///
    /// - Throws: `StartUpError` `.unknownCode` or `.notFound`;
    ///   `WorkflowError` when the move is refused, and then nothing is
    ///   recorded.
    public func recordFollowup(
        volunteer: String,
        outcome: String,
        on day: CalendarDay? = nil
    ) throws -> Followup {
        guard followupOutcomes.contains(outcome) else {
            throw StartUpError(.unknownCode(field: "outcome", known: followupOutcomes), detail: outcome)
        }
        return try store.batch {
            let before = try existing("volunteer", volunteer)
            var fields: [String: JSONValue] = [
                "volunteer": .string(before.id),
                "date": (day ?? workflow.today).json,
                "outcome": .string(outcome),
            ]
            if let member = workflow.member { fields["held_by"] = .string(member) }
            let conversation = try existing(
                "followup_conversation", try store.add(collection: "followup_conversation", fields: fields)
            )

            var result = Followup(conversation: conversation, moved: nil, missing: [])
            switch outcome {
            case "not_proceeding":
                let after = try workflow.move("volunteer", id: before.id, verb: "not-proceeding",
                                              reason: Self.followupReason, on: day)
                result.moved = (before, after)
            case "ready" where Self.status(of: before) == "course_done":
                result.missing = try workflow.readiness(ofVolunteer: before)
                if result.missing.isEmpty {
                    result.moved = (before, try workflow.move("volunteer", id: before.id, verb: "ready", on: day))
                }
            case "ready" where ["interested", "enrolled"].contains(Self.status(of: before)):
                result.missing = try workflow.readiness(ofVolunteer: before)
            default:
                break
            }
            return result
        }
    }
}
