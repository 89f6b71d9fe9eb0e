import Foundation
import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    static let statsCommand = WorkflowCommand(
        verbs: [
            WorkflowVerb("show", "[--year YYYY] [--json]", Phrase(
                "Compute and show the year's statistics; counts below 5 are left out.",
                nb: "Regn ut og vis årets statistikk; antall under 5 utelates."
            )),
            WorkflowVerb("save", "[--year YYYY]", Phrase(
                "Compute them and save them as the year's statistics record, which reaches the server at the "
                    + "next sync.",
                nb: "Regn dem ut og lagre dem som årets statistikkpost, som når serveren ved neste synkronisering."
            )),
        ],
        options: [
            WorkflowOption("year", value: "YYYY", Phrase(
                "The year the counts cover; this year by default.", nb: "Året tallene gjelder; i år som standard."
            )),
        ]
    )

    func runStats(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {
        var year = workflow.today.year
        if let text = invocation.arguments.value(of: "year") {
            guard let given = Int(text), (2000...2100).contains(given) else {
                throw CLIError(.usage, .said(Phrase(
                    "--year needs a year such as \(year), not «\(text)».",
                    nb: "--year trenger et årstall som \(year), ikke «\(text)»."
                )))
            }
            year = given
        }
        let statistics = try GroupStatistics.compute(from: workflow.store, year: year, today: workflow.today)
        switch verb {
        case "show": printStatistics(statistics, isJSON: invocation.isJSON)
        case "save":
            let id = try GroupStatistics.save(statistics, to: workflow.store)
            console.print(Message.said(Phrase(
                "Saved the statistics for \(year) (record \(Self.shortID(id))); they reach the server at the "
                    + "next sync.",
                nb: "Lagret statistikken for \(year) (post \(Self.shortID(id))); den når serveren ved neste "
                    + "synkronisering."
            )).text(in: language))
        default: break
        }
    }

    /// The counts, one line each in the schema's order, with the schema's
    /// labels; suppressed ones read "under 5".
    private func printStatistics(_ statistics: GroupStatistics, isJSON: Bool) {
        if isJSON {
            printJSONValue(.object(statistics.values))
            return
        }
        guard let schema = schemas.collection(named: GroupStatistics.collection) else { return }
        let suppressed = Phrase(
            "under \(GroupStatistics.suppressionThreshold)", nb: "under \(GroupStatistics.suppressionThreshold)"
        ).text(in: language)
        let formatter = ValueFormatter(language: language)
        // A median is left out when fewer than five values go into it.
        let tooFew = Phrase("too few to show", nb: "for få til å vises").text(in: language)
        let rows = schema.fields.filter { $0.name != "year" && $0.name != "computed_at" }.map { field in
            let value = statistics.values[field.name].map { formatter.text(for: $0, field: field) }
            return [field.label(in: language.code), value ?? (field.name.hasPrefix("median_") ? tooFew : suppressed)]
        }
        console.print(Message.said(Phrase(
            "Statistics for \(statistics.year), computed \(statistics.computedAt):",
            nb: "Statistikk for \(statistics.year), regnet ut \(statistics.computedAt):"
        )).text(in: language))
        let lines = TableRenderer(headers: ["", ""]).renderLines(rows, width: console.terminalWidth)
        console.print(lines.dropFirst().map { "  " + $0 }.joined(separator: "\n"))
    }
}
