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
            let checked = Message.importChecked(valid: plan.validRows.count, invalid: plan.invalidRows.count)
            guard plan.invalidRows.isEmpty else {
                let problems = plan.invalidRows.flatMap { rowMessages($0, schema: schema) }
                throw CLIError(.invalidData, problems + [checked])
            }
            console.print(checked.text(in: language))
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
