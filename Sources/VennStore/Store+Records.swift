import Foundation
public import VennSchema
import VennSync
import VennSQLite

extension Store {
    // MARK: - Local changes

    /// Adds a record and returns its new id.
    ///
    /// Absent fields with a declared default get it; `null` values are left
    /// out.
    ///
    /// - Throws: `StoreError` `.unknownCollection`, `.readOnlyCollection`, or
    ///   `.invalidData` with every issue.
    public func add(collection: String, fields: [String: JSONValue]) throws -> String {
        try insert(fields, into: try writableCollection(collection, system: false))
    }

    /// Adds a record to a collection the program keeps for people
    /// (`x-system`), such as the status changes, and returns its id.
    ///
    /// - Throws: as ``add(collection:fields:)``; `.readOnlyCollection` for
    ///   a collection people edit, and for the conflict ledger, which only
    ///   merges write.
    public func addSystemRecord(collection: String, fields: [String: JSONValue]) throws -> String {
        try insert(fields, into: try writableCollection(collection, system: true))
    }

    private func insert(_ fields: [String: JSONValue], into schema: CollectionSchema) throws -> String {
        let collection = schema.name
        var generator = SystemRandomNumberGenerator()
        let id = RecordID.make(milliseconds: options.wallClock(), using: &generator)

        var values = fields.filter { !$0.value.isNull }
        for field in schema.fields where values[field.name] == nil {
            if let value = field.defaultValue { values[field.name] = value }
        }
        try validate(collection: collection, id: id, values: values)

        try writeTransaction {
            let event = nextEvent()
            let version = RecordVersion(collection: collection, id: id)
                .writing(values, dot: event.dot, time: event.time)
            try saveVersion(version, isNew: true)
            try enqueue(version)
            for name in values.keys.sorted() {
                try appendHistory(.create, version, field: name, old: nil, new: values[name], dot: event.dot,
                                  time: event.time, actor: options.actor)
            }
        }
        return id
    }

    /// Changes fields of a record; a `null` value clears a field.
    ///
    /// Only values that differ from the stored ones are written.
    ///
    /// - Throws: `StoreError` `.recordNotFound`, `.invalidData`, ...
    public func update(collection: String, id: String, changes: [String: JSONValue]) throws -> ChangeResult {
        _ = try writableCollection(collection, system: false)
        return try change(collection: collection, id: id, changes: changes)
    }

    /// Changes fields of a record the program keeps (`x-system`), as
    /// ``update(collection:id:changes:)`` does for people's records.
    public func updateSystemRecord(collection: String, id: String, changes: [String: JSONValue]) throws
        -> ChangeResult
    {
        _ = try writableCollection(collection, system: true)
        return try change(collection: collection, id: id, changes: changes)
    }

    private func change(collection: String, id: String, changes: [String: JSONValue]) throws -> ChangeResult {
        try writeTransaction {
            guard let current = try loadVersion(collection: collection, id: id), !current.isDeleted else {
                throw StoreError(.recordNotFound, detail: "\(collection)/\(id)")
            }
            let old = current.values(under: policy)
            let effective = changes.filter { old[$0.key] ?? .null != $0.value }
            guard !effective.isEmpty else { return .unchanged }

            var values = old
            for (name, value) in effective { values[name] = value }
            try validate(collection: collection, id: id, values: values.filter { !$0.value.isNull })

            let event = nextEvent()
            let version = current.writing(effective, dot: event.dot, time: event.time)
            try saveVersion(version, isNew: false)
            try enqueue(version)
            for name in effective.keys.sorted() {
                try appendHistory(.update, version, field: name, old: old[name], new: effective[name], dot: event.dot,
                                  time: event.time, actor: options.actor)
            }
            return .changed
        }
    }

    /// Deletes a record: it becomes a tombstone, its values are erased from
    /// the history, and conflict entries about it are deleted too.
    ///
    /// - Throws: `StoreError` `.recordNotFound` when there is no live record.
    public func delete(collection: String, id: String) throws {
        _ = try writableCollection(collection, system: false)
        try erase(collection: collection, id: id)
    }

