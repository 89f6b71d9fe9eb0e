/// Brings a database's schema up to date with ordered, numbered migrations.
///
/// Each applied migration is recorded in a table the migrator owns:
///
/// ```sql
/// CREATE TABLE schema_migrations (
///     version INTEGER PRIMARY KEY,
///     name TEXT NOT NULL,
///     applied_at TEXT NOT NULL
/// )
/// ```
///
/// A migration runs in its own `IMMEDIATE` transaction, together with its
/// row in that table, so it is applied entirely or not at all.
///
/// ```swift
/// var migrator = Migrator()
/// migrator.registerMigration(version: 1, name: "create notes") { db in
///     try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
/// }
/// try migrator.migrate(db)
/// ```
///
/// - Warning: A migration runs inside a transaction, so it must not start
///   one, and `PRAGMA foreign_keys` has no effect there. A migration that
///   rebuilds a referenced table can use `PRAGMA defer_foreign_keys = ON`.
public struct Migrator: Sendable {
    /// One step of the schema's history.
    public struct Migration: Sendable {
        /// The schema version this migration produces; versions grow.
        public let version: Int
        /// A short description, stored with the version.
        public let name: String
        /// Changes the schema; runs inside the migration's transaction.
        public let apply: @Sendable (Database) throws -> Void

        /// Makes a migration.
        public init(
            version: Int,
            name: String,
            apply: @escaping @Sendable (Database) throws -> Void
        ) {
            self.version = version
            self.name = name
            self.apply = apply
        }
    }

    /// The registered migrations, by increasing version.
    public private(set) var migrations: [Migration] = []

    /// Makes a migrator with no migrations.
    public init() {}

    /// Makes a migrator from migrations in increasing version order.
    ///
    /// - Precondition: Versions are positive and strictly increasing, and
    ///   names are not empty.
    public init(_ migrations: [Migration]) {
        for migration in migrations {
            register(migration)
        }
    }

    /// The newest version the migrations produce; 0 when there are none.
    public var latestVersion: Int {
        migrations.last?.version ?? 0
    }

    /// Adds a migration after the ones registered so far.
    ///
    /// - Parameters:
    ///   - version: The version it produces; greater than every registered one.
    ///   - name: A short description.
    ///   - apply: The schema change.
    /// - Precondition: `version` is positive and greater than `latestVersion`,
    ///   and `name` is not empty.
    public mutating func registerMigration(
        version: Int,
        name: String,
        apply: @escaping @Sendable (Database) throws -> Void
    ) {
        register(Migration(version: version, name: name, apply: apply))
    }

    private mutating func register(_ migration: Migration) {
        precondition(migration.version > 0, "Migration versions start at 1")
        precondition(
            migration.version > latestVersion,
            "Migration \(migration.version) registered after version \(latestVersion)"
        )
        precondition(!migration.name.isEmpty, "Migration \(migration.version) has no name")
        migrations.append(migration)
    }
}

// MARK: - Migrating

extension Migrator {
    /// The name of the table recording applied migrations.
    public static let tableName = "schema_migrations"

    /// Applies every migration newer than the database's version.
    ///
    /// The database's version is checked first: a database written by newer
    /// code is refused before anything changes. On a read-only connection
    /// nothing is written; it succeeds only when the database is current.
    ///
    /// - Parameter db: An open database, outside any transaction.
    /// - Returns: The versions applied, oldest first.
    /// - Throws: `MigrationError` with code `.storeTooNew` when the database
    ///   has a newer version than `latestVersion`, `.migrationRequired` when
    ///   a read-only database is behind, and `.migrationFailed` (with the
    ///   cause) when a migration throws; migrations before it stay applied.
    ///   `SQLiteError` when the bookkeeping itself fails.
    /// - Precondition: No transaction is open on `db`.
    @discardableResult
    public func migrate(_ db: Database) throws -> [Int] {
        if db.isReadOnly {
            let found = try appliedVersion(db)
            try checkNotTooNew(found)
            if found < latestVersion {
                throw MigrationError(code: .migrationRequired(found: found, latest: latestVersion))
            }
            return []
        }

        // Check the version and create the table in one write transaction,
        // so a refused database is left as it was.
        try db.withTransaction(.immediate) {
            try checkNotTooNew(appliedVersion(db))
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS \(Self.tableName) (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """)
        }

        var applied: [Int] = []
        for migration in migrations {
            let didApply = try db.withTransaction(.immediate) {
                // Read again under the write lock: another process may have
                // migrated since.
                guard try appliedVersion(db) < migration.version else { return false }
                do {
                    try migration.apply(db)
                } catch {
                    throw MigrationError(
                        code: .migrationFailed(version: migration.version, name: migration.name),
                        underlyingError: error
                    )
                }
                try db.execute(
                    sql: """
                        INSERT INTO \(Self.tableName) (version, name, applied_at)
                        VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                        """,
                    arguments: [SQLiteValue(migration.version), .text(migration.name)]
                )
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    /// The newest migration version recorded in the database.
    ///
    /// - Parameter db: An open database.
    /// - Returns: The version; 0 when no migration was ever applied.
    /// - Throws: `SQLiteError` when reading fails.
    public func appliedVersion(_ db: Database) throws -> Int {
        let exists = try db.scalar(
            sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            arguments: [.text(Self.tableName)]
        )
        guard exists != nil else { return 0 }

        let version = try db.scalar(sql: "SELECT max(version) FROM \(Self.tableName)")
        return version?.int64Value.map(Int.init) ?? 0
    }

    private func checkNotTooNew(_ found: Int) throws {
        if found > latestVersion {
            throw MigrationError(code: .storeTooNew(found: found, supported: latestVersion))
        }
    }
}
