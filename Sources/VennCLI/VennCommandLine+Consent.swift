import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let consentCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb(
                "give",
                "PERSON --by-whom WHO [--representative ID] [--purposes P,Q] [...]",
                Phrase(
                    "Record a consent (samtykke); a referred person is then consented.",
                    nb: "Registrer et samtykke; en henvist person har da samtykket."
                )
            ),
            WorkflowVerb("withdraw", "PERSON [--on DATE]", Phrase(
                "Withdraw consent: ends the person's matches and closes the person, in one step.",
                nb: "Trekk tilbake samtykket: avslutter personens koblinger og avslutter personen, i ett steg."
            )),
            WorkflowVerb("review", "PERSON --on DATE", Phrase(
                "Set when the consent in force is to be reviewed.",
                nb: "Sett når samtykket som gjelder skal gjennomgås."
            )),
        ],
        options: [
            WorkflowOption("by-whom", value: "WHO", Phrase(
                "Who gave it: self, attorney (fremtidsfullmektig) or guardian (verge).",
                nb: "Hvem som ga det: selv (self), fremtidsfullmektig (attorney) eller verge (guardian)."
            )),
            WorkflowOption("representative", value: "ID", Phrase(
                "The attorney's or guardian's representative record.",
                nb: "Representanten som er fremtidsfullmektig eller verge."
            )),
            WorkflowOption("purposes", value: "P,Q", Phrase(
                "What it covers; registration, matching and share_with_volunteer by default.",
                nb: "Hva det gjelder; registration, matching og share_with_volunteer som standard."
            )),
            WorkflowOption("review-on", value: "DATE", Phrase(
                "When to ask again (YYYY-MM-DD).", nb: "Når det skal spørres på nytt (ÅÅÅÅ-MM-DD)."
            )),
        ] + WorkflowOption.moves.filter { $0.term.hasPrefix("--on") || $0.term.hasPrefix("--by ") }
    )

    func runConsent(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        do {
            let person = try resolve(try argument(1, .id, of: invocation), in: "person", store: workflow.store)
            let short = Self.shortID(person)
            switch verb {
            case "give": try giveConsent(person, invocation, workflow: workflow)
            case "withdraw":
                let step = try workflow.withdrawConsent(person: person, on: try day(invocation))
                console.print(Message.said(Phrase(
                    "Consent withdrawn for person \(short).", nb: "Samtykket er trukket tilbake for person \(short)."
                )).text(in: language))
                printMoves(step.moves)
            case "review":
                guard let on = try day(invocation) else { throw CLIError(.usage, .missingValue(flag: "--on")) }
                _ = try workflow.reviewConsent(person: person, on: on)
                console.print(Message.said(Phrase(
                    "The consent of person \(short) is to be reviewed on \(on.text).",
                    nb: "Samtykket til person \(short) skal gjennomgås \(on.text)."
                )).text(in: language))
            default: break
            }
        } catch {
            throw peopleError(error)
        }
    }

    private func giveConsent(_ person: String, _ invocation: Invocation, workflow: Workflow) throws {
        guard let givenBy = invocation.arguments.value(of: "by-whom") else {
            throw CLIError(.usage, .missingValue(flag: "--by-whom"))
        }
        let representative = try invocation.arguments.value(of: "representative").map {
            try resolve($0, in: "representative", store: workflow.store)
        }
        let step = try workflow.giveConsent(ConsentGrant(
            person: person,
            givenBy: givenBy,
            representative: representative,
            purposes: list(invocation, "purposes") ?? [],
            givenOn: try day(invocation),
            reviewOn: try day(invocation, option: "review-on")
        ))
        let short = Self.shortID(person)
        console.print(Message.said(Phrase(
            "Consent recorded for person \(short).", nb: "Samtykke registrert for person \(short)."
        )).text(in: language))
        printMoves(step.moves)
    }
}