    /// Deletes a record the program keeps (`x-system`), as
    /// ``delete(collection:id:)`` does for people's records.
    public func deleteSystemRecord(collection: String, id: String) throws {
        _ = try writableCollection(collection, system: true)
        try erase(collection: collection, id: id)
    }

    private func erase(collection: String, id: String) throws {
        try writeTransaction {
            guard let current = try loadVersion(collection: collection, id: id), !current.isDeleted else {
                throw StoreError(.recordNotFound, detail: "\(collection)/\(id)")
            }
            try tombstone(current, actor: options.actor)

            // Conflict entries may hold copies of the record's values.
            let entries = try cachedQuery(
                sql: """
                    SELECT id FROM records WHERE collection = ? AND deleted = 0
                    AND json_extract(fields, '$.collection') = ? AND json_extract(fields, '$.record_id') = ?
                    """,
                arguments: [.text(ConflictEntry.collection), .text(collection), .text(id)]
            )
            for row in entries {
                guard let entryID = row["id"].textValue,
                    let entry = try loadVersion(collection: ConflictEntry.collection, id: entryID)
                else { continue }
                try tombstone(entry, actor: options.actor)
            }
        }
    }

    private func tombstone(_ current: RecordVersion, actor: String) throws {
        let event = nextEvent()
        let version = current.deleting(dot: event.dot)
        try saveVersion(version, isNew: false)
        try enqueue(version)
        try eraseHistoryValues(collection: version.collection, id: version.id)
        try appendHistory(.delete, version, field: nil, old: nil, new: nil, dot: event.dot, time: event.time,
                          actor: actor)
    }

    /// The schema of a collection people write (`system` false) or the
    /// program keeps for them (`system` true; never the conflict ledger,
    /// which only merges write).
    private func writableCollection(_ name: String, system: Bool) throws -> CollectionSchema {
        guard let schema = schemas.collection(named: name) else {
            throw StoreError(.unknownCollection, detail: name)
        }
        guard schema.isSystem == system, name != ConflictEntry.collection else {
            throw StoreError(.readOnlyCollection, detail: name)
        }
        return schema
    }

    func validate(collection: String, id: String, values: [String: JSONValue]) throws {
        let issues = schemas.validate(collection: collection, id: id, fields: values)
        guard issues.isEmpty else { throw StoreError(.invalidData, detail: "\(collection)/\(id)", issues: issues) }
    }

    // MARK: - Reading

    /// The live record, or nil when there is none (or it was deleted).
    public func record(collection: String, id: String) throws -> Record? {
        let rows = try cachedQuery(
            sql: "SELECT fields, updated FROM records WHERE collection = ? AND id = ? AND deleted = 0",
            arguments: [.text(collection), .text(id)]
        )
        return try rows.first.map { row in
            try makeRecord(collection: collection, id: id, fields: row[0], updated: row[1], keeping: nil)
        }
    }

    /// Every live record of a collection, oldest first.
    public func records(collection: String) throws -> [Record] {
        try records(collection: collection, keeping: nil)
    }

    /// Every live record of a collection, oldest first, holding only the
    /// named fields (those it has).
    ///
    /// Reading a few fields of thousands of records this way takes a
    /// fraction of the time ``records(collection:)`` takes, since the other
    /// fields are never built.
    public func records(collection: String, fields: [String]) throws -> [Record] {
        try records(collection: collection, keeping: fields)
    }

