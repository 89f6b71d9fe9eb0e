import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let groupCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("serves", "home|institution|day_centre ...", Phrase(
                "Set whom the working group serves: people at home, in institutions, in day centres.",
                nb: "Velg hvem arbeidsgruppen er for: hjemmeboende, på institusjon, på dagsenter."
            )),
            WorkflowVerb("show", "[--json]", Phrase(
                "Show the working group: its name, status and whom it serves.",
                nb: "Vis arbeidsgruppen: navn, status og hvem den er for."
            )),
        ]
    )

    func runGroup(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        let startUp = StartUp(workflow: workflow)
        try withStartUpErrors {
            switch verb {
            case "serves":
                let targets = invocation.positionals.dropFirst().map {
                    startUpCode($0, of: "serves", in: "working_group")
                }
                let group = try startUp.setServes(Array(targets))
                let list = { (language: Language) in
                    targets.map { code in
                        self.schemas.collection(named: "working_group")?.field(named: "serves")?
                            .valueLabel(code, in: language.code).lowercased() ?? code
                    }.joined(separator: ", ")
                }
                let name = group.values["name"]?.stringValue ?? ""
                printStartUp(Phrase(
                    "\(name) serves: \(list(.english)).", nb: "Målgruppe for \(name): \(list(.bokmal))."
                ))
            case "show":
                try showGroup(try startUp.workingGroup(), invocation)
            default:
                break
            }
        }
    }

    private func showGroup(_ group: Record?, _ invocation: Invocation) throws {
        if invocation.isJSON {
            printJSONValue(group.map { .object(["id": .string($0.id), "fields": .object($0.values)]) } ?? .null)
            return
        }
        guard let group, let schema = schemas.collection(named: "working_group") else {
            printStartUp(Phrase(
                "The working group is not described yet; start with venn group serves home.",
                nb: "Arbeidsgruppen er ikke beskrevet ennå; begynn med venn group serves home."
            ))
            return
        }
        let formatter = ValueFormatter(language: language)
        let rows = ["name", "status", "serves", "municipalities", "contact_email"].compactMap { name -> [String]? in
            guard let field = schema.field(named: name), let value = group.values[name], !value.isNull else {
                return nil
            }
            return [field.label(in: language.code), formatter.text(for: value, field: field)]
        }
        console.print(Self.definitionList(rows, width: console.terminalWidth))
    }
}
