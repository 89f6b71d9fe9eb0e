import VennSchema
public import VennStore

/// The course (kurs) for new volunteers and what follows it: planning,
/// enrolment, attendance, completion and the follow-up conversation
/// (oppfølgingssamtale).
///
/// The volunteers move along their status machine as they go: enrolled
/// when they sign up, course done when they complete, ready after a
/// follow-up conversation when the pledge is signed. Every step runs inside
/// one ``Store/batch(_:)``.
public struct Courses {
    /// The workflow the steps write through: its store, member and day.
    public let workflow: Workflow

    /// Course steps on the workflow's store.
    public init(workflow: Workflow) {
        self.workflow = workflow
    }

    var store: Store { workflow.store }

    // MARK: - Planning

    /// A course just planned, and how far its sessions fall short of the
    /// hours a course needs.
    public struct Plan {
        /// The planned course.
        public var course: Record
        /// The hours the sessions add up to.
        public var hours: Double
        /// What the course still needs before it can be held; nil when
        /// its sessions add up to ``Workflow/courseHours``.
        public var shortfall: Requirement?

        /// Whether the course keeps to the usual one or two sessions
        /// (two evenings of three hours, or one long day).
        public var hasUsualSessions: Bool {
            Courses.usualSessionCount.contains(course.values["sessions"]?.arrayValue?.count ?? 0)
        }
    }

    /// How many sessions the six hours are usually given in.
    public static let usualSessionCount = 1...2

    /// Plans an in-person course in `sessions`, each written
    /// `YYYY-MM-DD HH:MM-HH:MM`.
    ///
    /// Sessions that add up to less than six hours are planned all the
    /// same; the plan says what is short, and the course cannot be held
    /// until sessions are added.
    ///
    /// - Parameter leaders: ids of the members who run it.
    /// - Throws: `StartUpError` `.noSessions`, `.invalidSession` or
    ///   `.notFound`.
    public func plan(
        title: String? = nil,
        sessions: [String],
        venue: String? = nil,
        leaders: [String] = []
    ) throws -> Plan {
        guard !sessions.isEmpty else { throw StartUpError(.noSessions) }
        if let bad = sessions.first(where: { Workflow.sessionHours($0) == nil }) {
            throw StartUpError(.invalidSession(bad), detail: bad)
        }
        var fields: [String: JSONValue] = [
            "kind": "in_person",
            CollectionSchema.statusField: "planned",
            "sessions": .array(sessions.map(JSONValue.string)),
        ]
        if let title { fields["title"] = .string(title) }
        if let venue { fields["venue"] = .string(venue) }
        if !leaders.isEmpty { fields["leaders"] = .array(leaders.map(JSONValue.string)) }

        let course = try store.batch {
            for leader in leaders { _ = try existing("member", leader) }
            return try existing("course", try store.add(collection: "course", fields: fields))
        }
        let hours = Self.hours(of: course)
        let short = hours + 0.01 < Double(Workflow.courseHours)
        return Plan(
            course: course,
            hours: hours,
            shortfall: short ? .courseHours(needed: Workflow.courseHours, planned: hours) : nil
        )
    }

    /// Plans an e-learning course taken on `day`.
    public func planELearning(on day: CalendarDay, title: String? = nil) throws -> Record {
        var fields: [String: JSONValue] = [
            "kind": "e_learning", CollectionSchema.statusField: "planned", "date": day.json,
        ]
        if let title { fields["title"] = .string(title) }
        return try store.batch {
            try existing("course", try store.add(collection: "course", fields: fields))
        }
    }

    /// The hours a course's sessions add up to.
    public static func hours(of course: Record) -> Double {
        sessions(of: course).compactMap(Workflow.sessionHours).reduce(0, +)
    }

