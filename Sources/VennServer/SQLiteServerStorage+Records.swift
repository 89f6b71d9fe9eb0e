import Foundation
import VennSQLite
import VennSync

extension SQLiteServerStorage {
    public func withGroupTransaction<T>(group: String, _ body: (any GroupTransaction) throws -> T) throws -> T {
        try write { db in
            try Self.requireGroup(group, in: db)
            let transaction = SQLiteGroupTransaction(database: db, group: group)
            defer { transaction.isValid = false }
            return try body(transaction)
        }
    }

    public func changes(group: String, since: Int64, limit: Int, maxBytes: Int) throws -> ChangesPage {
        try read { db in
            // One read transaction, so the rows and the look-ahead agree.
            try db.withTransaction(.deferred) {
                let statement = try db.cachedStatement(
                    sql: "SELECT seq, version FROM records WHERE group_id = ? AND seq > ? ORDER BY seq LIMIT ?"
                )
                // One row more than asked tells whether more follow.
                let lookAhead = Int64(clamping: max(0, limit)).addingReportingOverflow(1)
                let rowLimit = lookAhead.overflow ? Int64.max : lookAhead.partialValue
                statement.bind([.text(group), .integer(since), .integer(rowLimit)])
                defer { statement.reset() }

                var changes: [StoredChange] = []
                var bytes = 0
                while try statement.step() {
                    if changes.count == limit || bytes >= maxBytes {
                        return ChangesPage(changes: changes, hasMore: true)
                    }
                    let json = statement.text(at: 1)
                    changes.append(StoredChange(sequence: statement.int64(at: 0), versionJSON: json))
                    bytes += json.utf8.count
                }
                return ChangesPage(changes: changes, hasMore: false)
            }
        }
    }
}

/// Record operations inside one SQLite write transaction.
final class SQLiteGroupTransaction: GroupTransaction {
    private let database: Database
    private let group: String
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    /// Cleared when the transaction ends; using it afterwards traps.
    var isValid = true

    init(database: Database, group: String) {
        self.database = database
        self.group = group
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func version(collection: String, id: String) throws -> RecordVersion? {
        precondition(isValid, "GroupTransaction used after its transaction ended")
        let json = try database.cachedStatement(
            sql: "SELECT version FROM records WHERE group_id = ? AND collection = ? AND id = ?"
        ).scalar(arguments: [.text(group), .text(collection), .text(id)])?.textValue
        guard let json else { return nil }
        do {
            return try decoder.decode(RecordVersion.self, from: Data(json.utf8))
        } catch {
            throw ServerError(
                code: .corrupt,
                message: "A stored version in collection '\(collection)' could not be read.",
                underlyingError: error
            )
        }
    }

    func store(_ version: RecordVersion) throws -> Int64 {
        precondition(isValid, "GroupTransaction used after its transaction ended")

        // The group's row hands out the number, inside this transaction.
        let taken = try database.cachedStatement(
            sql: "UPDATE groups SET next_seq = next_seq + 1 WHERE id = ? RETURNING next_seq - 1"
        ).scalar(arguments: [.text(group)])
        guard let sequence = taken?.int64Value else {
            throw ServerError(code: .groupNotFound, message: "No group has the id '\(group)'.")
        }

        let json = String(decoding: try encoder.encode(version), as: UTF8.self)
        try database.cachedStatement(
            sql: """
                INSERT INTO records (group_id, collection, id, seq, version) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (group_id, collection, id) DO UPDATE SET seq = excluded.seq, version = excluded.version
                """
        ).execute(arguments: [
            .text(group), .text(version.collection), .text(version.id), .integer(sequence), .text(json),
        ])
        return sequence
    }

    func nextServerEvent(wallClock: UInt64) throws -> (dot: Dot, time: Timestamp) {
        precondition(isValid, "GroupTransaction used after its transaction ended")
        let rows = try database.cachedStatement(sql: "SELECT replica, counter, clock FROM server_meta WHERE id = 1")
            .query()
        guard let row = rows.first, let replica = row.text("replica").flatMap(ReplicaID.init),
            let counter = row.int64("counter").flatMap(UInt64.init(exactly:)), counter < UInt64.max,
            let clockValue = row.int64("clock")
        else {
            throw ServerError(code: .corrupt, message: "The server's replica id is missing from its database.")
        }

        var clock = HybridLogicalClock(latest: Timestamp(rawValue: UInt64(bitPattern: clockValue)))
        let time = clock.tick(wallClock: wallClock)
        let dot = Dot(replica: replica, counter: counter + 1)
        try database.cachedStatement(sql: "UPDATE server_meta SET counter = ?, clock = ? WHERE id = 1")
            .execute(arguments: [.integer(Int64(dot.counter)), .integer(Int64(bitPattern: time.rawValue))])
        return (dot, time)
    }
}
