import Foundation
import VennDomain
import VennSchema
import VennStore
import VennSync

extension VennCommandLine {
    func runRecordCommand(_ invocation: Invocation, store: Store) throws(CLIError) {
        guard let schema = invocation.schema else { throw .missingArgument(.collection) }
        do {
            switch invocation.command {
            case .initialize: break
            case .add: try add(invocation, schema: schema, store: store)
            case .list: try list(invocation, schema: schema, store: store)
            case .show: try show(invocation, schema: schema, store: store)
            case .edit: try edit(invocation, schema: schema, store: store)
            case .delete: try delete(invocation, schema: schema, store: store)
            case .history: try history(invocation, schema: schema, store: store)
            case .why: try why(invocation, schema: schema, store: store)
            default: break
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw cliError(error, schema: schema)
        }
    }

    // MARK: - Changes

    private func add(_ invocation: Invocation, schema: CollectionSchema, store: Store) throws {
        guard !schema.isSystem else { throw CLIError.readOnlyCollection(schema) }
        let fields = try resolvingReferences(try recordFields(invocation), schema: schema, store: store)
        let id: String
        do {
            id = try store.add(collection: schema.name, fields: fields)
        } catch let error as StoreError where error.code == .invalidData {
            // The id the record would have had means nothing to anyone: leave it out.
            throw CLIError.invalidData(error.issues.map { issue in
                var issue = issue
                issue.id = ""
                return issue
            })
        }
        console.print(Message.recordAdded(id: id).text(in: language))
    }

    private func edit(_ invocation: Invocation, schema: CollectionSchema, store: Store) throws {
        guard !schema.isSystem else { throw CLIError.readOnlyCollection(schema) }
        let id = try resolveID(invocation.positionals[1], schema: schema, store: store)
        let changes = try resolvingReferences(try recordFields(invocation), schema: schema, store: store)
        guard !changes.isEmpty else { throw CLIError.usage(.nothingToChange) }
        // A status with a machine moves only along it, so that every move
        // is checked and recorded.
        if changes[CollectionSchema.statusField] != nil, !schema.transitions.isEmpty,
           let noun = Command.allCases.first(where: { $0.statusCollection == schema.name })
        {
            let verbs = schema.transitions.map(\.verb).joined(separator: ", ")
            throw CLIError(.usage, .said(Phrase(
                "The status changes only by its moves: venn \(noun.name) VERB ID, with VERB one of \(verbs).",
                nb: "Statusen endres bare med endringene sine: venn \(noun.name) VERB ID, der VERB er en av \(verbs)."
            )))
        }
        switch try store.update(collection: schema.name, id: id, changes: changes) {
        case .changed:
            console.print(Message.recordUpdated(collection: SchemaLabel(schema), id: id).text(in: language))
        case .unchanged:
            console.print(Message.nothingToChange.text(in: language))
        }
    }

    private func delete(_ invocation: Invocation, schema: CollectionSchema, store: Store) throws {
        guard !schema.isSystem else { throw CLIError.readOnlyCollection(schema) }
        let id = try resolveID(invocation.positionals[1], schema: schema, store: store)
        try store.delete(collection: schema.name, id: id)
        console.print(Message.recordDeleted(collection: SchemaLabel(schema), id: id).text(in: language))
    }

    /// `fields` with each reference (`x-ref`) given as a short id, or the
    /// beginning or end of one, replaced by the full id of the record it
    /// names, as every command resolves ids.
    private func resolvingReferences(_ fields: [String: JSONValue], schema: CollectionSchema, store: Store) throws
        -> [String: JSONValue]
    {
        var resolved = fields
        for (name, value) in fields {
            guard let target = schema.field(named: name)?.reference else { continue }
            let full = { (text: String) throws -> JSONValue in
                RecordID.isValid(text) ? .string(text) : .string(try self.resolve(text, in: target, store: store))
            }
            if let text = value.stringValue {
                resolved[name] = try full(text)
            } else if let items = value.arrayValue {
                resolved[name] = .array(try items.map { item in try item.stringValue.map(full) ?? item })
            }
        }
        return resolved
    }

    private func recordFields(_ invocation: Invocation) throws(CLIError) -> [String: JSONValue] {
        guard let flags = invocation.flags else { return [:] }
        return try flags.fields(from: invocation.arguments)
    }

    /// The full id of the live record `fragment` names: the id itself, or a
    /// unique beginning or end of it.
    func resolveID(_ fragment: String, schema: CollectionSchema, store: Store) throws -> String {
        try resolveID(
            fragment,
            collection: schema.name,
            store: store,
            notFound: .recordNotFound(collection: SchemaLabel(schema), id: fragment)
        )
    }

    /// The full id of the live record of `collection` that `fragment` names.
    ///
    /// - Throws: `CLIError` with `notFound` when none matches, a usage error
    ///   when several do.
    func resolveID(_ fragment: String, collection: String, store: Store, notFound: Message) throws -> String {
        let matches = try store.matchingIDs(collection: collection, fragment: fragment.lowercased())
        switch matches.count {
        case 0: throw CLIError(.notFound, notFound)
        case 1: return matches[0]
        default: throw CLIError.usage(.ambiguousID(fragment, matches: matches.count))
        }
    }

    // MARK: - Reading

    private func list(_ invocation: Invocation, schema: CollectionSchema, store: Store) throws {
        if invocation.isJSON {
            let records = try store.records(collection: schema.name)
            printJSONValue(.array(records.map { record in
                .object(["id": .string(record.id), "fields": .object(record.values)])
            }))
            return
        }
        // The table shows only the list columns: read no other fields.
        let columns = schema.listColumns.compactMap(schema.field(named:))
        let records = try store.records(collection: schema.name, fields: columns.map(\.name))
        guard !records.isEmpty else {
            console.print(Message.noRecords(collection: SchemaLabel(schema)).text(in: language))
            return
        }

        let formatter = ValueFormatter(language: language)
        let table = TableRenderer(
            headers: [Report.heading(.id).text(in: language)] + columns.map { $0.label(in: language.code) }
        )
        let names = try referenceNames(for: columns, store: store)
        let rows = records.map { record in
            [Self.shortID(record.id)] + columns.map { field in
                let value = record.values[field.name] ?? .null
                if let label = moveLabel(record, field: field) { return label }
                guard field.reference != nil else { return formatter.text(for: value, field: field) }
                return Self.referenceText(value, names)
            }
        }
        console.print(table.render(rows, width: console.terminalWidth))
    }

    /// A status move's collection and statuses in the words of the
    /// collection they belong to; nil for other fields and records.
    private func moveLabel(_ record: Record, field: FieldSchema) -> String? {
        guard record.collection == Workflow.transitionCollection,
              let subject = record.values["subject_collection"]?.stringValue.flatMap(schemas.collection(named:)),
              let code = record.values[field.name]?.stringValue
        else { return nil }
        switch field.name {
        case "subject_collection": return subject.label(in: language.code)
        case "from", "to":
            return subject.field(named: CollectionSchema.statusField)?.valueLabel(code, in: language.code)
        default: return nil
        }
    }

    /// What people call the records that `fields` refer to (`x-ref`), by id:
    /// their name, title, label or code. Each collection is read once.
    func referenceNames(for fields: [FieldSchema], store: Store) throws -> [String: String] {
        var names: [String: String] = [:]
        let nameFields = ["name", "title", "label", "code"]
        for collection in Set(fields.compactMap(\.reference)) {
            for record in try store.records(collection: collection, fields: nameFields) {
                let name = nameFields.lazy.compactMap { record.values[$0]?.stringValue }.first
                if let name { names[record.id] = name }
            }
        }
        return names
    }

    /// A reference (or a list of them) as the names of the records, or
    /// their short ids where they have no name or are gone.
    static func referenceText(_ value: JSONValue, _ names: [String: String]) -> String {
        let ids = value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
        return ids.map { names[$0] ?? shortID($0) }.joined(separator: ", ")
    }

    private func show(_ invocation: Invocation, schema: CollectionSchema, store: Store) throws {
        let id = try resolveID(invocation.positionals[1], schema: schema, store: store)
        guard let record = try store.record(collection: schema.name, id: id) else {
            throw CLIError(.notFound, .recordNotFound(collection: SchemaLabel(schema), id: id))
        }
        if invocation.isJSON {
            printJSONValue(.object([
                "collection": .string(schema.name),
                "id": .string(record.id),
                "updated": .string(Self.isoTime(record.updated)),
                "fields": .object(record.values),
            ]))
            return
        }

        // Declared fields in schema order, then any a newer schema added.
        let formatter = ValueFormatter(language: language)
        var rows = [[Report.heading(.id).text(in: language), record.id]]
        for field in schema.fields {
            guard let value = record.values[field.name], !value.isNull else { continue }
            var text = formatter.text(for: value, field: field)
            if field.reference != nil {
                let named = Self.referenceText(value, try referenceNames(for: [field], store: store))
                text = named == Self.referenceText(value, [:]) ? text : "\(named) (\(Self.referenceText(value, [:])))"
            }
            rows.append([field.label(in: language.code), text])
        }
        for name in record.values.keys.sorted() where schema.field(named: name) == nil {
            rows.append([name, formatter.text(for: record.values[name] ?? .null)])
        }
        console.print(Self.definitionList(rows, width: console.terminalWidth))
    }

    private func history(_ invocation: Invocation, schema: CollectionSchema, store: Store) throws {
        let id = try resolveHistoricID(invocation.positionals[1], schema: schema, store: store)
        let entries = try store.history(collection: schema.name, id: id)
        if invocation.isJSON {
            printJSONValue(.array(entries.map { entry in
                .object([
                    "sequence": .int(entry.sequence),
                    "action": .string(entry.action.rawValue),
                    "field": entry.field.map(JSONValue.string) ?? .null,
                    "old": entry.oldValue ?? .null,
                    "new": entry.newValue ?? .null,
                    "replica": .string(entry.replica),
                    "time": .string(Self.isoTime(entry.time)),
                    "by": .string(entry.actor),
                ])
            }))
            return
        }
        guard !entries.isEmpty else {
            console.print(Message.noHistory(collection: SchemaLabel(schema), id: id).text(in: language))
            return
        }
        let formatter = ValueFormatter(language: language)
        let headings: [Report.Heading] = [.time, .action, .field, .oldValue, .newValue, .author]
        let table = TableRenderer(headers: headings.map { Report.heading($0).text(in: language) })
        let rows = entries.map { entry in
            let field = entry.field.flatMap(schema.field(named:))
            return [
                Self.localTime(entry.time),
                Report.action(entry.action.rawValue).text(in: language),
                entry.field.map { field?.label(in: language.code) ?? $0 } ?? "",
                entry.oldValue.map { formatter.text(for: $0, field: field) } ?? "",
                entry.newValue.map { formatter.text(for: $0, field: field) } ?? "",
                entry.actor,
            ]
        }
        console.print(table.render(rows, width: console.terminalWidth))
    }

    /// Like `resolveID`, but also finds deleted records, whose history
    /// remains.
    private func resolveHistoricID(_ fragment: String, schema: CollectionSchema, store: Store) throws -> String {
        if try store.isDeleted(collection: schema.name, id: fragment.lowercased()) { return fragment.lowercased() }
        return try resolveID(fragment, schema: schema, store: store)
    }

    private func why(_ invocation: Invocation, schema: CollectionSchema, store: Store) throws {
        let id = try resolveID(invocation.positionals[1], schema: schema, store: store)
        let fieldName = invocation.positionals[2].replacingOccurrences(of: "-", with: "_")
        guard let field = schema.field(named: fieldName) else {
            let suggestion = EditDistance.closest(to: fieldName, among: schema.fields.map(\.name))
            throw CLIError.usage(.unknownField(fieldName, collection: SchemaLabel(schema), suggestion: suggestion))
        }
        guard let provenance = try store.provenance(collection: schema.name, id: id, field: field.name) else {
            throw CLIError(.notFound, .recordNotFound(collection: SchemaLabel(schema), id: id))
        }

        if invocation.isJSON {
            printJSONValue(.object([
                "field": .string(field.name),
                "value": provenance.value ?? .null,
                "rule": .string(provenance.rule.rawValue),
                "replaced": provenance.replaced ?? .null,
                "writes": .array(provenance.writes.map { write in
                    .object([
                        "value": write.value,
                        "replica": .string(write.dot.replica.rawValue),
                        "counter": .int(Int64(write.dot.counter)),
                        "time": .string(Self.isoTime(write.time)),
                        "by": provenance.actors[write.dot].map(JSONValue.string) ?? .null,
                    ])
                }),
                "conflicts": .array(provenance.conflicts.map { conflict in
                    .object([
                        "id": .string(conflict.id),
                        "rule": .string(conflict.rule),
                        "values": .array(conflict.values),
                        "dots": .array(conflict.dots.map(JSONValue.string)),
                        "winner": conflict.winner,
                        "status": .string(conflict.status),
                    ])
                }),
            ]))
            return
        }

        let formatter = ValueFormatter(language: language)
        let label = field.label(in: language.code)
        var lines: [String] = []
        guard let value = provenance.value, !provenance.writes.isEmpty else {
            console.print(Report.fieldNeverSet(field: label).text(in: language))
            return
        }
        let last = FieldState(writes: provenance.writes).lastWrite
        let shown = formatter.text(for: value, field: field)
        lines.append(Report.fieldValue(field: label, value: shown).text(in: language))
        if provenance.writes.count == 1 {
            lines.append(Report.setBy(
                actor: provenance.actors[last.dot],
                replica: last.dot.replica.rawValue,
                time: Self.localTime(last.time)
            ).text(in: language))
        } else {
            lines.append(Report.concurrentWrites(count: provenance.writes.count, rule: provenance.rule.rawValue)
                .text(in: language))
            for write in provenance.writes {
                lines.append(Report.concurrentWrite(
                    value: formatter.text(for: write.value, field: field),
                    replica: write.dot.replica.rawValue,
                    time: Self.localTime(write.time)
                ).text(in: language))
            }
        }
        if let replaced = provenance.replaced {
            lines.append(Report.replaced(value: formatter.text(for: replaced, field: field)).text(in: language))
        }
        for conflict in provenance.conflicts {
            lines.append(Report.wonOver(
                values: conflict.values.map { formatter.text(for: $0, field: field) },
                rule: conflict.rule,
                status: conflict.status
            ).text(in: language))
            if conflict.status == "open" {
                lines.append(Report.waitsForAPerson.text(in: language))
            }
        }
        console.print(lines.joined(separator: "\n"))
    }

    // MARK: - Formatting

    func printJSONValue(_ value: JSONValue) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(value.canonicalText.utf8)
        console.print(String(decoding: data, as: UTF8.self))
    }

    /// The last 8 characters of an id: its random part, which commands
    /// accept in place of the whole id.
    static func shortID(_ id: String) -> String {
        String(id.suffix(8))
    }

    static func isoTime(_ time: Timestamp) -> String {
        let date = Date(timeIntervalSince1970: Double(time.milliseconds) / 1000)
        return date.formatted(.iso8601)
    }

    static func localTime(_ time: Timestamp) -> String {
        let date = Date(timeIntervalSince1970: Double(time.milliseconds) / 1000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// Two columns, label and value, the value wrapped under itself.
    static func definitionList(_ rows: [[String]], width: Int?) -> String {
        let labelWidth = rows.map { DisplayWidth.of($0[0]) }.max() ?? 0
        return rows.map { row in
            DisplayWidth.pad(row[0], to: labelWidth) + "  " + row[1]
        }.joined(separator: "\n")
    }
}
