import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let courseCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("plan", "--session \"DATE HH:MM-HH:MM\" [--session ...] [--title T] [...]",
                         Phrase(
                    "Plan an in-person course in one or two sessions adding up to 6 hours.",
                    nb: "Planlegg et fysisk kurs over én eller to kurssamlinger på til sammen 6 timer."
                )),
            WorkflowVerb("elearning", "--on DATE [--title T]", Phrase(
                "Plan an e-learning course taken on a day.", nb: "Planlegg et e-læringskurs som tas på en dag."
            )),
            WorkflowVerb("enrol", "COURSE VOLUNTEER", Phrase(
                "Enrol a volunteer on a course; an interested volunteer becomes enrolled.",
                nb: "Meld en frivillig på et kurs; en interessert frivillig blir påmeldt."
            )),
            WorkflowVerb("attend", "COURSE VOLUNTEER --session N", Phrase(
                "Record that a volunteer attended session N (from 1).",
                nb: "Registrer at en frivillig var på kurssamling N (fra 1)."
            )),
            WorkflowVerb("complete", "COURSE [VOLUNTEER]", Phrase(
                "Complete the course for those who attended every session; they become course done.",
                nb: "Fullfør kurset for dem som var på alle kurssamlingene; de får kurs fullført."
            )),
            WorkflowVerb("show", "COURSE [--json]", Phrase(
                "Show a course: sessions, hours, and the enrolled volunteers with their attendance.",
                nb: "Vis et kurs: kurssamlinger, timer og de påmeldte frivillige med oppmøte."
            )),
        ],
        options: [
            WorkflowOption("session", value: "SESSION", Phrase(
                "A session \"YYYY-MM-DD HH:MM-HH:MM\" (plan, may be repeated), or its number (attend).",
                nb: "En kurssamling \"ÅÅÅÅ-MM-DD TT:MM-TT:MM\" (plan, kan gjentas), eller nummeret (attend)."
            )),
            WorkflowOption("title", value: "TEXT", Phrase(
                "A short name, e.g. Spring course.", nb: "Et kort navn, f.eks. Vårkurs."
            )),
            WorkflowOption("venue", value: "TEXT", Phrase("Where the course is held.", nb: "Hvor kurset holdes.")),
            WorkflowOption("leader", value: "MEMBER", Phrase(
                "A member who runs the course; may be repeated.", nb: "Et medlem som holder kurset; kan gjentas."
            )),
        ]
    )

    func runCourse(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        let courses = Courses(workflow: workflow)
        let store = workflow.store
        try withStartUpErrors {
            switch verb {
            case "plan":
                let leaders = try invocation.arguments.values(of: "leader").map {
                    try resolve($0, in: "member", store: store)
                }
                let plan = try courses.plan(
                    title: invocation.arguments.value(of: "title"),
                    sessions: invocation.arguments.values(of: "session"),
                    venue: invocation.arguments.value(of: "venue"),
                    leaders: leaders
                )
                printPlan(plan)
            case "elearning":
                guard let day = try day(invocation) else { throw CLIError.usage(.missingValue(flag: "--on")) }
                let course = try courses.planELearning(on: day, title: invocation.arguments.value(of: "title"))
                printStartUp(Phrase(
                    "Planned the e-learning course \(Self.shortID(course.id)) on \(day).",
                    nb: "Planla e-læringskurset \(Self.shortID(course.id)) den \(day)."
                ))
            case "enrol":
                let (course, volunteer) = try courseAndVolunteer(invocation, store: store)
                let enrolment = try courses.enrol(course: course, volunteer: volunteer)
                printStartUp(Phrase("Enrolled on course \(Self.shortID(course)).",
                                    nb: "Påmeldt kurs \(Self.shortID(course))."))
                if let moved = enrolment.moved { printMoved(moved.before, moved.after) }
            case "attend":
                let (course, volunteer) = try courseAndVolunteer(invocation, store: store)
                guard let text = invocation.arguments.value(of: "session"), let number = Int(text) else {
                    throw CLIError(.usage, .said(Phrase(
                        "Say which session with --session N, counting from 1.",
                        nb: "Oppgi hvilken kurssamling med --session N, fra 1."
                    )))
                }
                let enrolment = try courses.attend(course: course, volunteer: volunteer, session: number)
                let list = Courses.attended(enrolment).map(String.init).joined(separator: ", ")
                printStartUp(Phrase("Attended sessions: \(list).", nb: "Oppmøte på kurssamling: \(list)."))
            case "complete":
                let course = try resolve(try argument(1, .id, of: invocation), in: "course", store: store)
                let volunteer = try invocation.positionals.dropFirst(2).first.map {
                    try resolve($0, in: "volunteer", store: store)
                }
                printCompletion(try courses.complete(course: course, volunteer: volunteer))
            case "show":
                let course = try resolve(try argument(1, .id, of: invocation), in: "course", store: store)
                printCourse(try courses.overview(of: course), invocation)
            default:
                break
            }
        }
    }

    private func courseAndVolunteer(_ invocation: Invocation, store: Store) throws -> (String, String) {
        let course = try resolve(try argument(1, .id, of: invocation), in: "course", store: store)
        let volunteer = try resolve(try argument(2, .id, of: invocation), in: "volunteer", store: store)
        return (course, volunteer)
    }

    private func printPlan(_ plan: Courses.Plan) {
        let id = Self.shortID(plan.course.id)
        let hours = Self.hours(plan.hours)
        printStartUp(Phrase("Planned the course \(id): \(hours) hours.", nb: "Planla kurset \(id): \(hours) timer."))
        if let shortfall = plan.shortfall {
            // Warn, not refuse: sessions may still be added before the course is held.
            let needs = phrase(for: shortfall)
            console.printError("venn: " + Message.said(Phrase(
                "The course needs \(needs.english) before it can be held (venn course hold).",
                nb: "Kurset trenger \(needs.bokmal) før det kan holdes (venn course hold)."
            )).text(in: language))
        }
        if !plan.hasUsualSessions {
            console.printError("venn: " + Message.said(Phrase(
                "The course is usually given in one or two sessions; this plan has more.",
                nb: "Kurset holdes vanligvis over én eller to kurssamlinger; denne planen har flere."
            )).text(in: language))
        }
    }

    private func participantName(_ participant: Courses.Participant) -> String {
        participant.volunteer?.values["name"]?.stringValue ?? Self.shortID(participant.enrolment.id)
    }

    private func printCompletion(_ completion: Courses.Completion) {
        let done = completion.completed.map(participantName).joined(separator: ", ")
        printStartUp(completion.completed.isEmpty
            ? Phrase("Nobody completed the course this time.", nb: "Ingen fullførte kurset denne gangen.")
            : Phrase("Completed the course: \(done).", nb: "Fullførte kurset: \(done)."))
        for moved in completion.moved { printMoved(moved.before, moved.after) }
        for participant in completion.leftOut {
            let name = participantName(participant)
            let attended = participant.attended.count
            let count = completion.sessionCount
            printStartUp(Phrase(
                "Left out: \(name), who attended \(attended) of \(count) sessions.",
                nb: "Ikke med: \(name), som var på \(attended) av \(count) kurssamlinger."
            ))
        }
    }

    private func printCourse(_ overview: Courses.Overview, _ invocation: Invocation) {
        let course = overview.course
        if invocation.isJSON {
            printJSONValue(.object([
                "id": .string(course.id),
                "fields": .object(course.values),
                "hours": .double(overview.hours),
                "enrolled": .array(overview.participants.map { participant in
                    .object([
                        "volunteer": participant.enrolment.values["volunteer"] ?? .null,
                        "name": participant.volunteer?.values["name"] ?? .null,
                        "attended": .array(participant.attended.map { .int(Int64($0)) }),
                        "completed": .bool(participant.isCompleted),
                    ])
                }),
            ]))
            return
        }
        let formatter = ValueFormatter(language: language)
        var rows: [[String]] = []
        for name in ["title", "kind", "status", "date", "venue"] {
            guard let value = course.values[name], !value.isNull else { continue }
            let field = schemas.collection(named: "course")?.field(named: name)
            rows.append([startUpFieldLabel(name, of: "course"), formatter.text(for: value, field: field)])
        }
        for (index, session) in overview.sessions.enumerated() {
            let hours = Workflow.sessionHours(session).map(Self.hours) ?? "?"
            rows.append(["\(Phrase("Session", nb: "Kurssamling").text(in: language)) \(index + 1)",
                         "\(session) (\(hours) h)"])
        }
        if Courses.isInPerson(course) {
            rows.append([Phrase("Hours", nb: "Timer").text(in: language), Self.hours(overview.hours)])
        }
        console.print(Self.definitionList(rows, width: console.terminalWidth))
        guard !overview.participants.isEmpty else {
            printStartUp(Phrase("Nobody is enrolled yet.", nb: "Ingen er påmeldt ennå."))
            return
        }
        let table = TableRenderer(headers: [
            startUpFieldLabel("volunteer", of: "course_enrolment"),
            startUpFieldLabel("attended_sessions", of: "course_enrolment"),
            startUpFieldLabel("completed", of: "course_enrolment"),
        ])
        let rowsOfPeople = overview.participants.map { participant in
            [
                participantName(participant),
                Courses.isInPerson(course) ? attendance(participant, of: overview.sessions.count) : "—",
                formatter.booleanText(participant.isCompleted),
            ]
        }
        console.print(table.render(rowsOfPeople, width: console.terminalWidth))
    }

    /// `2/2 (1, 2)`: how many sessions of how many, and which.
    private func attendance(_ participant: Courses.Participant, of count: Int) -> String {
        let which = participant.attended.map(String.init).joined(separator: ", ")
        return "\(participant.attended.count)/\(count)" + (which.isEmpty ? "" : " (\(which))")
    }
}
