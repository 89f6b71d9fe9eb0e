import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let volunteerCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("map", "ID [--interests A,B] [--availability TIMES] [--area A] [--willing K] [...]", Phrase(
                "Record interests, times, area, wishes and what the volunteer is willing for.",
                nb: "Registrer interesser, tider, område, ønsker og hva den frivillige kan tenke seg."
            )),
            WorkflowVerb("contact", "ID [--on DATE]", Phrase(
                "Record the first conversation with the volunteer.",
                nb: "Registrer den første samtalen med den frivillige."
            )),
            WorkflowVerb("pledge", "ID [--on DATE]", Phrase(
                "Record the signed pledge of confidentiality; ready when course and follow-up are done too.",
                nb: "Registrer signert taushetsløfte; klar når kurs og oppfølgingssamtale også er gjort."
            )),
        ],
        options: mappingOptions + [
            WorkflowOption("willing", value: "KINDS", Phrase(
                "What the volunteer is willing for, of group,home,institution; the others are set to no.",
                nb: "Hva den frivillige kan tenke seg, av group,home,institution; de andre settes til nei."
            )),
        ]
    )

    func runVolunteer(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        do {
            let id = try resolve(try argument(1, .id, of: invocation), in: "volunteer", store: workflow.store)
            let short = Self.shortID(id)
            switch verb {
            case "map":
                _ = try workflow.mapVolunteer(id, mappingChanges(invocation))
                console.print(Message.said(Phrase(
                    "Mapped volunteer \(short).", nb: "Den frivillige \(short) er kartlagt."
                )).text(in: language))
            case "contact":
                let step = try workflow.recordContact(volunteer: id, on: try day(invocation))
                let on = step.record.values["contacted_on"]?.stringValue ?? ""
                console.print(Message.said(Phrase(
                    "First contact with volunteer \(short) on \(on).",
                    nb: "Første kontakt med den frivillige \(short) \(on)."
                )).text(in: language))
            case "pledge":
                let step = try workflow.signPledge(volunteer: id, on: try day(invocation))
                let on = step.record.values["pledge_signed_on"]?.stringValue ?? ""
                console.print(Message.said(Phrase(
                    "Volunteer \(short) signed the pledge of confidentiality on \(on).",
                    nb: "Den frivillige \(short) signerte taushetsløftet \(on)."
                )).text(in: language))
                printMoves(step.moves)
            default: break
            }
        } catch {
            throw peopleError(error)
        }
    }
}
