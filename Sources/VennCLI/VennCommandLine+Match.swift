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
                    + "lager aldri en kobling."
            )),
            WorkflowVerb("propose", "--volunteer ID --person ID [--contact MEMBER] [--on DATE]", Phrase(
                "Propose a pair: the only way a match is made.",
                nb: "Foreslå et par: den eneste måten en kobling lages på."
            )),
            WorkflowVerb("start", "ID [--on DATE]", Phrase(
                "The pair has met and goes on; the volunteer is active and the person matched.",
                nb: "Paret har møttes og fortsetter; den frivillige er aktiv og personen koblet."
            )),
            WorkflowVerb("end", "ID --reason CODE", Phrase(
                "End the match; the volunteer and the person wait again unless they meet someone else.",
                nb: "Avslutt koblingen; den frivillige og personen venter igjen om de ikke møter noen andre."
            )),
            WorkflowVerb("decline", "ID --reason TEXT", Phrase(
                "The proposal was declined; the volunteer and the person wait again.",
                nb: "Forslaget ble avslått; den frivillige og personen venter igjen."
            )),
            WorkflowVerb("checkin", "ID --still-meeting yes|no [--frequency BAND] [--on DATE]", Phrase(
                "Record how the match is going.", nb: "Registrer hvordan koblingen går."
            )),
            WorkflowVerb("show", "ID [--json]", Phrase(
                "Show a match with its check-ins and status changes.",
                nb: "Vis en kobling med oppfølginger og statusendringer."
            )),
        ],
        options: [
            WorkflowOption("person", value: "ID", Phrase("The person.", nb: "Personen.")),
            WorkflowOption("volunteer", value: "ID", Phrase("The volunteer.", nb: "Den frivillige.")),
            WorkflowOption("limit", value: "N", Phrase(
                "How many candidates to show (10 by default).", nb: "Hvor mange kandidater som vises (10 som standard)."
            )),
            WorkflowOption("contact", value: "MEMBER", Phrase(
                "The member who is the pair's contact person.", nb: "Medlemmet som er parets kontaktperson."
            )),
            WorkflowOption("still-meeting", value: "yes|no", Phrase(
                "Whether the pair still meets.", nb: "Om paret fortsatt møtes (ja eller nei)."
            )),
            WorkflowOption("frequency", value: "BAND", Phrase(
                "How often: weekly, fortnightly, monthly or less_often.",
                nb: "Hvor ofte: weekly (ukentlig), fortnightly (annenhver uke), monthly (månedlig) "
                    + "eller less_often (sjeldnere)."
            )),
        ]
    )

    func runMatch(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        do {
            switch verb {
            case "suggest": try suggest(invocation, store: workflow.store)
            case "propose": try propose(invocation, workflow: workflow)
            case "start":
                let id = try matchID(invocation, workflow: workflow)
                printMoves(try workflow.startMatch(id, on: try day(invocation)).moves)
            case "end":
                let id = try matchID(invocation, workflow: workflow)
                let reason = invocation.arguments.value(of: "reason") ?? ""
                printMoves(try workflow.endMatch(id, reason: reason, on: try day(invocation)).moves)
            case "decline":
                let id = try matchID(invocation, workflow: workflow)
                let reason = invocation.arguments.value(of: "reason") ?? ""
                printMoves(try workflow.declineMatch(id, reason: reason, on: try day(invocation)).moves)
            case "checkin": try checkIn(invocation, workflow: workflow)
            case "show": try showMatch(invocation, workflow: workflow)
            default: break
            }
        } catch {
            throw peopleError(error)
        }
    }

    private func matchID(_ invocation: Invocation, workflow: Workflow) throws -> String {
        try resolve(try argument(1, .id, of: invocation), in: "match", store: workflow.store)
    }

    private func propose(_ invocation: Invocation, workflow: Workflow) throws {
        guard let volunteer = invocation.arguments.value(of: "volunteer") else {
            throw CLIError(.usage, .missingValue(flag: "--volunteer"))
        }
        guard let person = invocation.arguments.value(of: "person") else {
            throw CLIError(.usage, .missingValue(flag: "--person"))
        }
        let contact = try invocation.arguments.value(of: "contact").map {
            try resolve($0, in: "member", store: workflow.store)
        }
        let step = try workflow.proposeMatch(
            volunteer: try resolve(volunteer, in: "volunteer", store: workflow.store),
            person: try resolve(person, in: "person", store: workflow.store),
            contact: contact,
            on: try day(invocation)
        )
        let short = Self.shortID(step.record.id)
        console.print(Message.said(Phrase(
            "Proposed match \(short).", nb: "Kobling \(short) er foreslått."
        )).text(in: language))
        printMoves(step.moves)
    }

    private func checkIn(_ invocation: Invocation, workflow: Workflow) throws {
        let id = try matchID(invocation, workflow: workflow)
        guard let text = invocation.arguments.value(of: "still-meeting") else {
            throw CLIError(.usage, .missingValue(flag: "--still-meeting"))
        }
        guard let stillMeeting = Self.yesOrNo(text) else {
            throw CLIError(.usage, .wrongType(flag: "--still-meeting", value: text, expected: .boolean))
        }
        _ = try workflow.checkIn(
            match: id,
            stillMeeting: stillMeeting,
            frequency: invocation.arguments.value(of: "frequency"),
            on: try day(invocation)
        )
        console.print(Message.said(Phrase(
            "Check-in recorded for match \(Self.shortID(id)).",
            nb: "Oppfølging registrert for kobling \(Self.shortID(id))."
        )).text(in: language))
    }

    /// Yes or no in either language.
    static func yesOrNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "ja", "j", "true": true
        case "no", "n", "nei", "false": false
        default: nil
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
        var activityLabels: [String: String] = [:]
        for type in try store.records(collection: "activity_type") {
            if let code = type.values["code"]?.stringValue, let label = type.values["label"]?.stringValue {
                activityLabels[code] = label
            }
        }
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
                    "reasons": .array(candidate.reasons.map { .string(reasonText($0, labels: activityLabels)) }),
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
                candidate.reasons.map { reasonText($0, labels: activityLabels) }.joined(separator: "; "),
            ]
        }
        console.print(table.render(rows, width: console.terminalWidth))
    }

    /// `reason` in words; activity codes read as the catalogue's labels.
    private func reasonText(_ reason: MatchRanking.Reason, labels: [String: String]) -> String {
        let person = schemas.collection(named: "person")
        let report: Report.MatchReason
        switch reason {
        case .sharedInterests(let codes): report = .sharedInterests(codes.map { labels[$0] ?? $0 })
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
        let id = try resolve(fragment, in: collection, store: store)
        guard let record = records.first(where: { $0.id == id }) else {
            throw StoreError(.recordNotFound, detail: "\(collection)/\(fragment)")
        }
        return record
    }
}

