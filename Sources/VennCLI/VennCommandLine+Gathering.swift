import Foundation
import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let gatheringCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("plan", "--date DATE [--venue TEXT] [--theme TEXT]", Phrase(
                "Plan an experience gathering; prints its id.",
                nb: "Planlegg en erfaringssamling; skriver ut id-en."
            )),
            WorkflowVerb("invite", "ID N", Phrase(
                "Record how many were invited; a planned gathering opens.",
                nb: "Registrer hvor mange som ble invitert; en planlagt samling åpnes."
            )),
            WorkflowVerb("attended", "ID N [--on DATE]", Phrase(
                "Record how many came; a planned or open gathering is marked held.",
                nb: "Registrer hvor mange som kom; en planlagt eller åpen samling blir merket som holdt."
            )),
            WorkflowVerb("cost", "ID AMOUNT", Phrase(
                "Record what the gathering cost, in NOK.",
                nb: "Registrer hva samlingen kostet, i kroner."
            )),
            WorkflowVerb("show", "ID [--json]", Phrase(
                "Show a gathering and its refund claims.",
                nb: "Vis en samling og refusjonskravene for den."
            )),
            WorkflowVerb("list", "[--year YYYY] [--json]", Phrase(
                "List a year's gatherings and whether it has the recommended two.",
                nb: "List årets samlinger og om året har de anbefalte to."
            )),
        ],
        options: [
            WorkflowOption("date", value: "DATE", Phrase(
                "The day of the gathering (YYYY-MM-DD).", nb: "Dagen for samlingen (ÅÅÅÅ-MM-DD)."
            )),
            WorkflowOption("venue", value: "TEXT", Phrase("Where it is held.", nb: "Hvor samlingen holdes.")),
            WorkflowOption("theme", value: "TEXT", Phrase(
                "What it is about.", nb: "Hva samlingen handler om."
            )),
            WorkflowOption("year", value: "YYYY", Phrase(
                "The year to list; this year by default.", nb: "Året som listes; i år som standard."
            )),
        ]
    )

    func runGathering(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        let gatherings = Gatherings(workflow: workflow)
        switch verb {
        case "plan": try planGathering(invocation, gatherings: gatherings)
        case "invite":
            let (id, count) = try gatheringCount(invocation, store: workflow.store)
            let before = try workflow.store.record(collection: Gatherings.collection, id: id)
            printChanged(before, try gatherings.invite(id, count: count))
        case "attended":
            let (id, count) = try gatheringCount(invocation, store: workflow.store)
            let before = try workflow.store.record(collection: Gatherings.collection, id: id)
            printChanged(before, try gatherings.recordAttendance(id, count: count, on: try day(invocation)))
        case "cost":
            let fragment = try argument(1, .id, of: invocation)
            let id = try resolve(fragment, in: Gatherings.collection, store: workflow.store)
            let amount = try Self.amount(try argument(2, .value, of: invocation))
            printChanged(nil, try gatherings.recordCost(id, amount: amount))
        case "show": try showGathering(invocation, gatherings: gatherings)
        case "list": try listGatherings(invocation, gatherings: gatherings)
        default: break
        }
    }

    // MARK: - gathering

    private func planGathering(_ invocation: Invocation, gatherings: Gatherings) throws {
        guard let date = try day(invocation, option: "date") else {
            throw CLIError(.usage, .said(Phrase(
                "A gathering needs a date: --date YYYY-MM-DD.",
                nb: "En samling trenger en dato: --date ÅÅÅÅ-MM-DD."
            )))
        }
        let id = try gatherings.plan(
            on: date,
            venue: invocation.arguments.value(of: "venue"),
            theme: invocation.arguments.value(of: "theme")
        )
        console.print(Message.recordAdded(id: id).text(in: language))
    }

    /// The gathering's id and a whole count, `ID N`.
    private func gatheringCount(_ invocation: Invocation, store: Store) throws -> (String, Int) {
        let id = try resolve(try argument(1, .id, of: invocation), in: Gatherings.collection, store: store)
        let text = try argument(2, .value, of: invocation)
        guard let count = Int(text), count >= 0 else {
            throw CLIError(.usage, .said(Phrase(
                "«\(text)» is not a count: give a whole number, 0 or more.",
                nb: "«\(text)» er ikke et antall: oppgi et helt tall, 0 eller mer."
            )))
        }
        return (id, count)
    }

    /// An amount in NOK: digits, with a decimal point or comma.
    static func amount(_ text: String) throws(CLIError) -> Double {
        guard let amount = Double(text.replacingOccurrences(of: ",", with: ".")), amount >= 0, amount.isFinite
        else {
            throw CLIError(.usage, .said(Phrase(
                "«\(text)» is not an amount: give NOK as a number, e.g. 1500 or 249,50.",
                nb: "«\(text)» er ikke et beløp: oppgi kroner som et tall, f.eks. 1500 eller 249,50."
            )))
        }
        return amount
    }

    /// Prints a status move when the change made one, or that the record
    /// was updated.
    private func printChanged(_ before: Record?, _ after: Record) {
        let status = { (record: Record?) in record?.values[CollectionSchema.statusField]?.stringValue }
        if let before, status(before) != status(after) {
            printMoved(before, after)
        } else if let schema = schemas.collection(named: after.collection) {
            console.print(Message.recordUpdated(collection: SchemaLabel(schema), id: Self.shortID(after.id))
                .text(in: language))
        }
    }

    private func showGathering(_ invocation: Invocation, gatherings: Gatherings) throws {
        let store = gatherings.store
        let id = try resolve(try argument(1, .id, of: invocation), in: Gatherings.collection, store: store)
        guard let gathering = try store.record(collection: Gatherings.collection, id: id),
              let schema = schemas.collection(named: Gatherings.collection)
        else { throw CLIError(.notFound, .recordNotFound(collection: SchemaLabel(name: "gathering"), id: id)) }
        let claims = try Refunds(workflow: gatherings.workflow).claims()
            .filter { $0.values["gathering"]?.stringValue == id }
        let totals = Refunds.totals(of: claims)

        if invocation.isJSON {
            printJSONValue(.object([
                "id": .string(id),
                "fields": .object(gathering.values),
                "refund_claims": .array(claims.map(Self.json)),
                "refund_totals": Self.json(totals),
            ]))
            return
        }
        let formatter = ValueFormatter(language: language)
        var rows = [[Report.heading(.id).text(in: language), id]]
        for field in schema.fields {
            guard let value = gathering.values[field.name], !value.isNull else { continue }
            rows.append([field.label(in: language.code), formatter.text(for: value, field: field)])
        }
        let refunds = Phrase("Refund claims", nb: "Refusjonskrav").text(in: language)
        rows.append([refunds, totalsText(totals, count: claims.count)])
        console.print(Self.definitionList(rows, width: console.terminalWidth))
    }

    private func listGatherings(_ invocation: Invocation, gatherings: Gatherings) throws {
        let yearText = invocation.arguments.value(of: "year")
        let year: Int
        if let yearText {
            guard let given = Int(yearText), (1900...2999).contains(given) else {
                throw CLIError(.usage, .said(Phrase(
                    "«\(yearText)» is not a year: give four digits, e.g. 2026.",
                    nb: "«\(yearText)» er ikke et årstall: oppgi fire sifre, f.eks. 2026."
                )))
            }
            year = given
        } else {
            year = gatherings.workflow.today.year
        }
        let records = try gatherings.gatherings(in: year)
        let summary = Gatherings.summary(of: year, gatherings: records)

        if invocation.isJSON {
            printJSONValue(.object([
                "year": .int(Int64(year)),
                "gatherings": .array(records.map(Self.json)),
                "held": .int(Int64(summary.held)),
                "upcoming": .int(Int64(summary.upcoming)),
                "cancelled": .int(Int64(summary.cancelled)),
                "meets_requirement": .bool(summary.meetsRequirement),
                "meets_recommendation": .bool(summary.meetsRecommendation),
            ]))
            return
        }
        if let schema = schemas.collection(named: Gatherings.collection), !records.isEmpty {
            let columns = ["date", "theme", "venue", "status", "invited_count", "attended_count", "cost"]
                .compactMap(schema.field(named:))
            let formatter = ValueFormatter(language: language)
            let table = TableRenderer(
                headers: [Report.heading(.id).text(in: language)] + columns.map { $0.label(in: language.code) }
            )
            let rows = records.map { record in
                [Self.shortID(record.id)]
                    + columns.map { formatter.text(for: record.values[$0.name] ?? .null, field: $0) }
            }
            console.print(table.render(rows, width: console.terminalWidth))
        }
        console.print(Message.said(yearPhrase(summary)).text(in: language))
    }

    /// Whether the year has the one gathering required and the two
    /// recommended.
    private func yearPhrase(_ summary: Gatherings.YearSummary) -> Phrase {
        let year = summary.year
        let counted = summary.counted
        let held = summary.held
        if summary.meetsRecommendation {
            return Phrase(
                "\(year) has \(counted) gatherings (\(held) held): the recommended two a year.",
                nb: "\(year) har \(counted) samlinger (\(held) holdt): de anbefalte to i året."
            )
        }
        if summary.meetsRequirement {
            return Phrase(
                "\(year) has 1 gathering (\(held) held): the one required, but two a year are recommended.",
                nb: "\(year) har 1 samling (\(held) holdt): den ene som kreves, men to i året anbefales."
            )
        }
        return Phrase(
            "\(year) has no gatherings: at least one a year is required, and two are recommended.",
            nb: "\(year) har ingen samlinger: minst én i året kreves, og to anbefales."
        )
    }
}
