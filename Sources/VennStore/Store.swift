public import Foundation
public import VennSchema
public import VennSync
import VennSQLite

/// One working group's records on one laptop: a single SQLite file.
///
/// The store keeps each record's values with the version vector and per-field
/// writes that sync needs, the outbox of records not yet pushed, the conflict
/// ledger (as records of the `conflict` collection), and an append-only
/// history of every change. Every public operation is one transaction, so a
/// failure or a killed process leaves the file as it was before the call.
///
/// - Note: A store is not `Sendable`: it has one owner, which may hand it to
///   another thread but never share it.
public final class Store {
    /// Settings for opening or creating a store.
    public struct Options: Sendable {
        /// The wall clock in milliseconds since 1970; injected by tests.
        public var wallClock: @Sendable () -> UInt64
        /// Who the history names as the author of local changes.
        public var actor: String

        public init(
            wallClock: @escaping @Sendable () -> UInt64 = Store.systemWallClock,
            actor: String = ProcessInfo.processInfo.userName
        ) {
            self.wallClock = wallClock
            self.actor = actor
        }
    }

    /// The store file's path.
    public let path: String
    /// The working group the store belongs to.
    public let group: String
    /// This store's replica id.
    public let replica: ReplicaID
    /// The schemas records are validated and merged with.
    public let schemas: SchemaSet

    let policy: MergePolicy
    public let options: Options
    let database: Database

    /// The replica's write counter and clock, valid inside a write transaction.
    var counter: UInt64 = 0
    var clock = HybridLogicalClock()
    /// Whether a `batch` transaction is open, so writes join it.
    private var isInBatch = false

    private init(path: String, database: Database, schemas: SchemaSet, options: Options) throws {
        self.path = path
        self.database = database
        self.schemas = schemas
        self.policy = MergePolicy(schemas: schemas)
        self.options = options

        let meta = try Self.readMeta(database)
        guard let group = meta["group"], let replicaText = meta["replica"], let replica = ReplicaID(replicaText) else {
            throw StoreError(.notAStore, detail: path)
        }
        self.group = group
        self.replica = replica
    }

    deinit {
        try? database.close()
    }

    /// Closes the file. Using the store afterwards is a programmer error.
    public func close() throws {
        try database.close()
    }

    /// The system clock in milliseconds since 1970.
    @Sendable public static func systemWallClock() -> UInt64 {
        UInt64(max(0, Date().timeIntervalSince1970 * 1000))
    }

    /// The newest store file version this program reads and writes.
    public static var fileVersion: Int { StoreMigrations.latestVersion }

    // MARK: - Creating and opening

    /// Creates a new store file for `group`, with a new replica id.
    ///
    /// Missing parent directories are created (mode 0700); the file is
    /// created with mode 0600. If anything fails, no file is left behind.
    ///
    /// - Throws: `StoreError` `.storeExists` when a file is at `path`,
    ///   `.cannotOpen` when it cannot be created.
    public static func create(
        at path: String,
        group: String,
        schemas: SchemaSet = .embedded,
        options: Options = Options()
    ) throws -> Store {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { throw StoreError(.storeExists, detail: path) }

        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try manager.createDirectory(
                    atPath: directory,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw StoreError(.cannotOpen, detail: "\(path): \(Self.reason(error))")
            }
        }

