import VennSchema
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

    // MARK: - Outbox

    /// Versions changed here and not yet acknowledged by the server, oldest
    /// first.
    public func pendingVersions(limit: Int = .max) throws -> [RecordVersion] {
        let rows = try database.query(
            sql: "SELECT collection, id FROM outbox ORDER BY queued, collection, id LIMIT ?",
            arguments: [.integer(Int64(min(limit, Int(Int64.max))))]
        )
        return try rows.compactMap { row in
            try loadVersion(collection: row["collection"].textValue ?? "", id: row["id"].textValue ?? "")
        }
    }

    /// How many records wait in the outbox.
    public func pendingCount() throws -> Int {
        Int(try database.query(sql: "SELECT count(*) AS n FROM outbox").first?["n"].int64Value ?? 0)
    }

    /// Removes pushed versions from the outbox, unless the record changed
    /// again since: that change still waits to be pushed.
    public func acknowledge(_ versions: [RecordVersion]) throws {
        try database.withTransaction {
            for version in versions {
                try database.execute(
                    sql: """
                        DELETE FROM outbox WHERE collection = ? AND id = ?
                        AND (SELECT vv FROM records WHERE collection = ? AND id = ?) = ?
                        """,
                    arguments: [
                        .text(version.collection), .text(version.id),
                        .text(version.collection), .text(version.id),
                        .text(StoredRecord.encode(version.versionVector)),
                    ]
                )
            }
        }
    }
}