    private func records(collection: String, keeping fields: [String]?) throws -> [Record] {
        let rows = try cachedQuery(
            sql: "SELECT id, fields, updated FROM records WHERE collection = ? AND deleted = 0 ORDER BY id",
            arguments: [.text(collection)]
        )
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            records.append(try makeRecord(
                collection: collection,
                id: row[0].textValue ?? "",
                fields: row[1],
                updated: row[2],
                keeping: fields
            ))
        }
        return records
    }

    /// The ids of live records that equal `fragment`, or begin or end with
    /// it, so people can type a short piece of a long id.
    ///
    /// - Parameter limit: The most ids to return; two tells "ambiguous".
    public func matchingIDs(collection: String, fragment: String, limit: Int = 2) throws -> [String] {
        let exact = try cachedQuery(
            sql: "SELECT id FROM records WHERE collection = ? AND id = ? AND deleted = 0",
            arguments: [.text(collection), .text(fragment)]
        )
        if !exact.isEmpty { return [fragment] }
        let pattern = fragment.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
        guard !pattern.isEmpty, pattern == fragment else { return [] }
        return try cachedQuery(
            sql: """
                SELECT id FROM records WHERE collection = ? AND deleted = 0
                AND (id LIKE ? || '%' OR id LIKE '%' || ?) ORDER BY id LIMIT ?
                """,
            arguments: [.text(collection), .text(fragment), .text(fragment), .integer(Int64(limit))]
        ).map { $0["id"].textValue ?? "" }
    }

    /// Whether a tombstone stands where the record was.
    public func isDeleted(collection: String, id: String) throws -> Bool {
        try cachedQuery(
            sql: "SELECT 1 FROM records WHERE collection = ? AND id = ? AND deleted = 1",
            arguments: [.text(collection), .text(id)]
        ).isEmpty == false
    }

    private func makeRecord(
        collection: String,
        id: String,
        fields: SQLiteValue,
        updated: SQLiteValue,
        keeping names: [String]?
    ) throws -> Record {
        guard let text = fields.textValue else { throw StoreError(.corrupt, detail: "\(collection)/\(id)") }
        let parsed = try names.map { try JSONValue(parsing: text, keepingMembers: $0) } ?? JSONValue(parsing: text)
        guard case .object(let values) = parsed else { throw StoreError(.corrupt, detail: "\(collection)/\(id)") }
        let updated = Timestamp(rawValue: UInt64(bitPattern: updated.int64Value ?? 0))
        return Record(collection: collection, id: id, values: values, updated: updated)
    }

    /// The record's history, oldest first.
    public func history(collection: String, id: String) throws -> [HistoryEntry] {
        let rows = try cachedQuery(
            sql: """
                SELECT seq, action, field, old_value, new_value, replica, counter, time, actor
                FROM history WHERE collection = ? AND id = ? ORDER BY seq
                """,
            arguments: [.text(collection), .text(id)]
        )
        return try rows.map { row in
            func json(_ column: String) throws -> JSONValue? {
                guard let text = row[column].textValue else { return nil }
                return try JSONValue(parsing: text)
            }
            return HistoryEntry(
                sequence: row["seq"].int64Value ?? 0,
                action: HistoryEntry.Action(rawValue: row["action"].textValue ?? "") ?? .update,
                field: row["field"].textValue,
                oldValue: try json("old_value"),
                newValue: try json("new_value"),
                replica: row["replica"].textValue ?? "",
                counter: UInt64(row["counter"].int64Value ?? 0),
                time: Timestamp(rawValue: UInt64(bitPattern: row["time"].int64Value ?? 0)),
                actor: row["actor"].textValue ?? ""
            )
        }
    }

    /// Which writes set a field's value, and what they won over.
    ///
    /// - Returns: nil when there is no live record.
    public func provenance(collection: String, id: String, field: String) throws -> FieldProvenance? {
        guard let version = try loadVersion(collection: collection, id: id), !version.isDeleted else { return nil }
        let rule = policy.rule(collection: collection, field: field)
        let writes = version.fields[field]?.writes ?? []

        var actors: [Dot: String] = [:]
        for write in writes {
            let rows = try cachedQuery(
                sql: "SELECT actor FROM history WHERE replica = ? AND counter = ? LIMIT 1",
                arguments: [.text(write.dot.replica.rawValue), .integer(Int64(write.dot.counter))]
            )
            if let actor = rows.first?["actor"].textValue { actors[write.dot] = actor }
        }

        let replaced = try cachedQuery(
            sql: """
                SELECT old_value FROM history WHERE collection = ? AND id = ? AND field = ?
                AND action IN ('update', 'merge') ORDER BY seq DESC LIMIT 1
                """,
            arguments: [.text(collection), .text(id), .text(field)]
        ).first?["old_value"].textValue.map { try JSONValue(parsing: $0) }

        let rows = try cachedQuery(
            sql: """
                SELECT id, fields FROM records WHERE collection = ? AND deleted = 0
                AND json_extract(fields, '$.collection') = ? AND json_extract(fields, '$.record_id') = ?
                AND json_extract(fields, '$.field') = ? ORDER BY updated
                """,
            arguments: [.text(ConflictEntry.collection), .text(collection), .text(id), .text(field)]
        )
        let conflicts = try rows.compactMap { row -> ConflictRecord? in
            guard let text = row["fields"].textValue, case .object(let values) = try JSONValue(parsing: text)
            else { return nil }
            return ConflictRecord(id: row["id"].textValue ?? "", values: values)
        }

        return FieldProvenance(
            field: field,
            value: version.fields[field]?.value(under: rule),
            rule: rule.merge,
            writes: writes,
            actors: actors,
            replaced: replaced,
            conflicts: conflicts
        )
    }

    // MARK: - Rows

    /// The stored version of a record, tombstones included.
    func loadVersion(collection: String, id: String) throws -> RecordVersion? {
        let rows = try cachedQuery(
            sql: "SELECT deleted, fields, clock, concurrent, vv FROM records WHERE collection = ? AND id = ?",
            arguments: [.text(collection), .text(id)]
        )
        guard let row = rows.first else { return nil }
        let stored = StoredRecord(
            fields: row["fields"].textValue ?? "{}",
            clock: row["clock"].textValue ?? "[]",
            concurrent: row["concurrent"].textValue,
            versionVector: row["vv"].textValue ?? "{}"
        )
        return try stored.version(collection: collection, id: id, isDeleted: row["deleted"].int64Value == 1)
    }

    func saveVersion(_ version: RecordVersion, isNew: Bool) throws {
        let stored = StoredRecord(version: version, policy: policy)
        let arguments: [SQLiteValue] = [
            .integer(version.isDeleted ? 1 : 0),
            .text(stored.fields),
            .text(stored.clock),
            stored.concurrent.map(SQLiteValue.text) ?? .null,
            .text(stored.versionVector),
            .integer(Int64(bitPattern: version.latestTime.rawValue)),
            .text(version.collection),
            .text(version.id),
        ]
        if isNew {
            try cachedExecute(
                sql: """
                    INSERT INTO records (deleted, fields, clock, concurrent, vv, updated, collection, id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: arguments
            )
        } else {
            try cachedExecute(
                sql: """
                    UPDATE records SET deleted = ?, fields = ?, clock = ?, concurrent = ?, vv = ?, updated = ?
                    WHERE collection = ? AND id = ?
                    """,
                arguments: arguments
            )
        }
    }

    func enqueue(_ version: RecordVersion) throws {
        try cachedExecute(
            sql: "INSERT OR IGNORE INTO outbox (collection, id, queued) VALUES (?, ?, ?)",
            arguments: [.text(version.collection), .text(version.id), .integer(Int64(options.wallClock()))]
        )
    }

    func appendHistory(
        _ action: HistoryEntry.Action,
        _ version: RecordVersion,
        field: String?,
        old: JSONValue?,
        new: JSONValue?,
        dot: Dot,
        time: Timestamp,
        actor: String
    ) throws {
        try cachedExecute(
            sql: """
                INSERT INTO history (collection, id, action, field, old_value, new_value, replica, counter, time, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                .text(version.collection),
                .text(version.id),
                .text(action.rawValue),
                field.map(SQLiteValue.text) ?? .null,
                old.map { .text($0.canonicalText) } ?? .null,
                new.map { .text($0.canonicalText) } ?? .null,
                .text(dot.replica.rawValue),
                .integer(Int64(dot.counter)),
                .integer(Int64(bitPattern: time.rawValue)),
                .text(actor),
            ]
        )
    }

    func eraseHistoryValues(collection: String, id: String) throws {
        try cachedExecute(
            sql: "UPDATE history SET old_value = NULL, new_value = NULL WHERE collection = ? AND id = ?",
            arguments: [.text(collection), .text(id)]
        )
    }
}
