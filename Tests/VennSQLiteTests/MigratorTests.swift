import Testing
import VennSQLite

private struct BrokenMigration: Error {}

/// Migrations of a small notes schema, in the order they were written.
private enum NotesMigrations {
    static let v1 = Migrator.Migration(version: 1, name: "create notes") { db in
        try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    }
    static let v2 = Migrator.Migration(version: 2, name: "add tags") { db in
        try db.execute(sql: "ALTER TABLE notes ADD COLUMN tags TEXT NOT NULL DEFAULT ''")
    }
    static let broken = Migrator.Migration(version: 2, name: "half done") { db in
        try db.execute(sql: "CREATE TABLE extra (n)")
        throw BrokenMigration()
    }
}

/// Everything the migrator could change: the schema and its own records.
private func snapshot(_ db: Database) throws -> [Row] {
    try db.query(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        + db.query(sql: "SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        + db.query(sql: "PRAGMA schema_version")
}

struct MigratorTests {
    @Test func anEmptyDatabaseGetsEveryMigration() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite")
            defer { try? db.close() }
            let migrator = Migrator([NotesMigrations.v1, NotesMigrations.v2])
            #expect(try migrator.appliedVersion(db) == 0)

            #expect(try migrator.migrate(db) == [1, 2])
            #expect(try migrator.appliedVersion(db) == 2)
            try db.execute(sql: "INSERT INTO notes (body, tags) VALUES ('kaffe', 'café')")

            let records = try db.query(sql: "SELECT version, name, applied_at FROM schema_migrations")
            #expect(records.map { $0["version"] } == [1, 2])
            #expect(records.map { $0["name"] } == ["create notes", "add tags"])
            for record in records {
                let appliedAt = try #require(record.text("applied_at"))
                #expect(appliedAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
            }
        }
    }

    @Test func anOldDatabaseGetsOnlyTheNewMigrationsAndKeepsItsData() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let old = try Database(path: path)
            #expect(try Migrator([NotesMigrations.v1]).migrate(old) == [1])
            try old.execute(sql: "INSERT INTO notes (body) VALUES (?)", arguments: ["tur"])
            try old.close()

            let db = try Database(path: path)
            defer { try? db.close() }
            let migrator = Migrator([NotesMigrations.v1, NotesMigrations.v2])
            #expect(try migrator.migrate(db) == [2])
            #expect(try db.query(sql: "SELECT body, tags FROM notes").map(\.values) == [["tur", ""]])
            #expect(try migrator.migrate(db) == [])
        }
    }

    @Test func aNewerDatabaseIsRefusedAndLeftUnchanged() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite")
            defer { try? db.close() }
            try Migrator([NotesMigrations.v1, NotesMigrations.v2]).migrate(db)
            let before = try snapshot(db)

            let older = Migrator([NotesMigrations.v1])
            let error = #expect(throws: MigrationError.self) {
                try older.migrate(db)
            }
            #expect(error?.code == .storeTooNew(found: 2, supported: 1))
            #expect(try snapshot(db) == before)
        }
    }

    @Test func aFailedMigrationIsRolledBackAndKeepsTheOnesBefore() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite")
            defer { try? db.close() }
            let migrator = Migrator([NotesMigrations.v1, NotesMigrations.broken])

            let error = #expect(throws: MigrationError.self) {
                try migrator.migrate(db)
            }
            #expect(error?.code == .migrationFailed(version: 2, name: "half done"))
            #expect(error?.underlyingError is BrokenMigration)
            #expect(try migrator.appliedVersion(db) == 1)
            #expect(try db.scalar(sql: "SELECT count(*) FROM sqlite_master WHERE name = 'extra'") == 0)
            #expect(!db.isInsideTransaction)
        }
    }

    @Test func aCurrentDatabaseMigratesReadOnlyWithoutWriting() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let migrator = Migrator([NotesMigrations.v1])
            let writer = try Database(path: path)
            try migrator.migrate(writer)
            try writer.close()

            let reader = try Database(path: path, options: .init(mode: .readOnly))
            defer { try? reader.close() }
            #expect(try migrator.migrate(reader) == [])
            #expect(reader.totalChanges == 0)
        }
    }

    @Test func aReadOnlyDatabaseBehindIsReportedWithoutCreatingTables() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            try Database(path: path).close()

            let reader = try Database(path: path, options: .init(mode: .readOnly))
            defer { try? reader.close() }
            let error = #expect(throws: MigrationError.self) {
                try Migrator([NotesMigrations.v1, NotesMigrations.v2]).migrate(reader)
            }
            #expect(error?.code == .migrationRequired(found: 0, latest: 2))
            #expect(try reader.scalar(sql: "SELECT count(*) FROM sqlite_master") == 0)
        }
    }

    @Test func aReadOnlyNewerDatabaseIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let writer = try Database(path: path)
            try Migrator([NotesMigrations.v1, NotesMigrations.v2]).migrate(writer)
            try writer.close()

            let reader = try Database(path: path, options: .init(mode: .readOnly))
            defer { try? reader.close() }
            let error = #expect(throws: MigrationError.self) {
                try Migrator([NotesMigrations.v1]).migrate(reader)
            }
            #expect(error?.code == .storeTooNew(found: 2, supported: 1))
        }
    }

    @Test func registeringAddsMigrationsInOrder() {
        var migrator = Migrator()
        #expect(migrator.latestVersion == 0)
        migrator.registerMigration(version: 1, name: "first") { _ in }
        migrator.registerMigration(version: 5, name: "fifth") { _ in }
        #expect(migrator.migrations.map(\.version) == [1, 5])
        #expect(migrator.latestVersion == 5)
    }

    @Test func errorsNameTheVersions() {
        let tooNew = MigrationError(code: .storeTooNew(found: 3, supported: 2))
        #expect(tooNew.description.contains("version 3"))
        #expect(tooNew.description.contains("2"))
        let failed = MigrationError(code: .migrationFailed(version: 4, name: "x"), underlyingError: BrokenMigration())
        #expect(failed.description.contains("Migration 4 (x) failed"))
    }
}
