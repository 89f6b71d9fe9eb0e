/// Why a start-up or course step was refused. Nothing was written.
public struct StartUpError: Error, Sendable, Hashable {
    /// What was refused.
    public enum Code: Sendable, Hashable {
        /// The group already has an agreement that is not terminated; its
        /// status is given.
        case agreementExists(status: String)
        /// The group has no agreement that is not terminated.
        case noAgreement
        /// No live record of the collection has this id.
        case notFound(collection: String)
        /// The value is not one of the codes the field takes.
        case unknownCode(field: String, known: [String])
        /// The member does not hold the task.
        case notAssigned(task: String)
        /// A session is not written `YYYY-MM-DD HH:MM-HH:MM`, or ends before
        /// it starts.
        case invalidSession(String)
        /// An in-person course needs at least one session.
        case noSessions
        /// The session number is not one of the course's.
        case noSuchSession(number: Int, count: Int)
        /// The volunteer is already enrolled on the course.
        case alreadyEnrolled
        /// The volunteer is not enrolled on the course.
        case notEnrolled
        /// The course is cancelled or closed; its status is given.
        case courseNotRunning(status: String)
        /// The volunteer did not attend every session.
        case sessionsMissed(attended: Int, of: Int)
    }

    /// What was refused.
    public var code: Code
    /// What the user gave that was refused, when it helps to repeat it.
    public var detail: String?

    /// A refusal with its code and what the user gave.
    public init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }
}
