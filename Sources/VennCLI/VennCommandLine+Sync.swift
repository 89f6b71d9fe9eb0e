import Foundation
import VennDomain
import VennSchema
import VennStore
import VennSync
import VennSyncClient

extension VennCommandLine {
    func runSyncCommand(_ invocation: Invocation, store: Store) throws(CLIError) {
        do {
            switch invocation.command {
            case .sync: try sync(store: store)
            case .status: try status(invocation, store: store)
            case .conflicts: try conflicts(invocation, store: store)
            default: break
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw cliError(error)
        }
    }

    /// The command-line error for a sync error.
    func cliError(_ error: SyncError) -> CLIError {
        switch error.code {
        case .notEnrolled: CLIError(.syncProblem, .notEnrolled)
        case .unreachable: CLIError(.syncProblem, .serverUnreachable(server: "", detail: error.detail))
        case .unauthorized: CLIError(.syncProblem, .deviceUnauthorized)
        case .forbidden: CLIError(.syncProblem, .deviceForbidden)
        case .invalidCode: CLIError(.syncProblem, .invalidEnrollmentCode)
        case .schemaMismatch: CLIError(.syncProblem, .schemaMismatch(detail: error.detail))
        case .wrongGroup: CLIError(.syncProblem, .wrongGroup(expected: "", actual: error.detail))
        default: CLIError(.syncProblem, .serverRefused(detail: error.detail))
        }
    }

    // MARK: - sync

    private func sync(store: Store) throws {
        let client = try SyncClient(store: store)
        let showsProgress = console.terminalWidth != nil
        let summary = try client.sync { progress in
            guard showsProgress else { return }
            let seconds = max(Double(progress.elapsed.components.seconds), 0.001)
            let rate = Int(Double(progress.pushed + progress.pulled) / seconds)
            let line = Report.syncProgress(
                pushed: progress.pushed,
                pulled: progress.pulled,
                kilobytes: (progress.bytesSent + progress.bytesReceived) / 1024,
                recordsPerSecond: rate
            ).text(in: language)
            console.writeError("\r" + line + "\u{1B}[K")
        }
        if showsProgress { console.writeError("\n") }

        let seconds = Double(summary.elapsed.components.seconds)
            + Double(summary.elapsed.components.attoseconds) / 1e18
        console.print(Message.syncDone(
            pushed: summary.pushed,
            pulled: summary.pulled,
            merged: summary.merged,
            rejected: summary.rejected,
            kilobytes: (summary.bytesSent + summary.bytesReceived + 1023) / 1024,
            seconds: seconds
        ).text(in: language))
        for rejection in try store.rejections() {
            console.printError("venn: " + refusedLine(rejection))
        }
    }

    // MARK: - status

    private func status(_ invocation: Invocation, store: Store) throws {
        let due = try DueList(store: store, today: CalendarDay(milliseconds: store.options.wallClock()))
        let server = try store.syncState(Store.SyncStateKey.server)
        let pending = try store.pendingCount()
        let lastSync = try store.syncState(Store.SyncStateKey.lastSync).flatMap(UInt64.init)
        let open = try openConflicts(store)
        let rejections = try store.rejections()
        let member = try store.syncState(Self.memberSetting)

        if invocation.isJSON {
            printJSONValue(.object([
                "group": .string(store.group),
                "member": member.map(JSONValue.string) ?? .null,
                "server": server.map(JSONValue.string) ?? .null,
                "pending": .int(Int64(pending)),
                "lastSync": lastSync.map { .string(Self.isoTime(Timestamp(milliseconds: $0))) } ?? .null,
                "openConflicts": .int(Int64(open.count)),
                "refused": .array(rejections.map { rejection in
                    .object([
                        "collection": .string(rejection.collection),
                        "id": .string(rejection.id),
                        "fields": .array(rejection.issues.map { .string($0.pointer) }),
                    ])
                }),
                "alerts": dueJSON(due),
            ]))
            return
        }
        var lines = dueLines(due)
        if member == nil {
            lines += ["", Message.said(Phrase(
                "Moves are recorded without a name: say who uses this laptop with venn member me MEMBER.",
                nb: "Endringer føres uten navn: si hvem som bruker denne maskinen med venn member me MEDLEM."
            )).text(in: language)]
        }
        guard server != nil else {
            console.print(lines.joined(separator: "\n"))
            return
        }
        lines += [
            "",
            Report.server(server).text(in: language),
            Report.pendingChanges(pending).text(in: language),
            Report.lastSync(lastSync.map { Self.localTime(Timestamp(milliseconds: $0)) }).text(in: language),
            Report.openConflicts(open.count).text(in: language),
        ]
        for rejection in rejections {
            lines.append(refusedLine(rejection))
        }
        console.print(lines.joined(separator: "\n"))
    }

    /// What is due: a line per alert with its count, then its records.
    private func dueLines(_ due: DueList) -> [String] {
        var lines = [Report.dueHeading.text(in: language)]
        guard !due.isEmpty else { return lines + [Report.nothingDue.text(in: language)] }
        for alert in due.alerts {
            lines.append(Report.dueAlert(alert.kind, count: alert.items.count).text(in: language))
            for item in alert.items {
                let line = Report.dueItem(id: Self.shortID(item.id), name: item.name, daysOver: item.daysOver)
                lines.append(line.text(in: language))
            }
        }
        return lines
    }

    /// The alerts of `due` for `status --json`.
    private func dueJSON(_ due: DueList) -> JSONValue {
        .array(due.alerts.map { alert in
            .object([
                "kind": .string(alert.kind.rawValue),
                "records": .array(alert.items.map { item in
                    .object([
                        "collection": .string(item.collection),
                        "id": .string(item.id),
                        "days_over": item.daysOver.map { .int(Int64($0)) } ?? .null,
                    ])
                }),
            ])
        })
    }

    /// A refused record and the server's reasons, in the user's language.
    private func refusedLine(_ rejection: Rejection) -> String {
        let reasons = rejection.issues.map { Message.invalidData($0).text(in: language) }
        return Report.refused(collection: rejection.collection, id: rejection.id, reasons: reasons).text(in: language)
    }

    private func openConflicts(_ store: Store) throws -> [Record] {
        try store.records(collection: ConflictEntry.collection).filter { $0.values["status"] == "open" }
    }

    // MARK: - conflicts

    private func conflicts(_ invocation: Invocation, store: Store) throws {
        let arguments = invocation.positionals
        let action = arguments.first ?? "list"
        switch action {
        case "list":
            try listConflicts(invocation, store: store)
        case "show":
            guard arguments.count == 2 else { throw CLIError.missingArgument(.id) }
            try showConflict(arguments[1], invocation: invocation, store: store)
        case "resolve":
            guard arguments.count == 2 else { throw CLIError.missingArgument(.id) }
            try resolveConflict(arguments[1], invocation: invocation, store: store)
        default:
            let suggestion = EditDistance.closest(to: action, among: ["list", "show", "resolve"])
            throw CLIError(.usage, .unknownCommand("conflicts " + action, suggestion: suggestion))
        }
    }

    private func listConflicts(_ invocation: Invocation, store: Store) throws {
        let entries = try store.records(collection: ConflictEntry.collection)
        let shown = invocation.isJSON ? entries : entries.filter { $0.values["status"] == "open" }
        if invocation.isJSON {
            printJSONValue(.array(shown.map { .object(["id": .string($0.id), "fields": .object($0.values)]) }))
            return
        }
        guard !shown.isEmpty else {
            console.print(Report.noOpenConflicts.text(in: language))
            return
        }
        let formatter = ValueFormatter(language: language)
        let headings: [Report.Heading] = [.id, .field, .value]
        let table = TableRenderer(headers: headings.map { Report.heading($0).text(in: language) })
        let rows = shown.map { entry in
            let place = [
                entry.values["collection"]?.stringValue ?? "",
                Self.shortID(entry.values["record_id"]?.stringValue ?? ""),
                entry.values["field"]?.stringValue ?? "",
            ]
            let field = conflictedField(of: entry)
            return [
                Self.shortID(entry.id),
                place.joined(separator: " "),
                (entry.values["values"]?.arrayValue ?? [])
                    .map { formatter.text(for: $0, field: field) }
                    .joined(separator: " | "),
            ]
        }
        console.print(table.render(rows, width: console.terminalWidth))
    }

    private func conflictEntry(_ fragment: String, store: Store) throws -> Record {
        let notFound = Message.conflictNotFound(id: fragment)
        let id = try resolveID(fragment, collection: ConflictEntry.collection, store: store, notFound: notFound)
        guard let entry = try store.record(collection: ConflictEntry.collection, id: id) else {
            throw CLIError(.notFound, notFound)
        }
        return entry
    }

    private func showConflict(_ fragment: String, invocation: Invocation, store: Store) throws {
        let entry = try conflictEntry(fragment, store: store)
        if invocation.isJSON {
            printJSONValue(.object(["id": .string(entry.id), "fields": .object(entry.values)]))
            return
        }
        let formatter = ValueFormatter(language: language)
        let schema = schemas.collection(named: ConflictEntry.collection)
        var rows = [[Report.heading(.id).text(in: language), entry.id]]
        let conflicted = conflictedField(of: entry)
        for field in schema?.fields ?? [] {
            guard let value = entry.values[field.name], !value.isNull else { continue }
            // The competing values and the winner are values of the
            // record's field; the entry's own fields have their own labels.
            let valueField = ["values", "winner"].contains(field.name) ? conflicted : field
            rows.append([field.label(in: language.code), formatter.text(for: value, field: valueField)])
        }
        console.print(Self.definitionList(rows, width: console.terminalWidth))
    }

    /// The schema of the record field a conflict entry is about, when this
    /// program knows its collection and field.
    private func conflictedField(of entry: Record) -> FieldSchema? {
        guard let collection = entry.values["collection"]?.stringValue,
              let field = entry.values["field"]?.stringValue
        else { return nil }
        return schemas.collection(named: collection)?.field(named: field)
    }

    private func resolveConflict(_ fragment: String, invocation: Invocation, store: Store) throws {
        let entry = try conflictEntry(fragment, store: store)
        guard let take = invocation.arguments.value(of: "take") else { throw CLIError.usage(.takeNeeded) }
        let values = entry.values["values"]?.arrayValue ?? []
        let dots = (entry.values["dots"]?.arrayValue ?? []).compactMap(\.stringValue)
        let mine = zip(dots, values).filter { $0.0.hasPrefix(store.replica.rawValue + ":") }.map(\.1)

        let chosen: JSONValue
        switch take {
        case "mine":
            guard let value = mine.last else { throw CLIError.usage(.noValueFromThisLaptop) }
            chosen = value
        case "theirs":
            guard let value = values.last(where: { !mine.contains($0) }) ?? values.last else {
                throw CLIError(.notFound, .conflictNotFound(id: fragment))
            }
            chosen = value
        default:
            // A value typed by a person, read as the field's type.
            let collection = entry.values["collection"]?.stringValue ?? ""
            let fieldName = entry.values["field"]?.stringValue ?? ""
            guard let field = schemas.collection(named: collection)?.field(named: fieldName) else {
                chosen = .string(take)
                break
            }
            chosen = try RecordFlags.value(take, for: field, flag: "--take")
        }
        try store.resolveConflict(id: entry.id, value: chosen)
        console.print(Message.conflictResolved(id: entry.id).text(in: language))
    }
}
