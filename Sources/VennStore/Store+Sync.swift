import Foundation
public import VennSchema
public import VennSync
import VennSQLite

extension Store {
    /// What applying a version from another replica did here.
    public enum RemoteOutcome: Sendable, Hashable {
        /// The record was new here and is stored as received.
        case inserted
        /// Nothing changed: this store already had the version or a newer one.
        case unchanged
        /// The received version replaced the local one (it included it).
        case replaced
        /// The local and received versions were concurrent and are merged;
        /// the merged version waits in the outbox.
        case merged
    }

    /// Merges versions received from another replica into the store, in one
    /// transaction.
    ///
    /// Local edits are never overwritten: the store merges, it does not
    /// replace. Concurrent writes that a rule decided are written to the
    /// conflict ledger.
    public func applyRemote(_ versions: [RecordVersion]) throws -> [RemoteOutcome] {
        try writeTransaction {
            try versions.map { try applyRemote($0) }
        }
    }

    private func applyRemote(_ remote: RecordVersion) throws -> RemoteOutcome {
        clock.observe(remote.latestTime)
        guard let local = try loadVersion(collection: remote.collection, id: remote.id) else {
            try saveVersion(remote, isNew: true)
            try recordMerge(from: [:], to: remote)
            return .inserted
        }

        let result = local.merged(with: remote, policy: policy)
        switch result.outcome {
        case .unchanged, .keptLeft:
            return .unchanged
        case .tookRight, .merged:
            try saveVersion(result.version, isNew: false)
            try recordMerge(from: local.values(under: policy), to: result.version)
            if result.version.isDeleted && !local.isDeleted {
                try eraseHistoryValues(collection: remote.collection, id: remote.id)
            }
            for entry in result.conflicts {
                try recordConflict(entry)
            }
            if result.outcome == .merged {
                try enqueue(result.version)
                return .merged
            }
            return .replaced
        }
    }

    /// Writes a history row per field a merge changed, under the sync actor.
    private func recordMerge(from old: [String: JSONValue], to version: RecordVersion) throws {
        let dot = Dot(replica: replica, counter: max(counter, 1))
        if version.isDeleted {
            try appendHistory(.delete, version, field: nil, old: nil, new: nil, dot: dot, time: clock.latest,
                              actor: "sync")
            return
        }
        let new = version.values(under: policy)
        if old.isEmpty {
            // A record new here: one row holds all its values.
            let write = version.fields.values.map(\.lastWrite).max { $0.time < $1.time }
            try appendHistory(.merge, version, field: nil, old: nil, new: .object(new), dot: write?.dot ?? dot,
                              time: write?.time ?? clock.latest, actor: "sync")
            return
        }
        for name in Set(old.keys).union(new.keys).sorted() where old[name] != new[name] {
            let write = version.fields[name]?.lastWrite
            try appendHistory(
                .merge,
                version,
                field: name,
                old: old[name],
                new: new[name],
                dot: write?.dot ?? dot,
                time: write?.time ?? clock.latest,
                actor: "sync"
            )
        }
    }

    /// Adds a conflict entry to the ledger unless it is already there.
    private func recordConflict(_ entry: ConflictEntry) throws {
        guard try loadVersion(collection: ConflictEntry.collection, id: entry.id) == nil else { return }
        let event = nextEvent()
        let version = RecordVersion(collection: ConflictEntry.collection, id: entry.id)
            .writing(entry.recordFields, dot: event.dot, time: event.time)
        try saveVersion(version, isNew: true)
        try enqueue(version)
    }

    /// Applies a batch pulled from the server and moves the pull cursor
    /// past it, in one transaction: a broken link loses at most this batch.
    public func applyPulled(_ versions: [RecordVersion], cursor: Int64) throws -> [RemoteOutcome] {
        try writeTransaction {
            let outcomes = try versions.map { try applyRemote($0) }
            try setSyncStateInTransaction(SyncStateKey.cursor, String(cursor))
            return outcomes
        }
    }

    // MARK: - Outbox

    /// Versions changed here and not yet acknowledged by the server, oldest
    /// first. A version the server rejected is left out until the record
    /// changes again.
    public func pendingVersions(limit: Int = .max) throws -> [RecordVersion] {
        let rows = try cachedQuery(
            sql: """
                SELECT o.collection, o.id FROM outbox o JOIN records r ON r.collection = o.collection AND r.id = o.id
                WHERE NOT EXISTS (
                    SELECT 1 FROM rejections x WHERE x.collection = o.collection AND x.id = o.id AND x.vv = r.vv
                )
                ORDER BY o.queued, o.collection, o.id LIMIT ?
                """,
            arguments: [.integer(Int64(min(limit, Int(Int64.max))))]
        )
        return try rows.compactMap { row in
            try loadVersion(collection: row["collection"].textValue ?? "", id: row["id"].textValue ?? "")
        }
    }

    /// How many records wait in the outbox, rejected ones included.
    public func pendingCount() throws -> Int {
        Int(try cachedQuery(sql: "SELECT count(*) AS n FROM outbox").first?["n"].int64Value ?? 0)
    }

