import Foundation
import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let matchCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("suggest", "(--person ID | --volunteer ID) [--limit N]", Phrase(
                "Rank volunteers for a person (or people for a volunteer), with reasons; never makes a match.",
                nb: "Ranger frivillige for en person (eller personer for en frivillig), med begrunnelse; "
                    + "lager aldri en match."
            )),
        ],
        options: [
            WorkflowOption("person", value: "ID", Phrase("The person.", nb: "Personen.")),
            WorkflowOption("volunteer", value: "ID", Phrase("The volunteer.", nb: "Den frivillige.")),
            WorkflowOption("limit", value: "N", Phrase(
                "How many candidates to show (10 by default).", nb: "Hvor mange kandidater som vises (10 som standard)."
            )),
        ]
    )

    func runMatch(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        switch verb {
        case "suggest": try suggest(invocation, store: workflow.store)
        default: break
        }
    }

    // MARK: - match

    private func suggest(_ invocation: Invocation, store: Store) throws {
        let limit = Int(invocation.arguments.value(of: "limit") ?? "") ?? 10
        let volunteers = try store.records(collection: "volunteer")
        let persons = try store.records(collection: "person")
        let counts = MatchRanking.activeMatchCounts(try store.records(collection: "match"))

        let candidates: [MatchRanking.Candidate]
        let other: CollectionSchema?
        if let fragment = invocation.arguments.value(of: "person") {
            let person = try recordNamed(fragment, in: persons, collection: "person", store: store)
            candidates = MatchRanking.suggest(for: person, volunteers: volunteers, activeMatchCounts: counts,
                                              limit: limit)
            other = schemas.collection(named: "volunteer")
        } else if let fragment = invocation.arguments.value(of: "volunteer") {
            let volunteer = try recordNamed(fragment, in: volunteers, collection: "volunteer", store: store)
            candidates = MatchRanking.suggest(forVolunteer: volunteer, persons: persons, activeMatchCounts: counts,
                                              limit: limit)
            other = schemas.collection(named: "person")
        } else {
            throw CLIError.usage(.matchNeedsSubject)
        }
        let isPersonAnchor = invocation.arguments.value(of: "person") != nil
        let names = Dictionary(
            uniqueKeysWithValues: (isPersonAnchor ? volunteers : persons).map { ($0.id, $0.values["name"]) }
        )

        if invocation.isJSON {
            printJSONValue(.array(candidates.map { candidate in
                let id = isPersonAnchor ? candidate.volunteerID : candidate.personID
                return .object([
                    "id": .string(id),
                    "name": names[id].flatMap { $0 } ?? .null,
                    "score": .int(Int64(candidate.score)),
                    "reasons": .array(candidate.reasons.map { .string(reasonText($0, other: other)) }),
                ])
            }))
            return
        }
        guard !candidates.isEmpty else {
            console.print(Report.noCandidates.text(in: language))
            return
        }
        let table = TableRenderer(headers: [
            Report.heading(.id).text(in: language),
            other?.field(named: "name")?.label(in: language.code) ?? "Name",
            Report.scoreHeading.text(in: language),
            Report.reasonsHeading.text(in: language),
        ])
        let rows = candidates.map { candidate in
            let id = isPersonAnchor ? candidate.volunteerID : candidate.personID
            return [
                Self.shortID(id),
                names[id].flatMap { $0 }?.stringValue ?? "",
                String(candidate.score),
                candidate.reasons.map { reasonText($0, other: other) }.joined(separator: "; "),
            ]
        }
        console.print(table.render(rows, width: console.terminalWidth))
    }

    private func reasonText(_ reason: MatchRanking.Reason, other: CollectionSchema?) -> String {
        let person = schemas.collection(named: "person")
        let report: Report.MatchReason
        switch reason {
        case .sharedInterests(let codes): report = .sharedInterests(codes)
        case .overlappingTimes(let slots): report = .overlappingTimes(slots.count)
        case .sameArea(let area): report = .sameArea(area)
        case .residenceFits(let residence):
            let label = person?.field(named: "residence")?.valueLabel(residence, in: language.code) ?? residence
            report = .residenceFits(label.lowercased())
        case .groupActivityPossible: report = .groupActivityPossible
        case .alreadyMatched(let count): report = .alreadyMatched(count)
        }
        return Report.matchReason(report).text(in: language)
    }

    /// The record of `records` that `fragment` names, resolved as every
    /// command resolves ids.
    private func recordNamed(_ fragment: String, in records: [Record], collection: String, store: Store) throws
        -> Record
    {
        let label = schemas.collection(named: collection).map(SchemaLabel.init) ?? SchemaLabel(name: collection)
        let notFound = Message.recordNotFound(collection: label, id: fragment)
        let id = try resolveID(fragment, collection: collection, store: store, notFound: notFound)
        guard let record = records.first(where: { $0.id == id }) else { throw CLIError(.notFound, notFound) }
        return record
    }
}
