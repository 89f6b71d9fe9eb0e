import VennSchema
public import VennStore

extension Courses {
    /// A volunteer on a course, with attendance.
    public struct Participant {
        /// The volunteer's `course_enrolment` record.
        public var enrolment: Record
        /// The volunteer, when the record is still there.
        public var volunteer: Record?
        /// The session numbers attended.
        public var attended: [Int]
        /// Whether the enrolment is completed.
        public var isCompleted: Bool
    }

    /// What `complete` did: the volunteers whose course is now completed,
    /// and those left out because they missed a session.
    public struct Completion {
        /// The participants whose enrolment is now completed.
        public var completed: [Participant]
        /// The volunteers moved to course done, before and after.
        public var moved: [(before: Record, after: Record)]
        /// The participants who missed a session of an in-person course.
        public var leftOut: [Participant]
        /// The number of sessions of the course.
        public var sessionCount: Int
    }

    /// A course with its sessions, hours and participants.
    public struct Overview {
        /// The course.
        public var course: Record
        /// Its sessions in the order they are held.
        public var sessions: [String]
        /// The hours the sessions add up to.
        public var hours: Double
        /// The participants, by the volunteer's name.
        public var participants: [Participant]
    }

    /// Completes the course for the volunteer, or for every enrolled
    /// volunteer when `volunteer` is nil, and moves them from enrolled to
    /// course done.
    ///
    /// For an in-person course only those who attended every session
    /// complete it; the others are left out and named in the result.
    /// Enrolments already completed are skipped.
    ///
    /// - Throws: `StartUpError` `.courseNotRunning`, `.notEnrolled`,
    ///   `.notFound`, or `.sessionsMissed` when the one volunteer asked for
    ///   missed a session.
    public func complete(course: String, volunteer: String? = nil) throws -> Completion {
        try store.batch {
            let course = try running(course)
            let sessionCount = Self.sessions(of: course).count
            var enrolments = try enrolments(of: course.id)
            if let volunteer {
                enrolments = enrolments.filter { $0.values["volunteer"]?.stringValue == volunteer }
                guard !enrolments.isEmpty else { throw StartUpError(.notEnrolled) }
            }
            let participants = try enrolments.map(participant).filter { !$0.isCompleted }
            let attendedAll = { (participant: Participant) in
                !Self.isInPerson(course) || participant.attended.count >= sessionCount
            }
            let leftOut = participants.filter { !attendedAll($0) }
            if volunteer != nil, let missed = leftOut.first {
                throw StartUpError(.sessionsMissed(attended: missed.attended.count, of: sessionCount))
            }

            var completed: [Participant] = []
            var moved: [(before: Record, after: Record)] = []
            for var participant in participants where attendedAll(participant) {
                _ = try store.update(collection: "course_enrolment", id: participant.enrolment.id,
                                     changes: ["completed": true])
                participant.isCompleted = true
                completed.append(participant)
                if let before = participant.volunteer, Self.status(of: before) == "enrolled" {
                    let after = try workflow.move("volunteer", id: before.id, verb: "course-done")
                    moved.append((before, after))
                }
            }
            return Completion(completed: completed, moved: moved, leftOut: leftOut, sessionCount: sessionCount)
        }
    }

    /// The course with its sessions, hours and participants.
    ///
    /// - Throws: `StartUpError` `.notFound`.
    public func overview(of course: String) throws -> Overview {
        let course = try existing("course", course)
        let participants = try enrolments(of: course.id).map(participant).sorted {
            ($0.volunteer?.values["name"]?.stringValue ?? "", $0.enrolment.id)
                < ($1.volunteer?.values["name"]?.stringValue ?? "", $1.enrolment.id)
        }
        return Overview(
            course: course,
            sessions: Self.sessions(of: course),
            hours: Self.hours(of: course),
            participants: participants
        )
    }

    private func participant(_ enrolment: Record) throws -> Participant {
        let volunteer = try enrolment.values["volunteer"]?.stringValue
            .flatMap { try store.record(collection: "volunteer", id: $0) }
        return Participant(
            enrolment: enrolment,
            volunteer: volunteer,
            attended: Self.attended(enrolment),
            isCompleted: enrolment.values["completed"] == .bool(true)
        )
    }
}
