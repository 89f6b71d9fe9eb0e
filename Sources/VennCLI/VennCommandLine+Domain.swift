import Foundation
import VennDomain
import VennSchema
import VennStore

extension VennCommandLine {
    func runDomainCommand(_ invocation: Invocation, store: Store) throws(CLIError) {
        do {
            switch invocation.command {
            case .import: try importRecords(invocation, store: store)
            case .export: try exportRecords(invocation, store: store)
            case .match: try match(invocation, store: store)
            case .demoData: try demoData(invocation, store: store)
            default: break
            }
        } catch let error as CLIError {
            throw error
        } catch let error as ImportError {
            throw cliError(error, schema: invocation.schema)
        } catch let error as CSVError {
            throw CLIError(.invalidData, .csvBroken(line: error.line, reason: "\(error.code)"))
        } catch {
            throw cliError(error, schema: invocation.schema)
        }
    }

    // MARK: - import and export

    private func importRecords(_ invocation: Invocation, store: Store) throws {
        guard let schema = invocation.schema else { throw CLIError.missingArgument(.collection) }
        guard !schema.isSystem else { throw CLIError.readOnlyCollection(schema) }
        let path = invocation.positionals[1]
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.notFound, .fileUnreadable(path: path))
        }

        let importer = RecordImporter(collection: schema, schemas: schemas)
        let plan = try importer.plan(csv: data)
        if invocation.arguments.contains("dry-run") {
            for row in plan.invalidRows {
                for line in rowMessages(row, schema: schema) { console.printError("venn: " + line.text(in: language)) }
            }
            console.print(Message.importChecked(valid: plan.validRows.count, invalid: plan.invalidRows.count)
                .text(in: language))
            if !plan.invalidRows.isEmpty { throw CLIError(.invalidData, []) }
            return
        }

        let skipInvalid = invocation.arguments.contains("skip-invalid")
        let result = try importer.apply(plan, to: store, skipInvalid: skipInvalid)
        for row in result.skipped {
            for line in rowMessages(row, schema: schema) { console.printError("venn: " + line.text(in: language)) }
        }
        console.print(Message.imported(count: result.created.count, skipped: result.skipped.count).text(in: language))
    }

    /// One message per problem of a row, naming its line.
    private func rowMessages(_ row: ImportPlan.Row, schema: CollectionSchema) -> [Message] {
        let cells = row.cellErrors.map { error in
            let kind = error.field.flatMap(schema.field(named:)).map(ValueKind.init) ?? .text
            return Message.badCell(line: row.line, column: error.header, value: error.value, expected: kind)
        }
        return cells + row.issues.map { Message.invalidRow(line: row.line, issue: $0) }
    }

    /// The command-line error for an import error.
    private func cliError(_ error: ImportError, schema: CollectionSchema?) -> CLIError {
        let label = schema.map(SchemaLabel.init) ?? SchemaLabel(name: error.collection)
        switch error.code {
        case .emptyFile: return CLIError(.invalidData, .emptyFile)
        case .unknownColumns: return CLIError(.invalidData, .unknownColumns(error.columns, collection: label))
        case .duplicateColumns: return CLIError(.invalidData, .duplicateColumns(error.columns))
        case .readOnlyCollection: return CLIError(.usage, .readOnlyCollection(label))
        default:
            guard let schema else { return .internalError("\(error)") }
            return CLIError(.invalidData, error.rows.flatMap { rowMessages($0, schema: schema) })
        }
    }

    private func exportRecords(_ invocation: Invocation, store: Store) throws {
        guard let schema = invocation.schema else { throw CLIError.missingArgument(.collection) }
        let records = try store.records(collection: schema.name)
        let exporter = RecordExporter()
        let data: Data
        switch invocation.arguments.value(of: "format") ?? "csv" {
        case "csv": data = exporter.csv(collection: schema, records: records)
        case "json": data = exporter.json(records: records)
        case let other: throw CLIError.usage(.unknownFormat(other))
        }
        console.writeOutput(String(decoding: data, as: UTF8.self))
    }

    // MARK: - match

    private func match(_ invocation: Invocation, store: Store) throws {
        guard invocation.positionals.first == "suggest" else { throw CLIError.usage(.matchNeedsSubject) }
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

    // MARK: - demo-data

    private func demoData(_ invocation: Invocation, store: Store) throws {
        let sizeName = invocation.arguments.value(of: "size") ?? "typical"
        guard let size = DemoData.Size(rawValue: sizeName) else { throw CLIError.usage(.unknownSize(sizeName)) }
        let seed = UInt64(invocation.arguments.value(of: "seed") ?? "") ?? 1
        let summary = try DemoData.fill(store, size: size, seed: seed)
        console.print(Message.demoDataAdded(
            records: summary.total,
            volunteers: summary.volunteers,
            persons: summary.persons
        ).text(in: language))
    }
}
