import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let followupCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("record", "VOLUNTEER --outcome OUTCOME [--on DATE] [--by MEMBER]",
                         Phrase(
                             "Record the follow-up conversation after the course; ready moves a volunteer "
                                 + "with course and pledge to ready.",
                             nb: "Registrer oppfølgingssamtalen etter kurset; klar gjør en frivillig med kurs "
                                 + "og taushetsløfte klar for kobling."
                         )),
        ],
        options: [
            WorkflowOption("outcome", value: "OUTCOME", Phrase(
                "ready, needs_time or not_proceeding.", nb: "ready (klar), needs_time (trenger tid) "
                    + "eller not_proceeding (går ikke videre)."
            )),
            WorkflowOption("on", value: "DATE", Phrase(
                "The day of the conversation (YYYY-MM-DD); today by default.",
                nb: "Dagen for samtalen (ÅÅÅÅ-MM-DD); i dag som standard."
            )),
            WorkflowOption("by", value: "MEMBER", Phrase(
                "The member who held it; by default the one set with «venn member me».",
                nb: "Medlemmet som holdt den; som standard det som er satt med «venn member me»."
            )),
        ]
    )

    func runFollowup(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        guard verb == "record" else { return }
        let courses = Courses(workflow: workflow)
        try withStartUpErrors {
            let volunteer = try resolve(try argument(1, .id, of: invocation), in: "volunteer", store: workflow.store)
            guard let given = invocation.arguments.value(of: "outcome") else {
                throw CLIError.usage(.missingValue(flag: "--outcome"))
            }
            let outcome = startUpCode(given, of: "outcome", in: "followup_conversation")
            let followup = try courses.recordFollowup(volunteer: volunteer, outcome: outcome, on: try day(invocation))
            let label = { (language: Language) in
                self.schemas.collection(named: "followup_conversation")?.field(named: "outcome")?
                    .valueLabel(outcome, in: language.code).lowercased() ?? outcome
            }
            let id = Self.shortID(followup.conversation.id)
            printStartUp(Phrase("Recorded the follow-up conversation \(id): \(label(.english)).",
                                nb: "Registrerte oppfølgingssamtalen \(id): \(label(.bokmal))."))
            if let moved = followup.moved { printMoved(moved.before, moved.after) }
            if !followup.missing.isEmpty {
                let missing = followup.missing.map(phrase(for:))
                printStartUp(Phrase(
                    "Not ready to be matched yet; still missing: "
                        + missing.map(\.english).joined(separator: "; ") + ".",
                    nb: "Ikke klar for kobling ennå; mangler fortsatt: "
                        + missing.map(\.bokmal).joined(separator: "; ") + "."
                ))
            }
        }
    }
}
