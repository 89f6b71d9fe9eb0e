import Foundation
import VennDomain
import VennSchema
import VennStore

/// The working group's commands: a noun, then a verb. Each noun has status
/// moves, declared by its collection's schema, and verbs of its own, in
/// `VennCommandLine+<Noun>.swift`.
extension VennCommandLine {
    /// The store's setting that names the member using this laptop.
    static let memberSetting = "member"

    /// The verbs and options a noun has besides its status moves.
    static func workflowCommand(_ command: Command) -> WorkflowCommand {
        switch command {
        case .match: matchCommand
        case .agreement: agreementCommand
        case .member: memberCommand
        case .group: groupCommand
        case .volunteer: volunteerCommand
        case .person: personCommand
        case .course: courseCommand
        case .followup: followupCommand
        case .consent: consentCommand
        case .activity: activityCommand
        case .gathering: gatheringCommand
        case .refund: refundCommand
        case .stats: statsCommand
        case .initialize, .add, .list, .show, .edit, .delete, .history, .why, .sync, .status, .conflicts,
             .import, .export, .demoData:
            WorkflowCommand(verbs: [])
        }
    }

    /// The options a noun takes: its own, and those of status moves.
    static func workflowOptions(for command: Command) -> [OptionDeclaration] {
        var options = workflowCommand(command).options
        if command.statusCollection != nil { options += WorkflowOption.moves }
        var seen = Set<String>()
        return options.map(\.declaration).filter { seen.insert($0.name).inserted }
    }

    /// The status moves of the noun's collection.
    func transitions(of command: Command) -> [StatusTransition] {
        command.statusCollection.flatMap { schemas.collection(named: $0)?.transitions } ?? []
    }

    /// Runs `venn NOUN VERB ...`.
    func runWorkflowCommand(_ invocation: Invocation, store: Store) throws(CLIError) {
        let command = invocation.command
        let own = Self.workflowCommand(command).verbs
        let moves = transitions(of: command).filter { move in !own.contains { $0.name == move.verb } }
        let known = own.map(\.name) + moves.filter { $0.via == nil }.map(\.verb)
        guard let verb = invocation.positionals.first else {
            throw CLIError(.usage, .verbNeeded(command, known: known))
        }
        do {
            let workflow = try makeWorkflow(invocation, store: store)
            if own.contains(where: { $0.name == verb }) {
                try runWorkflowVerb(verb, invocation, workflow: workflow)
            } else if let move = moves.first(where: { $0.verb == verb }) {
                if let via = move.via {
                    // Made by another command as part of its step, so the
                    // records around it stay in agreement.
                    throw CLIError(.usage, .said(Phrase(
                        "“venn \(command.name) \(verb)” happens through “venn \(via)”.",
                        nb: "«venn \(command.name) \(verb)» skjer gjennom «venn \(via)»."
                    )))
                }
                try runMove(move, invocation, workflow: workflow)
            } else {
                let suggestion = EditDistance.closest(to: verb, among: known)
                throw CLIError(.usage, .unknownVerb(verb, command: command, suggestion: suggestion))
            }
        } catch let error as CLIError {
            throw error
        } catch let error as WorkflowError {
            throw cliError(error)
        } catch {
            throw cliError(error, schema: command.statusCollection.flatMap(schemas.collection(named:)))
        }
    }

    private func runWorkflowVerb(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        switch invocation.command {
        case .match: try runMatch(verb, invocation, workflow: workflow)
        case .agreement: try runAgreement(verb, invocation, workflow: workflow)
        case .member: try runMember(verb, invocation, workflow: workflow)
        case .group: try runGroup(verb, invocation, workflow: workflow)
        case .volunteer: try runVolunteer(verb, invocation, workflow: workflow)
        case .person: try runPerson(verb, invocation, workflow: workflow)
        case .course: try runCourse(verb, invocation, workflow: workflow)
        case .followup: try runFollowup(verb, invocation, workflow: workflow)
        case .consent: try runConsent(verb, invocation, workflow: workflow)
        case .activity: try runActivity(verb, invocation, workflow: workflow)
        case .gathering: try runGathering(verb, invocation, workflow: workflow)
        case .refund: try runRefund(verb, invocation, workflow: workflow)
        case .stats: try runStats(verb, invocation, workflow: workflow)
        case .initialize, .add, .list, .show, .edit, .delete, .history, .why, .sync, .status, .conflicts,
             .import, .export, .demoData:
            break
        }
    }

    /// A workflow for the store: the member from `--by` or the laptop's
    /// setting, and today's date.
    private func makeWorkflow(_ invocation: Invocation, store: Store) throws -> Workflow {
        var member = try store.syncState(Self.memberSetting)
        if let fragment = invocation.arguments.value(of: "by") {
            member = try resolve(fragment, in: "member", store: store)
        }
        return Workflow(store: store, member: member, today: CalendarDay(milliseconds: Store.systemWallClock()))
    }