    /// A course's sessions in the order they are held.
    public static func sessions(of course: Record) -> [String] {
        (course.values["sessions"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
    }

    /// Whether the course is held in person, so attendance counts.
    public static func isInPerson(_ course: Record) -> Bool {
        course.values["kind"]?.stringValue != "e_learning"
    }

    // MARK: - Enrolment

    /// An enrolment, and the volunteer's record when the step moved it.
    public struct Enrolment {
        /// The new `course_enrolment` record.
        public var enrolment: Record
        /// The volunteer before and after the move, when it was moved.
        public var moved: (before: Record, after: Record)?
    }

    /// Enrols the volunteer on the course; a volunteer who is interested
    /// moves to enrolled.
    ///
    /// - Throws: `StartUpError` `.alreadyEnrolled`, `.courseNotRunning` or
    ///   `.notFound`; `WorkflowError` when the move is refused.
    public func enrol(course: String, volunteer: String) throws -> Enrolment {
        try store.batch {
            let course = try running(course)
            let volunteer = try existing("volunteer", volunteer)
            if try enrolment(course: course.id, volunteer: volunteer.id) != nil {
                throw StartUpError(.alreadyEnrolled)
            }
            let id = try store.add(collection: "course_enrolment", fields: [
                "course": .string(course.id), "volunteer": .string(volunteer.id),
            ])
            var moved: (Record, Record)?
            if Self.status(of: volunteer) == "interested" {
                moved = (volunteer, try workflow.move("volunteer", id: volunteer.id, verb: "enrol"))
            }
            return Enrolment(enrolment: try existing("course_enrolment", id), moved: moved)
        }
    }

    /// Records that the volunteer attended session `number` (from 1) of
    /// the course.
    ///
    /// - Throws: `StartUpError` `.noSuchSession`, `.notEnrolled` or
    ///   `.notFound`.
    public func attend(course: String, volunteer: String, session number: Int) throws -> Record {
        try store.batch {
            let course = try existing("course", course)
            let count = Self.sessions(of: course).count
            guard count > 0, (1...count).contains(number) else {
                throw StartUpError(.noSuchSession(number: number, count: count))
            }
            guard let enrolment = try enrolment(course: course.id, volunteer: volunteer) else {
                throw StartUpError(.notEnrolled)
            }
            let attended = Set(Self.attended(enrolment)).union([number]).sorted()
            _ = try store.update(collection: "course_enrolment", id: enrolment.id, changes: [
                "attended": .array(attended.map { .int(Int64($0)) }),
                "attended_sessions": .int(Int64(attended.count)),
            ])
            return try existing("course_enrolment", enrolment.id)
        }
    }

    /// The session numbers the enrolment's volunteer attended.
    public static func attended(_ enrolment: Record) -> [Int] {
        (enrolment.values["attended"]?.arrayValue ?? []).compactMap(\.intValue).map(Int.init).sorted()
    }

    // MARK: - Records

    /// The volunteer's enrolment on the course, if any.
    public func enrolment(course: String, volunteer: String) throws -> Record? {
        try enrolments(of: course).first { $0.values["volunteer"]?.stringValue == volunteer }
    }

    /// The course's enrolments.
    public func enrolments(of course: String) throws -> [Record] {
        try store.records(collection: "course_enrolment").filter { $0.values["course"]?.stringValue == course }
    }

    /// The live course, unless it is cancelled or closed.
    func running(_ id: String) throws -> Record {
        let course = try existing("course", id)
        let status = Self.status(of: course)
        guard status != "cancelled", status != "closed" else {
            throw StartUpError(.courseNotRunning(status: status))
        }
        return course
    }

    static func status(of record: Record) -> String {
        record.values[CollectionSchema.statusField]?.stringValue ?? ""
    }

    /// The live record, or `StartUpError` `.notFound`.
    func existing(_ collection: String, _ id: String) throws -> Record {
        guard let record = try store.record(collection: collection, id: id) else {
            throw StartUpError(.notFound(collection: collection), detail: id)
        }
        return record
    }
}
