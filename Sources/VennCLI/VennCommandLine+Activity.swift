import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let activityCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("plan", "--type CODE [--name NAME] [--venue VENUE] [--schedule TIMES]", Phrase(
                "Plan a group activity of a type in the catalogue.",
                nb: "Planlegg en gruppeaktivitet av en type i katalogen."
            )),
            WorkflowVerb("join", "ACTIVITY VOLUNTEER...", Phrase(
                "Add volunteers who run the activity; they must be ready.",
                nb: "Legg til frivillige som holder aktiviteten; de må være klare."
            )),
            WorkflowVerb("participants", "ACTIVITY N", Phrase(
                "Set how many usually take part: a count, never names.",
                nb: "Sett hvor mange som vanligvis deltar: et antall, aldri navn."
            )),
            WorkflowVerb("show", "ACTIVITY [--json]", Phrase(
                "Show a group activity with its type and volunteers.",
                nb: "Vis en gruppeaktivitet med type og frivillige."
            )),
        ],
        options: [
            WorkflowOption("type", value: "CODE", Phrase(
                "The activity type, by code or label (venn list activity_type).",
                nb: "Aktivitetstypen, som kode eller betegnelse (venn list activity_type)."
            )),
            WorkflowOption("name", value: "NAME", Phrase(
                "A short name, e.g. Tuesday café.", nb: "Et kort navn, f.eks. Tirsdagskafé."
            )),
            WorkflowOption("venue", value: "VENUE", Phrase("Where the group meets.", nb: "Hvor gruppen møtes.")),
            WorkflowOption("schedule", value: "TIMES", Phrase(
                "When it meets, as weekday and part of the day, e.g. tue-afternoon.",
                nb: "Når den møtes, som ukedag og del av dagen, f.eks. tue-afternoon."
            )),
        ] + WorkflowOption.moves.filter { $0.term.hasPrefix("--by ") }
    )

    func runActivity(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        do {
            switch verb {
            case "plan": try planActivity(invocation, workflow: workflow)
            case "join":
                let id = try activityID(invocation, workflow: workflow)
                _ = try argument(2, .id, of: invocation)
                let volunteers = try invocation.positionals.dropFirst(2).map {
                    try resolve($0, in: "volunteer", store: workflow.store)
                }
                let step = try workflow.joinActivity(id, volunteers: volunteers)
                let count = step.record.values["volunteers"]?.arrayValue?.count ?? 0
                console.print(Message.said(Phrase(
                    "Group activity \(Self.shortID(id)) now has \(count) volunteer\(count == 1 ? "" : "s").",
                    nb: "Gruppeaktiviteten \(Self.shortID(id)) har nå \(count) frivillig\(count == 1 ? "" : "e")."
                )).text(in: language))
            case "participants":
                let id = try activityID(invocation, workflow: workflow)
                let text = try argument(2, .id, of: invocation)
                guard let count = Int(text) else {
                    throw CLIError(.usage, .wrongType(flag: "N", value: text, expected: .integer))
                }
                _ = try workflow.setParticipants(id, count: count)
                console.print(Message.said(Phrase(
                    "Group activity \(Self.shortID(id)): \(count) participant\(count == 1 ? "" : "s").",
                    nb: "Gruppeaktiviteten \(Self.shortID(id)): \(count) deltaker\(count == 1 ? "" : "e")."
                )).text(in: language))
            case "show": try showActivity(invocation, workflow: workflow)
            default: break
            }
        } catch let error as StoreError {
            throw cliError(error, schema: schemas.collection(named: "group_activity"))
        } catch {
            throw peopleError(error)
        }
    }

    private func activityID(_ invocation: Invocation, workflow: Workflow) throws -> String {
        try resolve(try argument(1, .id, of: invocation), in: "group_activity", store: workflow.store)
    }

    private func planActivity(_ invocation: Invocation, workflow: Workflow) throws {
        guard let type = invocation.arguments.value(of: "type") else {
            throw CLIError(.usage, .missingValue(flag: "--type"))
        }
        let step = try workflow.planActivity(
            type: type,
            name: invocation.arguments.value(of: "name"),
            venue: invocation.arguments.value(of: "venue"),
            schedule: list(invocation, "schedule") ?? []
        )
        let short = Self.shortID(step.record.id)
        console.print(Message.said(Phrase(
            "Planned group activity \(short).", nb: "Gruppeaktiviteten \(short) er planlagt."
        )).text(in: language))
    }

    private func showActivity(_ invocation: Invocation, workflow: Workflow) throws {
        let details = try workflow.activityDetails(try activityID(invocation, workflow: workflow))
        let names = details.volunteers.map { volunteer in
            "\(volunteer.values["name"]?.stringValue ?? "") (\(Self.shortID(volunteer.id)))"
        }
        let typeLabel = details.type.flatMap { $0.values["label"]?.stringValue }
        if invocation.isJSON {
            var object: [String: JSONValue] = [
                "id": .string(details.activity.id),
                "fields": .object(details.activity.values),
            ]
            if let type = details.type { object["type"] = .object(type.values) }
            printJSONValue(.object(object))
            return
        }
        let schema = schemas.collection(named: "group_activity")
        let formatter = ValueFormatter(language: language)
        var rows = [[Report.heading(.id).text(in: language), details.activity.id]]
        for field in schema?.fields ?? [] {
            guard let value = details.activity.values[field.name], !value.isNull else { continue }
            let text: String
            switch field.name {
            case "activity_type": text = typeLabel ?? formatter.text(for: value, field: field)
            case "volunteers": text = names.joined(separator: ", ")
            default:
                guard field.reference != nil else {
                    text = formatter.text(for: value, field: field)
                    break
                }
                text = Self.referenceText(value, try referenceNames(for: [field], store: workflow.store))
            }
            rows.append([field.label(in: language.code), text])
        }
        console.print(Self.definitionList(rows, width: console.terminalWidth))
    }
}
