import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let memberCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("me", "MEMBER", Phrase(
                "Set the member who uses this laptop; moves are recorded in their name.",
                nb: "Velg medlemmet som bruker denne maskinen; endringer registreres i medlemmets navn."
            )),
            WorkflowVerb("tasks", "[--json]", Phrase(
                "Show each task of the group with the active members who hold it, and the tasks nobody holds.",
                nb: "Vis hver oppgave i arbeidsgruppen med de aktive medlemmene som har den, og oppgavene ingen har."
            )),
            WorkflowVerb("assign", "MEMBER TASK", Phrase(
                "Give a member a task, e.g. course or followup.",
                nb: "Gi et medlem en oppgave, f.eks. course eller followup."
            )),
            WorkflowVerb("unassign", "MEMBER TASK", Phrase(
                "Take a task from a member.", nb: "Ta en oppgave fra et medlem."
            )),
        ]
    )

    func runMember(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        let startUp = StartUp(workflow: workflow)
        try withStartUpErrors {
            switch verb {
            case "me":
                let id = try resolve(try argument(1, .id, of: invocation), in: "member", store: workflow.store)
                let member = try startUp.setLaptopMember(id, setting: Self.memberSetting)
                let name = member.values["name"]?.stringValue ?? Self.shortID(id)
                printStartUp(Phrase(
                    "This laptop is used by \(name); moves are recorded in their name.",
                    nb: "Denne maskinen brukes av \(name); endringer registreres i medlemmets navn."
                ))
            case "tasks":
                printTasks(try startUp.taskHolders(), invocation)
            case "assign", "unassign":
                let id = try resolve(try argument(1, .id, of: invocation), in: "member", store: workflow.store)
                let task = startUpCode(try argument(2, .value, of: invocation), of: "roles", in: "member")
                let member = verb == "assign"
                    ? try startUp.assign(id, task: task) : try startUp.unassign(id, task: task)
                printAssignment(member, task: task, isAssigned: verb == "assign")
            default:
                break
            }
        }
    }

    private func printAssignment(_ member: Record, task: String, isAssigned: Bool) {
        let name = member.values["name"]?.stringValue ?? Self.shortID(member.id)
        let label = { (language: Language) in
            self.schemas.collection(named: "member")?.field(named: "roles")?.valueLabel(task, in: language.code)
                ?? task
        }
        printStartUp(isAssigned
            ? Phrase("\(name) now holds the task \(label(.english)).",
                     nb: "\(name) har nå oppgaven \(label(.bokmal).lowercased()).")
            : Phrase("\(name) no longer holds the task \(label(.english)).",
                     nb: "\(name) har ikke lenger oppgaven \(label(.bokmal).lowercased())."))
    }

    private func printTasks(_ holders: [StartUp.TaskHolders], _ invocation: Invocation) {
        if invocation.isJSON {
            printJSONValue(.object([
                "tasks": .array(holders.map { holder in
                    .object([
                        "task": .string(holder.task),
                        "members": .array(holder.members.map { member in
                            .object(["id": .string(member.id), "name": member.values["name"] ?? .null])
                        }),
                    ])
                }),
                "unheld": .array(holders.filter(\.members.isEmpty).map { .string($0.task) }),
            ]))
            return
        }
        let rows = holders.map { holder in
            [
                startUpLabel(holder.task, of: "roles", in: "member"),
                holder.members.isEmpty ? "—"
                    : holder.members.map { $0.values["name"]?.stringValue ?? Self.shortID($0.id) }
                        .joined(separator: ", "),
            ]
        }
        console.print(Self.definitionList(rows, width: console.terminalWidth))
        let unheld = holders.filter(\.members.isEmpty).map { startUpLabel($0.task, of: "roles", in: "member") }
        if !unheld.isEmpty {
            let list = unheld.joined(separator: ", ")
            printStartUp(Phrase("Nobody holds: \(list).", nb: "Ingen har: \(list)."))
        }
    }
}
