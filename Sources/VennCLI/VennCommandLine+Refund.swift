import Foundation
import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let refundCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("claim", "(--course ID | --gathering ID) --category CATEGORY --amount N", Phrase(
                "Write a draft refund claim for a course or gathering; never with participants' names.",
                nb: "Skriv et utkast til refusjonskrav for et kurs eller en samling; aldri med deltakernes navn."
            )),
            WorkflowVerb("submit", "ID [--on DATE]", Phrase(
                "Send the claim to NF, if the event's claims in its category keep within the limit.",
                nb: "Send kravet til NF, om arrangementets krav i kategorien holder seg innenfor grensen."
            )),
            WorkflowVerb("limits", "[--json]", Phrase(
                "Show NF's limit per category for one course or gathering.",
                nb: "Vis NFs grense per kategori for ett kurs eller én samling."
            )),
            WorkflowVerb("limit", "CATEGORY AMOUNT", Phrase(
                "Set the limit of a category, in NOK per course or gathering.",
                nb: "Sett grensen for en kategori, i kroner per kurs eller samling."
            )),
            WorkflowVerb("list", "[--json]", Phrase(
                "List the claims, with the totals claimed, approved and paid.",
                nb: "List kravene, med summene som er krevd, godkjent og utbetalt."
            )),
        ],
        options: [
            WorkflowOption("course", value: "ID", Phrase(
                "The course the costs belong to.", nb: "Kurset kostnadene gjelder."
            )),
            WorkflowOption("gathering", value: "ID", Phrase(
                "The gathering the costs belong to.", nb: "Samlingen kostnadene gjelder."
            )),
            WorkflowOption("category", value: "CATEGORY", Phrase(
                "food, venue, materials, travel, speaker or other (or their labels).",
                nb: "food, venue, materials, travel, speaker eller other (eller navnene deres, f.eks. mat)."
            )),
            WorkflowOption("amount", value: "N", Phrase("The amount in NOK.", nb: "Beløpet i kroner.")),
        ]
    )

    func runRefund(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        let refunds = Refunds(workflow: workflow)
        switch verb {
        case "claim": try claimRefund(invocation, refunds: refunds)
        case "submit": try submitRefund(invocation, refunds: refunds)
        case "limits": try showLimits(invocation, refunds: refunds)
        case "limit": try setLimit(invocation, refunds: refunds)
        case "list": try listRefunds(invocation, refunds: refunds)
        default: break
        }
    }

    // MARK: - refund

    private func claimRefund(_ invocation: Invocation, refunds: Refunds) throws {
        let event: Refunds.Event
        let course = invocation.arguments.value(of: "course")
        let gathering = invocation.arguments.value(of: "gathering")
        let store = refunds.store
        switch (course, gathering) {
        case (let course?, nil): event = .course(try resolve(course, in: "course", store: store))
        case (nil, let gathering?): event = .gathering(try resolve(gathering, in: "gathering", store: store))
        default:
            throw CLIError(.usage, .said(Phrase(
                "A claim belongs to one course or one gathering: give --course ID or --gathering ID.",
                nb: "Et krav gjelder ett kurs eller én samling: oppgi --course ID eller --gathering ID."
            )))
        }
        let category = try self.category(invocation.arguments.value(of: "category"))
        guard let amountText = invocation.arguments.value(of: "amount") else {
            throw CLIError(.usage, .said(Phrase("A claim needs --amount N.", nb: "Et krav trenger --amount N.")))
        }
        let id = try refunds.claim(for: event, category: category, amount: try Self.amount(amountText))
        console.print(Message.recordAdded(id: id).text(in: language))
    }

    private func submitRefund(_ invocation: Invocation, refunds: Refunds) throws {
        let store = refunds.store
        let id = try resolve(try argument(1, .id, of: invocation), in: Refunds.claimCollection, store: store)
        guard let before = try store.record(collection: Refunds.claimCollection, id: id) else { return }
        do {
            printMoved(before, try refunds.submit(id, on: try day(invocation)))
        } catch let error as WorkflowError {
            guard case .missing(let missing) = error.code,
                  case .withinLimit(let category, let limit)? = missing.first
            else { throw error }
            let together = try refunds.claimedTogether(with: before)
            throw CLIError(.invalidData, .moveNeeds(verb: "refund submit", missing: [
                limitPhrase(category: category, limit: limit, claimed: together),
            ]))
        }
    }

    private func limitPhrase(category: String, limit: Double, claimed: Double) -> Phrase {
        let english = categoryLabel(category, in: .english).lowercased()
        let bokmal = categoryLabel(category, in: .bokmal).lowercased()
        return Phrase(
            "the claims for \(english) of this event to keep within the limit of \(Self.kroner(limit)) kr "
                + "(with this one they come to \(Self.kroner(claimed)) kr)",
            nb: "at kravene for \(bokmal) for dette arrangementet holder seg innenfor grensen på "
                + "\(Self.kroner(limit)) kr (med dette kommer de til \(Self.kroner(claimed)) kr)"
        )
    }

    private func showLimits(_ invocation: Invocation, refunds: Refunds) throws {
        let limits = try refunds.limits()
        if invocation.isJSON {
            printJSONValue(.object(limits.mapValues(JSONValue.double)))
            return
        }
        let table = TableRenderer(headers: [
            Phrase("Category", nb: "Kategori").text(in: language),
            Phrase("Limit per event", nb: "Grense per arrangement").text(in: language),
        ])
        let none = Phrase("no limit", nb: "ingen grense").text(in: language)
        let rows = Refunds.categories.map { category in
            [categoryLabel(category, in: language), limits[category].map { Self.kroner($0) + " kr" } ?? none]
        }
        console.print(table.render(rows, width: console.terminalWidth))
    }

    private func setLimit(_ invocation: Invocation, refunds: Refunds) throws {
        let category = try self.category(try argument(1, .value, of: invocation))
        let amount = try Self.amount(try argument(2, .value, of: invocation))
        try refunds.setLimit(amount, for: category, on: refunds.workflow.today)
        console.print(Message.said(Phrase(
            "The limit for \(categoryLabel(category, in: .english).lowercased()) is now \(Self.kroner(amount)) kr "
                + "per course or gathering.",
            nb: "Grensen for \(categoryLabel(category, in: .bokmal).lowercased()) er nå \(Self.kroner(amount)) kr "
                + "per kurs eller samling."
        )).text(in: language))
    }

    private func listRefunds(_ invocation: Invocation, refunds: Refunds) throws {
        let claims = try refunds.claims()
        let totals = Refunds.totals(of: claims)
        if invocation.isJSON {
            printJSONValue(.object([
                "claims": .array(claims.map(Self.json)),
                "totals": Self.json(totals),
            ]))
            return
        }
        if let schema = schemas.collection(named: Refunds.claimCollection), !claims.isEmpty {
            let event = Phrase("Event", nb: "Arrangement").text(in: language)
            let columns = ["category", "amount", "status", "submitted_on"].compactMap(schema.field(named:))
            let formatter = ValueFormatter(language: language)
            let headers = [Report.heading(.id).text(in: language), event]
                + columns.map { $0.label(in: language.code) }
            let table = TableRenderer(headers: headers)
            let rows = claims.map { claim in
                [Self.shortID(claim.id), eventText(claim)]
                    + columns.map { formatter.text(for: claim.values[$0.name] ?? .null, field: $0) }
            }
            console.print(table.render(rows, width: console.terminalWidth))
        }
        console.print(totalsText(totals, count: claims.count))
    }

    // MARK: - Helpers

    /// The category code that `text` names, a code or a label in either
    /// language.
    private func category(_ text: String?) throws(CLIError) -> String {
        guard let text else {
            throw CLIError(.usage, .said(Phrase("Give --category CATEGORY.", nb: "Oppgi --category KATEGORI.")))
        }
        guard let code = schemas.collection(named: Refunds.claimCollection)?.field(named: "category")?
            .code(forLabel: text)
        else {
            let known = Refunds.categories.joined(separator: ", ")
            throw CLIError(.usage, .said(Phrase(
                "«\(text)» is not a category; choose one of \(known).",
                nb: "«\(text)» er ikke en kategori; velg en av \(known)."
            )))
        }
        return code
    }

    private func categoryLabel(_ code: String, in language: Language) -> String {
        schemas.collection(named: Refunds.claimCollection)?.field(named: "category")?
            .valueLabel(code, in: language.code) ?? code
    }

    /// The event of a claim, as the collection's label and a short id.
    private func eventText(_ claim: Record) -> String {
        guard let event = Refunds.Event(of: claim) else { return "" }
        let label = schemas.collection(named: event.field)?.labels[language.code] ?? event.field
        return label + " " + Self.shortID(event.id)
    }

    /// One line with the totals.
    func totalsText(_ totals: Refunds.Totals, count: Int) -> String {
        let (claimed, approved, paid) = (Self.kroner(totals.claimed), Self.kroner(totals.approved),
                                         Self.kroner(totals.paid))
        return Phrase(
            "\(count) \(count == 1 ? "claim" : "claims"): "
                + "\(claimed) kr claimed, \(approved) kr approved, \(paid) kr paid.",
            nb: "\(count) krav: \(claimed) kr krevd, \(approved) kr godkjent, \(paid) kr utbetalt."
        ).text(in: language)
    }

    /// A record as `list --json` prints it: its id and fields.
    static func json(_ record: Record) -> JSONValue {
        .object(["id": .string(record.id), "fields": .object(record.values)])
    }

    static func json(_ totals: Refunds.Totals) -> JSONValue {
        .object([
            "draft": .double(totals.draft),
            "claimed": .double(totals.claimed),
            "approved": .double(totals.approved),
            "paid": .double(totals.paid),
        ])
    }

    /// An amount in NOK with at most two decimals and no needless ones.
    static func kroner(_ amount: Double) -> String {
        amount == amount.rounded() ? String(Int(amount)) : String(format: "%.2f", amount)
    }
}
