public import Foundation
import VennSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's storage in one SQLite file, `DIR/venn-server.sqlite`.
///
/// The file is created with mode 0600 and uses write-ahead logging with
/// `synchronous = FULL`, so a push is answered only once it is on disk.
/// Connections come from a small pool; writes take SQLite's write lock at
/// `BEGIN IMMEDIATE` and wait up to `busyTimeout` for it.
public final class SQLiteServerStorage: ServerStorage {
    /// The name of the database file inside the directory.
    public static let fileName = "venn-server.sqlite"

    /// The database file.
    public let path: String

    let pool: ConnectionPool

    /// Opens, or creates, the storage in `directory` and migrates it.
    ///
    /// - Parameters:
    ///   - directory: The directory for the file; created with mode 0700
    ///     when missing.
    ///   - busyTimeout: How long a write waits for another one to finish.
    /// - Throws: `ServerError` `.storage` when the directory or the file
    ///   cannot be opened, or a migration fails.
    public init(directory: String, busyTimeout: Duration = .seconds(10)) throws {
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw ServerError(
                code: .storage,
                message: "The server's data directory could not be created: \(String(cString: strerror(errno)))."
            )
        }
        let path = directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
        self.path = path
        let options = Database.OpenOptions(
            mode: .readWriteCreate,
            journal: .wal,
            synchronous: .full,
            foreignKeys: true,
            busyTimeout: busyTimeout
        )
        pool = ConnectionPool { try Database(path: path, options: options) }

        try Self.mapErrors {
            try pool.withConnection { db in _ = try Self.migrator.migrate(db) }
        }
    }

    // MARK: - Groups

    public func createGroup(_ group: GroupInfo) throws {
        try write { db in
            let exists = try db.scalar(sql: "SELECT 1 FROM groups WHERE id = ?", arguments: [.text(group.id)])
            guard exists == nil else {
                throw ServerError(code: .groupExists, message: "A group with the id '\(group.id)' already exists.")
            }
            try db.execute(
                sql: "INSERT INTO groups (id, name, municipality, next_seq, created) VALUES (?, ?, ?, 1, ?)",
                arguments: [.text(group.id), .text(group.name), .text(group.municipality), .milliseconds(group.created)]
            )
        }
    }

    public func group(id: String) throws -> GroupInfo? {
        try read { db in
            let rows = try db.cachedStatement(sql: "SELECT id, name, municipality, created FROM groups WHERE id = ?")
                .query(arguments: [.text(id)])
            return rows.first.map {
                GroupInfo(
                    id: $0.text("id") ?? "",
                    name: $0.text("name") ?? "",
                    municipality: $0.text("municipality") ?? "",
                    created: Date(milliseconds: $0.int64("created") ?? 0)
                )
            }
        }
    }

    // MARK: - Enrollment

    public func addEnrollmentCode(hash: [UInt8], group: String, expires: Date) throws {
        try write { db in
            try Self.requireGroup(group, in: db)
            try db.execute(
                sql: "INSERT INTO enrollment_codes (code_hash, group_id, expires) VALUES (?, ?, ?)",
                arguments: [.blob(hash), .text(group), .milliseconds(expires)]
            )
        }
    }

    public func redeemEnrollmentCode(codeHash: [UInt8], device: NewDevice, now: Date) throws -> String? {
        try write { db in
            let rows = try db.query(
                sql: """
                    SELECT group_id FROM enrollment_codes
                    WHERE code_hash = ? AND used_by_device IS NULL AND expires > ?
                    """,
                arguments: [.blob(codeHash), .milliseconds(now)]
            )
            guard let group = rows.first?.text("group_id") else { return nil }

            try db.execute(
                sql: """
                    INSERT INTO devices (id, group_id, replica, label, token_hash, created, last_seen, revoked)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                    """,
                arguments: [
                    .text(device.id), .text(group), .text(device.replica), SQLiteValue(device.label),
                    .blob(device.tokenHash), .milliseconds(now), .milliseconds(now),
                ]
            )
            try db.execute(
                sql: "UPDATE enrollment_codes SET used_by_device = ? WHERE code_hash = ?",
                arguments: [.text(device.id), .blob(codeHash)]
            )
            return group
        }
    }

    // MARK: - Devices

    public func device(tokenHash: [UInt8]) throws -> DeviceCredential? {
        try read { db in
            let rows = try db.cachedStatement(
                sql: "SELECT id, group_id, token_hash, revoked FROM devices WHERE token_hash = ?"
            ).query(arguments: [.blob(tokenHash)])
            return rows.first.map {
                DeviceCredential(
                    id: $0.text("id") ?? "",
                    group: $0.text("group_id") ?? "",
                    tokenHash: $0.blob("token_hash") ?? [],
                    isRevoked: ($0.int64("revoked") ?? 1) != 0
                )
            }
        }
    }

    public func touchDevice(id: String, at time: Date) throws {
        try write { db in
            try db.cachedStatement(sql: "UPDATE devices SET last_seen = ? WHERE id = ?")
                .execute(arguments: [.milliseconds(time), .text(id)])
        }
    }

    public func devices(group: String) throws -> [DeviceInfo] {
        try read { db in
            try db.query(
                sql: """
                    SELECT id, group_id, replica, label, created, last_seen, revoked FROM devices
                    WHERE group_id = ? ORDER BY created, id
                    """,
                arguments: [.text(group)]
            ).map { row in
                DeviceInfo(
                    id: row.text("id") ?? "",
                    group: row.text("group_id") ?? "",
                    replica: row.text("replica") ?? "",
                    label: row.text("label"),
                    created: Date(milliseconds: row.int64("created") ?? 0),
                    lastSeen: row.int64("last_seen").map(Date.init(milliseconds:)),
                    isRevoked: (row.int64("revoked") ?? 1) != 0
                )
            }
        }
    }

    public func revokeDevice(id: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE devices SET revoked = 1 WHERE id = ?", arguments: [.text(id)])
            guard db.changes == 1 else {
                throw ServerError(code: .deviceNotFound, message: "No device has the id '\(id)'.")
            }
        }
    }

    // MARK: - Connections and errors

    /// Runs `body` on a pooled connection outside a transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors { try pool.withConnection(body) }
    }

    /// Runs `body` in an immediate transaction on a pooled connection.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors {
            try pool.withConnection { db in try db.withTransaction(.immediate) { try body(db) } }
        }
    }

    /// Throws `ServerError` `.groupNotFound` unless `group` exists.
    static func requireGroup(_ group: String, in db: Database) throws {
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM groups WHERE id = ?").scalar(arguments: [.text(group)])
        guard exists != nil else {
            throw ServerError(code: .groupNotFound, message: "No group has the id '\(group)'.")
        }
    }

    /// Turns SQLite's errors into `ServerError`s; others pass through.
    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            if error.isBusy {
                throw ServerError(
                    code: .busy,
                    message: "The server's database stayed busy; try again.",
                    underlyingError: error
                )
            }
            throw ServerError(
                code: .storage,
                message: "The server's database failed (SQLite code \(error.code)).",
                underlyingError: error
            )
        } catch let error as MigrationError {
            throw ServerError(
                code: .storage,
                message: "The server's database could not be migrated: \(error).",
                underlyingError: error
            )
        }
    }
}

extension SQLiteValue {
    /// A date as whole milliseconds since 1970.
    static func milliseconds(_ date: Date) -> SQLiteValue {
        .integer(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

extension Date {
    /// The date `milliseconds` after 1970.
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
