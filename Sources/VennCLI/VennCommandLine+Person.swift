import Foundation
import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    /// The options of a mapping conversation, shared by volunteers and
    /// people.
    static let mappingOptions: [WorkflowOption] = [
        WorkflowOption("interests", value: "A,B", Phrase(
            "Activity types from the catalogue, by code or label (venn list activity_type).",
            nb: "Aktivitetstyper fra katalogen, som kode eller betegnelse (venn list activity_type)."
        )),
        WorkflowOption("availability", value: "TIMES", Phrase(
            "Weekday and part of the day, e.g. mon-morning,tue-evening.",
            nb: "Ukedag og del av dagen, f.eks. mon-morning,tue-evening."
        )),
        WorkflowOption("area", value: "AREA", Phrase(
            "Part of the municipality, e.g. a district or village.",
            nb: "Del av kommunen, f.eks. bydel eller tettsted."
        )),
        WorkflowOption("wishes", value: "TEXT", Phrase(
            "What they would like to do together, in a few words; never health details.",
            nb: "Hva de ønsker å gjøre sammen, med få ord; aldri helseopplysninger."
        )),
    ]

    static let personCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("map", "ID [--interests A,B] [--availability TIMES] [--area AREA] [--wishes TEXT]", Phrase(
                "Record interests, times, area and wishes; a consented person then waits for a match.",
                nb: "Registrer interesser, tider, område og ønsker; en person som har samtykket venter så på "
                    + "kobling."
            )),
        ],
        options: mappingOptions
    )

    func runPerson(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        do {
            switch verb {
            case "map": try mapPerson(invocation, workflow: workflow)
            default: break
            }
        } catch {
            throw peopleError(error)
        }
    }

    // MARK: - person

    private func mapPerson(_ invocation: Invocation, workflow: Workflow) throws {
        let id = try resolve(try argument(1, .id, of: invocation), in: "person", store: workflow.store)
        let outcome = try workflow.mapPerson(id, mappingChanges(invocation), on: try day(invocation))
        console.print(Message.said(Phrase(
            "Mapped person \(Self.shortID(id)).", nb: "Personen \(Self.shortID(id)) er kartlagt."
        )).text(in: language))
        printMoves(outcome.step.moves)
        guard !outcome.missing.isEmpty else { return }
        let missing = outcome.missing.map { phrase(for: $0) }
        console.print(Message.said(Phrase(
            "Still needed before the person can wait for a match: "
                + missing.map(\.english).joined(separator: ", ") + ".",
            nb: "Dette trengs før personen kan vente på kobling: "
                + missing.map(\.bokmal).joined(separator: ", ") + "."
        )).text(in: language))
    }

    // MARK: - Shared by the people's nouns

    /// The mapping the options name.
    func mappingChanges(_ invocation: Invocation) -> MappingChanges {
        MappingChanges(
            interests: list(invocation, "interests"),
            availability: list(invocation, "availability"),
            area: invocation.arguments.value(of: "area"),
            wishes: invocation.arguments.value(of: "wishes"),
            willing: list(invocation, "willing")
        )
    }

    /// A comma-separated option as a list; nil when not given.
    func list(_ invocation: Invocation, _ option: String) -> [String]? {
        let values = invocation.arguments.values(of: option)
        guard !values.isEmpty else { return nil }
        return values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Prints each move as `Label ID: from → to`.
    func printMoves(_ moves: [RecordMove]) {
        for move in moves { printMoved(move.before, move.after) }
    }

    /// The command-line error for a refused step about volunteers, people,
    /// consents, matches or group activities; other errors as they are.
    func peopleError(_ error: any Error) -> any Error {
        switch error {
        case let error as MappingError: cliError(error)
        case let error as ConsentError: cliError(error)
        case let error as MatchingError: cliError(error)
        default: error
        }
    }

    private func cliError(_ error: MappingError) -> CLIError {
        switch error.code {
        case .unknownInterests(let given, let known):
            let list = given.joined(separator: ", ")
            guard !known.isEmpty else {
                return CLIError(.invalidData, .said(Phrase(
                    "Unknown activity types: \(list). The catalogue is empty; add types with "
                        + "«venn add activity_type --code CODE --label LABEL».",
                    nb: "Ukjente aktivitetstyper: \(list). Katalogen er tom; legg til typer med "
                        + "«venn add activity_type --code KODE --label BETEGNELSE»."
                )))
            }
            let codes = known.joined(separator: ", ")
            return CLIError(.invalidData, .said(Phrase(
                "Unknown activity types: \(list). Known codes: \(codes).",
                nb: "Ukjente aktivitetstyper: \(list). Kjente koder: \(codes)."
            )))
        case .unknownTimes(let given, let known):
            return CLIError(.invalidData, .said(Phrase(
                "Unknown times: \(given.joined(separator: ", ")). Use weekday and part of the day, e.g. "
                    + "\(known.prefix(3).joined(separator: ", ")).",
                nb: "Ukjente tider: \(given.joined(separator: ", ")). Bruk ukedag og del av dagen, f.eks. "
                    + "\(known.prefix(3).joined(separator: ", "))."
            )))
        case .unknownWillingness(let given, let known):
            return CLIError(.usage, .said(Phrase(
                "Unknown in --willing: \(given.joined(separator: ", ")). Known: \(known.joined(separator: ", ")).",
                nb: "Ukjent i --willing: \(given.joined(separator: ", ")). Kjente: \(known.joined(separator: ", "))."
            )))
        }
    }

    private func cliError(_ error: ConsentError) -> CLIError {
        let consent = schemas.collection(named: "consent")
        let giverLabel = { (code: String, language: Language) -> String in
            consent?.field(named: "given_by")?.valueLabel(code, in: language.code).lowercased() ?? code
        }
        switch error.code {
        case .unknownGiver(let known):
            let given = error.detail ?? ""
            return CLIError(.usage, .said(Phrase(
                "Unknown --by-whom \(given). Known: \(known.joined(separator: ", ")).",
                nb: "Ukjent --by-whom \(given). Kjente: \(known.joined(separator: ", "))."
            )))
        case .unknownPurposes(let given, let known):
            return CLIError(.usage, .said(Phrase(
                "Unknown purposes: \(given.joined(separator: ", ")). Known: \(known.joined(separator: ", ")).",
                nb: "Ukjente formål: \(given.joined(separator: ", ")). Kjente: \(known.joined(separator: ", "))."
            )))
        case .representativeNeeded(let role):
            return CLIError(.usage, .said(Phrase(
                "A consent given by the \(giverLabel(role, .english)) needs --representative ID "
                    + "(add one with «venn add representative --role \(role)»).",
                nb: "Et samtykke gitt av \(giverLabel(role, .bokmal)) trenger --representative ID "
                    + "(legg til med «venn add representative --role \(role)»)."
            )))
        case .representativeMismatch(let role):
            return CLIError(.invalidData, .said(Phrase(
                "The representative is not this person's \(giverLabel(role, .english)).",
                nb: "Representanten er ikke \(giverLabel(role, .bokmal)) for denne personen."
            )))
        case .noConsentInForce:
            return CLIError(.invalidData, .said(Phrase(
                "The person has no consent in force.", nb: "Personen har ikke noe samtykke som gjelder."
            )))
        }
    }

    private func cliError(_ error: MatchingError) -> CLIError {
        let given = error.detail ?? ""
        switch error.code {
        case .alreadyPaired:
            return CLIError(.invalidData, .said(Phrase(
                "The volunteer and the person already have a match that goes on (venn list match).",
                nb: "Den frivillige og personen har allerede en kobling som pågår (venn list match)."
            )))
        case .unknownCode(let name, let known):
            let field = ["match_checkin", "group_activity"].lazy
                .compactMap { self.schemas.collection(named: $0)?.field(named: name) }.first
            let label = { (language: Language) in field?.label(in: language.code).lowercased() ?? name }
            return CLIError(.usage, .said(Phrase(
                "Unknown value \(given) for \(label(.english)). Known: \(known.joined(separator: ", ")).",
                nb: "Ukjent verdi \(given) for \(label(.bokmal)). Kjente: \(known.joined(separator: ", "))."
            )))
        case .unknownActivityType(let known):
            let codes = known.isEmpty ? "–" : known.joined(separator: ", ")
            return CLIError(.invalidData, .said(Phrase(
                "Unknown activity type \(given). Known codes: \(codes).",
                nb: "Ukjent aktivitetstype \(given). Kjente koder: \(codes)."
            )))
        }
    }
}