    // MARK: - Status moves

    /// `venn NOUN VERB ID [--reason TEXT] [--on DATE] [--by MEMBER]`.
    func runMove(_ move: StatusTransition, _ invocation: Invocation, workflow: Workflow,
                 changes: [String: JSONValue] = [:]) throws {
        guard let collection = invocation.command.statusCollection,
              let schema = schemas.collection(named: collection)
        else { return }
        let id: String
        if invocation.command == .agreement, invocation.positionals.count < 2,
           let agreement = try StartUp(workflow: workflow).liveAgreement()
        {
            id = agreement.id  // a group has one agreement in force
        } else {
            id = try resolve(try argument(1, .id, of: invocation), in: collection, store: workflow.store)
        }
        var reason = invocation.arguments.value(of: "reason")
        if let field = move.reasonField.flatMap(schema.field(named:)), let given = reason {
            reason = field.code(forLabel: given) ?? given
        }
        let before = try workflow.store.record(collection: collection, id: id)
        let after = try workflow.move(collection, id: id, verb: move.verb, reason: reason,
                                      on: try day(invocation), changes: changes)
        printMoved(before ?? after, after)
    }

    /// Prints `Label ID: from → to` in the language, with the statuses'
    /// labels.
    func printMoved(_ before: Record, _ after: Record) {
        guard let schema = schemas.collection(named: after.collection) else { return }
        let status = schema.field(named: CollectionSchema.statusField)
        let label = { (record: Record) -> String in
            let code = record.values[CollectionSchema.statusField]?.stringValue ?? ""
            return status?.valueLabel(code, in: language.code) ?? code
        }
        console.print(Message.moved(
            collection: SchemaLabel(schema), id: Self.shortID(after.id), from: label(before), to: label(after)
        ).text(in: language))
    }

    // MARK: - Arguments

    /// The positional argument at `index` after the command (0 is the verb).
    func argument(_ index: Int, _ name: ArgumentName, of invocation: Invocation) throws(CLIError) -> String {
        guard invocation.positionals.count > index else { throw .missingArgument(name) }
        return invocation.positionals[index]
    }

    /// The id of the record of `collection` that `fragment` names, resolved
    /// as every command resolves ids.
    func resolve(_ fragment: String, in collection: String, store: Store) throws -> String {
        let label = schemas.collection(named: collection).map(SchemaLabel.init) ?? SchemaLabel(name: collection)
        return try resolveID(fragment, collection: collection, store: store,
                             notFound: .recordNotFound(collection: label, id: fragment))
    }

    /// `--on DATE`, or nil when not given.
    func day(_ invocation: Invocation, option: String = "on") throws(CLIError) -> CalendarDay? {
        guard let text = invocation.arguments.value(of: option) else { return nil }
        guard let day = CalendarDay(text) else {
            throw CLIError(.usage, .invalidDate(flag: "--" + option, value: text))
        }
        return day
    }

    // MARK: - Errors

    /// The command-line error for a refused workflow step.
    func cliError(_ error: WorkflowError) -> CLIError {
        let schema = schemas.collection(named: error.collection)
        let label = schema.map(SchemaLabel.init) ?? SchemaLabel(name: error.collection)
        let noun = Self.noun(of: error.collection)
        let verb = noun + " " + (error.verb ?? "")
        let statusLabel = { (code: String) -> String in
            schema?.field(named: CollectionSchema.statusField)?.valueLabel(code, in: language.code) ?? code
        }
        switch error.code {
        case .noStatusMachine:
            return .internalError("no status machine for \(error.collection)")
        case .unknownVerb(let known):
            let command = Command.allCases.first { $0.statusCollection == error.collection } ?? .match
            return CLIError(.usage, .unknownVerb(error.verb ?? "", command: command, suggestion: EditDistance.closest(
                to: error.verb ?? "", among: known)))
        case .recordNotFound:
            return CLIError(.notFound, .recordNotFound(collection: label, id: error.id.map(Self.shortID) ?? ""))
        case .notFromStatus(let current, let allowed):
            return CLIError(.invalidData, .moveNotAllowed(
                verb: verb, current: statusLabel(current), allowed: allowed.map(statusLabel)))
        case .reasonRequired:
            return CLIError(.usage, .reasonRequired(verb: verb))
        case .unknownReason(let known):
            return CLIError(.usage, .unknownReason(error.detail ?? "", known: known))
        case .missing(let requirements):
            return CLIError(.invalidData, .moveNeeds(verb: verb, missing: requirements.map(phrase(for:))))
        case .tooEarly(let earliest):
            return CLIError(.invalidData, .said(Phrase(
                "“venn \(verb)” cannot happen before \(earliest); give a later day with --on.",
                nb: "«venn \(verb)» kan ikke skje før \(earliest); oppgi en senere dag med --on."
            )))
        case .wrongReference(let field):
            return CLIError(.notFound, .recordNotFound(collection: label, id: field))
        }
    }