// MARK: - match show

extension VennCommandLine {
    fileprivate func showMatch(_ invocation: Invocation, workflow: Workflow) throws {
        let id = try resolve(try argument(1, .id, of: invocation), in: "match", store: workflow.store)
        let details = try workflow.matchDetails(id)
        if invocation.isJSON {
            printJSONValue(.object([
                "id": .string(id),
                "fields": .object(details.match.values),
                "checkins": .array(details.checkins.map {
                    .object(["id": .string($0.id), "fields": .object($0.values)])
                }),
                "moves": .array(details.moves.map { .object($0.values) }),
            ]))
            return
        }

        // The match's fields, with names in place of the pair's ids.
        let formatter = ValueFormatter(language: language)
        let schema = schemas.collection(named: "match")
        var rows = [[Report.heading(.id).text(in: language), id]]
        for field in schema?.fields ?? [] {
            guard let value = details.match.values[field.name], !value.isNull else { continue }
            var text = formatter.text(for: value, field: field)
            if let reference = field.reference, let target = value.stringValue,
               let name = try workflow.store.record(collection: reference, id: target)?.values["name"]?.stringValue {
                text = "\(name) (\(Self.shortID(target)))"
            }
            rows.append([field.label(in: language.code), text])
        }
        console.print(Self.definitionList(rows, width: console.terminalWidth))

        let checkinSchema = schemas.collection(named: "match_checkin")
        console.print("")
        console.print(Message.said(Phrase("Check-ins:", nb: "Oppfølginger:")).text(in: language))
        if details.checkins.isEmpty { console.print("  –") }
        for checkin in details.checkins {
            let parts = ["date", "still_meeting", "frequency_band"].compactMap { name -> String? in
                guard let value = checkin.values[name], !value.isNull else { return nil }
                let field = checkinSchema?.field(named: name)
                let text = formatter.text(for: value, field: field)
                return name == "date" ? text : "\(field?.label(in: language.code) ?? name): \(text)"
            }
            console.print("  " + parts.joined(separator: ", "))
        }

        let status = schema?.field(named: CollectionSchema.statusField)
        console.print("")
        console.print(Message.said(Phrase("Status changes:", nb: "Statusendringer:")).text(in: language))
        if details.moves.isEmpty { console.print("  –") }
        for move in details.moves {
            let label = { (key: String) in
                status?.valueLabel(move.values[key]?.stringValue ?? "", in: language.code) ?? ""
            }
            var line = "  \(move.values["on"]?.stringValue ?? "") \(label("from")) → \(label("to"))"
            if let reason = move.values["reason"]?.stringValue {
                let text = schema?.field(named: "end_reason")?.valueLabel(reason, in: language.code) ?? reason
                line += " (\(text))"
            }
            console.print(line)
        }
    }
}