        do {
            let database = try Database(path: path, options: .init(mode: .readWriteCreate))
            try StoreMigrations.migrator().migrate(database)
            try database.withTransaction {
                let rows: [(String, String)] = [
                    ("group", group),
                    ("replica", ReplicaID.random().rawValue),
                    ("counter", "0"),
                    ("clock", "0"),
                    ("created", String(options.wallClock())),
                ]
                for (key, value) in rows {
                    try database.execute(
                        sql: "INSERT INTO meta (key, value) VALUES (?, ?)",
                        arguments: [.text(key), .text(value)]
                    )
                }
            }
            return try Store(path: path, database: database, schemas: schemas, options: options)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? manager.removeItem(atPath: path + suffix)
            }
            if let error = error as? StoreError { throw error }
            throw StoreError(.cannotOpen, detail: "\(path): \(Self.reason(error))")
        }
    }

    /// Opens an existing store, upgrading its file to the current version.
    ///
    /// - Throws: `StoreError` `.storeNotFound`, `.notAStore` (not SQLite, or
    ///   SQLite without Venn's tables), `.storeTooNew` (written by a newer
    ///   program; nothing is changed), or `.cannotOpen`.
    public static func open(
        at path: String,
        schemas: SchemaSet = .embedded,
        options: Options = Options()
    ) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.storeNotFound, detail: path)
        }
        let database: Database
        do {
            database = try Database(path: path, options: .init(mode: .readWrite))
        } catch let error as SQLiteError where error.isNotADatabase {
            throw StoreError(.notAStore, detail: path)
        } catch {
            throw StoreError(.cannotOpen, detail: "\(path): \(Self.reason(error))")
        }

        do {
            let tables = try database.query(
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'meta')"
            )
            guard tables.count == 2 else { throw StoreError(.notAStore, detail: path) }
            try StoreMigrations.migrator().migrate(database)
            return try Store(path: path, database: database, schemas: schemas, options: options)
        } catch let error as MigrationError {
            try? database.close()
            if case .storeTooNew(let found, let supported) = error.code {
                throw StoreError(.storeTooNew, detail: path, versions: (found, supported))
            }
            throw StoreError(.cannotOpen, detail: "\(path): \(error)")
        } catch let error as StoreError {
            try? database.close()
            throw error
        } catch let error as SQLiteError where error.isNotADatabase {
            try? database.close()
            throw StoreError(.notAStore, detail: path)
        } catch {
            try? database.close()
            throw StoreError(.cannotOpen, detail: "\(path): \(Self.reason(error))")
        }
    }

    private static func readMeta(_ database: Database) throws -> [String: String] {
        var meta: [String: String] = [:]
        for row in try database.cachedStatement(sql: "SELECT key, value FROM meta").query(arguments: []) {
            if let key = row["key"].textValue, let value = row["value"].textValue { meta[key] = value }
        }
        return meta
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? SQLiteError { return error.message }
        if let error = error as? CocoaError, let underlying = error.underlying { return "\(underlying)" }
        return "\(error)"
    }

    // MARK: - Write transactions

    /// Runs `body` in one immediate transaction, with the replica's counter
    /// and clock loaded before and saved after.
    ///
    /// Loading them inside the transaction keeps them right when another
    /// process (a sync) writes the same file.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        if isInBatch { return try body() }
        return try database.withTransaction {
            let meta = try Self.readMeta(database)
            counter = UInt64(meta["counter"] ?? "") ?? 0
            clock = HybridLogicalClock(latest: Timestamp(rawValue: UInt64(meta["clock"] ?? "") ?? 0))
            let savedCounter = counter
            let savedClock = clock

            let result = try body()

            if counter != savedCounter {
                try setMeta("counter", String(counter))
            }
            if clock != savedClock {
                try setMeta("clock", String(clock.latest.rawValue))
            }
            return result
        }
    }

    /// Runs several changes as one transaction: all of them land, or none.
    /// A batch inside a batch joins the outer one.
    public func batch<T>(_ body: () throws -> T) throws -> T {
        if isInBatch { return try body() }
        return try writeTransaction {
            isInBatch = true
            defer { isInBatch = false }
            return try body()
        }
    }

    /// The next write event: a new dot and a clock time.
    func nextEvent() -> (dot: Dot, time: Timestamp) {
        counter += 1
        return (Dot(replica: replica, counter: counter), clock.tick(wallClock: options.wallClock()))
    }

    private func setMeta(_ key: String, _ value: String) throws {
        try cachedExecute(sql: "UPDATE meta SET value = ? WHERE key = ?", arguments: [.text(value), .text(key)])
    }

    // MARK: - Statements

    /// Runs one statement, prepared once per store and kept for reuse.
    func cachedExecute(sql: String, arguments: [SQLiteValue] = []) throws {
        try database.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// Runs one query, prepared once per store and kept for reuse, and reads
    /// every row.
    func cachedQuery(sql: String, arguments: [SQLiteValue] = []) throws -> [Row] {
        try database.cachedStatement(sql: sql).query(arguments: arguments)
    }

    /// A value from the sync state table.
    public func syncState(_ key: String) throws -> String? {
        try cachedQuery(sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [.text(key)])
            .first?["value"].textValue
    }
}

@available(*, unavailable, message: "a store has one owner; it is not shared between threads")
extension Store: Sendable {}