    /// Takes records off the outbox that the server now holds: those whose
    /// local version `versions` includes. A record changed again since stays
    /// queued, so an edit made during a sync is pushed by the next round.
    public func acknowledge(_ versions: [RecordVersion]) throws {
        try database.withTransaction {
            for version in versions {
                guard let local = try loadVersion(collection: version.collection, id: version.id) else { continue }
                switch local.versionVector.compare(to: version.versionVector) {
                case .equal, .dominated:
                    try cachedExecute(
                        sql: "DELETE FROM outbox WHERE collection = ? AND id = ?",
                        arguments: [.text(version.collection), .text(version.id)]
                    )
                    try cachedExecute(
                        sql: "DELETE FROM rejections WHERE collection = ? AND id = ?",
                        arguments: [.text(version.collection), .text(version.id)]
                    )
                case .dominates, .concurrent:
                    continue
                }
            }
        }
    }

    /// Remembers that the server refused `version`, and why.
    public func recordRejection(_ version: RecordVersion, issues: [ValidationIssue]) throws {
        let text = String(decoding: try JSONEncoder().encode(issues), as: UTF8.self)
        try cachedExecute(
            sql: """
                INSERT INTO rejections (collection, id, vv, issues, rejected) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (collection, id) DO UPDATE SET vv = excluded.vv, issues = excluded.issues,
                rejected = excluded.rejected
                """,
            arguments: [
                .text(version.collection), .text(version.id), .text(StoredRecord.encode(version.versionVector)),
                .text(text), .integer(Int64(options.wallClock())),
            ]
        )
    }

    /// Records the server refused, with its reasons.
    public func rejections() throws -> [Rejection] {
        try cachedQuery(sql: "SELECT collection, id, issues FROM rejections ORDER BY rejected").map { row in
            let text = row["issues"].textValue ?? "[]"
            let issues = (try? JSONDecoder().decode([ValidationIssue].self, from: Data(text.utf8))) ?? []
            return Rejection(
                collection: row["collection"].textValue ?? "",
                id: row["id"].textValue ?? "",
                issues: issues
            )
        }
    }

    // MARK: - Sync state

    /// Keys of the sync state table.
    public enum SyncStateKey {
        public static let server = "server"
        public static let token = "token"
        public static let device = "device"
        public static let cursor = "cursor"
        public static let lastSync = "last_sync"
    }

    /// Sets a value in the sync state table, in its own transaction.
    public func setSyncState(_ key: String, _ value: String?) throws {
        try database.withTransaction {
            try setSyncStateInTransaction(key, value)
        }
    }

    private func setSyncStateInTransaction(_ key: String, _ value: String?) throws {
        if let value {
            try cachedExecute(
                sql: """
                    INSERT INTO sync_state (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """,
                arguments: [.text(key), .text(value)]
            )
        } else {
            try cachedExecute(sql: "DELETE FROM sync_state WHERE key = ?", arguments: [.text(key)])
        }
    }

    /// The pull cursor: the server sequence this store has applied up to.
    public func syncCursor() throws -> Int64 {
        Int64(try syncState(SyncStateKey.cursor) ?? "0") ?? 0
    }

    // MARK: - Conflicts

    /// Resolves a conflict ledger entry: writes `value` to the field (a new
    /// write that supersedes every concurrent one, even when the value is the
    /// provisional winner) and marks the entry resolved.
    ///
    /// - Throws: `StoreError` `.recordNotFound` when the entry or its record
    ///   is gone; `.invalidData` when the value does not fit the field.
    public func resolveConflict(id: String, value: JSONValue) throws {
        try writeTransaction {
            guard let entry = try loadVersion(collection: ConflictEntry.collection, id: id), !entry.isDeleted,
                let record = ConflictRecord(id: id, values: entry.values(under: policy)),
                let current = try loadVersion(collection: record.collection, id: record.recordID), !current.isDeleted
            else { throw StoreError(.recordNotFound, detail: "\(ConflictEntry.collection)/\(id)") }

            var values = current.values(under: policy)
            let old = values[record.field]
            values[record.field] = value
            try validate(collection: record.collection, id: record.recordID, values: values.filter { !$0.value.isNull })

            let event = nextEvent()
            let resolved = current.writing([record.field: value], dot: event.dot, time: event.time)
            try saveVersion(resolved, isNew: false)
            try enqueue(resolved)
            try appendHistory(.update, resolved, field: record.field, old: old, new: value, dot: event.dot,
                              time: event.time, actor: options.actor)

            let mark = nextEvent()
            let closed = entry.writing(
                [
                    "status": "resolved",
                    "resolved_by": .string(replica.rawValue),
                    "resolved_at": .string(Date(timeIntervalSince1970: Double(mark.time.milliseconds) / 1000)
                        .formatted(.iso8601)),
                    "winner": value,
                ],
                dot: mark.dot,
                time: mark.time
            )
            try saveVersion(closed, isNew: false)
            try enqueue(closed)
        }
    }
}

/// A record the server refused.
public struct Rejection: Sendable, Hashable {
    public var collection: String
    public var id: String
    /// The server's reasons, naming each field as a JSON pointer.
    public var issues: [ValidationIssue]
}
