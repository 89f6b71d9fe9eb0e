import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let agreementCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("draft", "[--leader MEMBER]", Phrase(
                "Draft the group's cooperation agreement with NF.",
                nb: "Lag et utkast til arbeidsgruppens samarbeidsavtale med NF."
            )),
            WorkflowVerb("show", "[--json]", Phrase(
                "Show the agreement, its moves so far, what may come next and whether the toolbox is open.",
                nb: "Vis avtalen, endringene så langt, hva som kan komme etter og om Verktøykassen er åpen."
            )),
            WorkflowVerb("leader", "MEMBER", Phrase(
                "Make a member the group's leader and NF's contact.",
                nb: "Gjør et medlem til arbeidsgruppens leder og kontaktperson for NF."
            )),
        ],
        options: [
            WorkflowOption("leader", value: "MEMBER", Phrase(
                "The member who leads the group.", nb: "Medlemmet som leder arbeidsgruppen."
            )),
        ]
    )

    func runAgreement(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        let startUp = StartUp(workflow: workflow)
        try withStartUpErrors {
            switch verb {
            case "draft":
                let leader = try invocation.arguments.value(of: "leader")
                    .map { try resolve($0, in: "member", store: workflow.store) }
                let agreement = try startUp.draftAgreement(leader: leader)
                let id = Self.shortID(agreement.id)
                printStartUp(Phrase(
                    "Drafted the cooperation agreement \(id). Next: venn agreement sign \(id)",
                    nb: "Laget utkast til samarbeidsavtale \(id). Neste steg: venn agreement sign \(id)"
                ))
            case "leader":
                let member = try resolve(try argument(1, .id, of: invocation), in: "member", store: workflow.store)
                let agreement = try startUp.setLeader(member)
                let name = try workflow.store.record(collection: "member", id: member)?.values["name"]?.stringValue
                    ?? Self.shortID(member)
                let id = Self.shortID(agreement.id)
                printStartUp(Phrase(
                    "\(name) leads the group and is NF's contact under agreement \(id).",
                    nb: "\(name) er leder og kontaktperson for NF i samarbeidsavtale \(id)."
                ))
            case "show":
                try showAgreement(try startUp.agreementOverview(), invocation, store: workflow.store)
            default:
                break
            }
        }
    }

    private func showAgreement(_ overview: StartUp.AgreementOverview, _ invocation: Invocation, store: Store) throws {
        let agreement = overview.agreement
        if invocation.isJSON {
            printJSONValue(.object([
                "id": .string(agreement.id),
                "fields": .object(agreement.values),
                "toolbox_open": .bool(overview.isToolboxOpen),
                "moves": .array(overview.moves.map { .object($0.values) }),
                "next": .array(overview.nextMoves.map { .string($0.verb) }),
            ]))
            return
        }
        let status = agreement.values[CollectionSchema.statusField]?.stringValue ?? ""
        var rows = [[startUpFieldLabel("status", of: "agreement"), startUpLabel(status, of: "status", in: "agreement")]]
        if let leader = agreement.values["leader"]?.stringValue {
            let name = try store.record(collection: "member", id: leader)?.values["name"]?.stringValue
            rows.append([startUpFieldLabel("leader", of: "agreement"), name ?? Self.shortID(leader)])
        }
        let toolbox = overview.isToolboxOpen
            ? Phrase("open", nb: "åpen") : Phrase("not open until NF registers the agreement",
                                                  nb: "ikke åpen før NF har registrert avtalen")
        rows.append([Phrase("Toolbox", nb: "Verktøykassen").text(in: language), toolbox.text(in: language)])
        for move in overview.moves {
            let verb = move.values["verb"]?.stringValue ?? ""
            let to = startUpLabel(move.values["to"]?.stringValue ?? "", of: "status", in: "agreement")
            let reason = move.values["reason"]?.stringValue.map { " (\($0))" } ?? ""
            let by = try move.values["by"]?.stringValue
                .flatMap { try store.record(collection: "member", id: $0)?.values["name"]?.stringValue }
                .map { ", " + $0 } ?? ""
            rows.append([move.values["on"]?.stringValue ?? "", "\(verb) → \(to)\(reason)\(by)"])
        }
        if !overview.nextMoves.isEmpty {
            let next = overview.nextMoves.map { "venn agreement \($0.verb) \(Self.shortID(agreement.id))" }
            rows.append([Phrase("Next", nb: "Neste").text(in: language), next.joined(separator: ", ")])
        }
        let title = schemas.collection(named: "agreement").map { SchemaLabel($0) }
        console.print("\(title?.text(in: language) ?? "agreement") \(Self.shortID(agreement.id))")
        console.print(Self.definitionList(rows, width: console.terminalWidth))
    }

    // MARK: - Shared by the start-up and course commands

    /// Prints a phrase in the language.
    func printStartUp(_ phrase: Phrase) {
        console.print(Message.said(phrase).text(in: language))
    }

    /// The label of a field's code in the language, or the code.
    func startUpLabel(_ code: String, of field: String, in collection: String) -> String {
        schemas.collection(named: collection)?.field(named: field)?.valueLabel(code, in: language.code) ?? code
    }

    /// The label of a field in the language, or its name.
    func startUpFieldLabel(_ field: String, of collection: String) -> String {
        schemas.collection(named: collection)?.field(named: field)?.label(in: language.code) ?? field
    }

    /// The code a field takes for `given`, which may be a code or a label in
    /// either language.
    func startUpCode(_ given: String, of field: String, in collection: String) -> String {
        schemas.collection(named: collection)?.field(named: field)?.code(forLabel: given) ?? given
    }

    /// Runs `body`, turning a refused start-up or course step into the
    /// command line's error.
    func withStartUpErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StartUpError {
            throw cliError(error)
        }
    }

    /// The command-line error for a refused start-up or course step.
    func cliError(_ error: StartUpError) -> CLIError {
        let detail = error.detail ?? ""
        switch error.code {
        case .agreementExists(let status):
            let label = { (language: Language) in
                self.schemas.collection(named: "agreement")?.field(named: "status")?
                    .valueLabel(status, in: language.code) ?? status
            }
            return CLIError(.invalidData, .said(Phrase(
                "The group already has a cooperation agreement (\(label(.english))); "
                    + "terminate it first (venn agreement terminate ID --reason TEXT).",
                nb: "Arbeidsgruppen har allerede en samarbeidsavtale (\(label(.bokmal))); "
                    + "si den opp først (venn agreement terminate ID --reason TEKST)."
            )))
        case .noAgreement:
            return CLIError(.notFound, .said(Phrase(
                "The group has no cooperation agreement yet; start one with venn agreement draft.",
                nb: "Arbeidsgruppen har ingen samarbeidsavtale ennå; lag et utkast med venn agreement draft."
            )))
        case .notFound(let collection):
            let label = schemas.collection(named: collection).map(SchemaLabel.init) ?? SchemaLabel(name: collection)
            return CLIError(.notFound, .recordNotFound(collection: label, id: Self.shortID(detail)))
        case .unknownCode(let field, let known):
            let collection = ["roles": "member", "serves": "working_group", "outcome": "followup_conversation"][field]
            let name = { (language: Language) in
                self.schemas.collection(named: collection ?? "")?.field(named: field)?
                    .label(in: language.code).lowercased() ?? field
            }
            let list = known.joined(separator: ", ")
            return CLIError(.usage, .said(Phrase(
                detail.isEmpty ? "Name at least one \(name(.english)): \(list)."
                    : "“\(detail)” is not valid as \(name(.english)); use one of: \(list).",
                nb: detail.isEmpty ? "Oppgi minst én \(name(.bokmal)): \(list)."
                    : "«\(detail)» er ikke gyldig som \(name(.bokmal)); bruk en av: \(list)."
            )))
        case .notAssigned(let task):
            return CLIError(.invalidData, .said(Phrase(
                "The member does not hold the task \(task).", nb: "Medlemmet har ikke oppgaven \(task)."
            )))
        case .invalidSession(let session):
            return CLIError(.usage, .said(Phrase(
                "A session is written \"YYYY-MM-DD HH:MM-HH:MM\" and ends after it starts, not «\(session)».",
                nb: "En kurssamling skrives \"ÅÅÅÅ-MM-DD TT:MM-TT:MM\" og slutter etter at den begynner, "
                    + "ikke «\(session)»."
            )))
        case .noSessions:
            return CLIError(.usage, .said(Phrase(
                "An in-person course needs at least one --session \"YYYY-MM-DD HH:MM-HH:MM\".",
                nb: "Et fysisk kurs trenger minst én --session \"ÅÅÅÅ-MM-DD TT:MM-TT:MM\"."
            )))
        case .noSuchSession(let number, let count):
            return CLIError(.usage, .said(count == 0
                ? Phrase("The course has no sessions to attend.", nb: "Kurset har ingen kurssamlinger å møte på.")
                : count == 1
                ? Phrase("The course has one session; --session takes 1, not \(number).",
                         nb: "Kurset har én kurssamling; --session tar 1, ikke \(number).")
                : Phrase("The course has \(count) sessions; --session takes 1 to \(count), not \(number).",
                         nb: "Kurset har \(count) kurssamlinger; --session tar 1 til \(count), ikke \(number).")))
        case .alreadyEnrolled:
            return CLIError(.invalidData, .said(Phrase(
                "The volunteer is already enrolled on this course.",
                nb: "Den frivillige er allerede påmeldt dette kurset."
            )))
        case .notEnrolled:
            return CLIError(.invalidData, .said(Phrase(
                "The volunteer is not enrolled on this course (venn course enrol COURSE VOLUNTEER).",
                nb: "Den frivillige er ikke påmeldt dette kurset (venn course enrol KURS FRIVILLIG)."
            )))
        case .courseNotRunning(let status):
            let label = { (language: Language) in
                self.schemas.collection(named: "course")?.field(named: "status")?
                    .valueLabel(status, in: language.code).lowercased() ?? status
            }
            return CLIError(.invalidData, .said(Phrase(
                "The course is \(label(.english)); nothing more can be done on it.",
                nb: "Kurset er \(label(.bokmal)); det kan ikke gjøres mer på det."
            )))
        case .sessionsMissed(let attended, let count):
            return CLIError(.invalidData, .said(Phrase(
                "The volunteer attended \(attended) of \(count) sessions and cannot complete the course yet "
                    + "(venn course attend COURSE VOLUNTEER --session N).",
                nb: "Den frivillige var på \(attended) av \(count) kurssamlinger og kan ikke fullføre kurset ennå "
                    + "(venn course attend KURS FRIVILLIG --session N)."
            )))
        }
    }
}