    /// The command that works on a collection's records, as people type it.
    static func noun(of collection: String) -> String {
        if let command = Command.allCases.first(where: { $0.statusCollection == collection }) { return command.name }
        let nouns = [
            "group_activity": Command.activity, "course_enrolment": .course, "followup_conversation": .followup,
            "consent": .consent, "member": .member, "working_group": .group, "match_checkin": .match,
        ]
        return nouns[collection]?.name ?? collection
    }

    /// What a requirement asks for, in words.
    func phrase(for requirement: Requirement) -> Phrase {
        switch requirement {
        case .courseCompleted:
            Phrase("a completed course (venn course complete)", nb: "et fullført kurs (venn course complete)")
        case .followupHeld:
            Phrase("a follow-up conversation with the outcome ready (venn followup record)",
                   nb: "en oppfølgingssamtale med utfallet klar (venn followup record)")
        case .pledgeSigned:
            Phrase("a signed pledge of confidentiality (venn volunteer pledge)",
                   nb: "et signert taushetsløfte (venn volunteer pledge)")
        case .volunteerReady(let status):
            statusPhrase(status, of: "volunteer", Phrase("a volunteer who is ready", nb: "en frivillig som er klar"))
        case .consentInForce:
            Phrase("a consent in force (venn consent give)", nb: "et samtykke som gjelder (venn consent give)")
        case .personMapped(let status):
            statusPhrase(status, of: "person", Phrase(
                "a person who is mapped and waiting", nb: "en person som er kartlagt og venter"
            ))
        case .willingForGroup:
            Phrase("a volunteer willing for group activities (venn volunteer map ID --willing group)",
                   nb: "en frivillig som kan tenke seg gruppeaktiviteter (venn volunteer map ID --willing group)")
        case .field(let name):
            Phrase(fieldLabel(name, in: .english), nb: fieldLabel(name, in: .bokmal))
        case .leaderWithContact:
            Phrase("a leader with an e-mail address or phone number (venn agreement leader MEMBER; "
                       + "venn edit member MEMBER --email ...)",
                   nb: "en leder med e-postadresse eller telefonnummer (venn agreement leader MEDLEM; "
                       + "venn edit member MEDLEM --email ...)")
        case .courseHours(let needed, let planned):
            Phrase("sessions adding up to \(needed) hours (planned: \(Self.hours(planned)))",
                   nb: "kurskvelder på til sammen \(needed) timer (planlagt: \(Self.hours(planned)))")
        case .matchesClosed(let ids):
            Phrase("its matches ended or declined first (venn match end|decline): "
                       + ids.map(Self.shortID).joined(separator: ", "),
                   nb: "at koblingene avsluttes eller avslås først (venn match end|decline): "
                       + ids.map(Self.shortID).joined(separator: ", "))
        case .withinLimit(let category, let limit):
            Phrase("an amount within the limit for \(category) (\(Self.hours(limit)) kr)",
                   nb: "et beløp innenfor grensen for \(category) (\(Self.hours(limit)) kr)")
        }
    }

    /// `wanted`, followed by the record's status now, in both languages.
    private func statusPhrase(_ code: String, of collection: String, _ wanted: Phrase) -> Phrase {
        let field = schemas.collection(named: collection)?.field(named: CollectionSchema.statusField)
        let english = field?.valueLabel(code, in: "en") ?? code
        let bokmal = field?.valueLabel(code, in: "nb") ?? code
        return Phrase("\(wanted.english) (the status is \(english))", nb: "\(wanted.bokmal) (statusen er \(bokmal))")
    }

    private func fieldLabel(_ name: String, in language: Language) -> String {
        for collection in ["person", "volunteer"] {
            if let field = schemas.collection(named: collection)?.field(named: name) {
                return field.label(in: language.code).lowercased()
            }
        }
        return name
    }

    /// A number without a needless `.0`.
    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    // MARK: - Help

    /// `venn NOUN --help`: usage, what the noun is for, its verbs (status
    /// moves with their help from the schema) and options.
    func workflowHelp(_ command: Command) -> String {
        let own = Self.workflowCommand(command)
        let moves = transitions(of: command).filter { move in
            move.via == nil && !own.verbs.contains { $0.name == move.verb }
        }
        var verbs = own.verbs.map { ("\($0.name) \($0.arguments)", $0.help.text(in: language)) }
        verbs += moves.map { move in
            let reason = move.needsReason ? " --reason TEXT" : ""
            let id = command == .agreement ? "[ID]" : "ID"
            return ("\(move.verb) \(id)\(reason)", move.help(in: language.code))
        }
        var options = own.options
        if command.statusCollection != nil {
            options += WorkflowOption.moves.filter { move in
                !options.contains { $0.declaration.name == move.declaration.name }
            }
        }
        return help.workflow(
            command,
            verbs: verbs,
            options: options.map { ($0.term, $0.help.text(in: language)) }
        )
    }
}
