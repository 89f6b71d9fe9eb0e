import CSQLite
import Foundation
import Testing
@testable import VennSQLite

struct DatabaseOpeningTests {
    @Test func creatingMakesTheDatabaseAndItsJournalFilesOwnerOnly() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let db = try Database(path: path)
            try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')")

            // The -wal and -shm files exist while the connection is open.
            #expect(try permissions(of: path) == 0o600)
            #expect(try permissions(of: path + "-wal") == 0o600)
            #expect(try permissions(of: path + "-shm") == 0o600)
            try db.close()
        }
    }

    @Test func openingAnExistingFileLeavesItsPermissions() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            try writeFile(path, bytes: [])
            chmod(path, 0o640)

            let db = try Database(path: path)
            try db.execute(sql: "CREATE TABLE notes (body TEXT)")
            try db.close()
            #expect(try permissions(of: path) == 0o640)
        }
    }

    @Test(arguments: [
        (Database.OpenOptions.JournalMode.wal, "wal"),
        (.delete, "delete"),
    ])
    func journalModeIsApplied(mode: Database.OpenOptions.JournalMode, expected: String) throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite", options: .init(journal: mode))
            defer { try? db.close() }
            #expect(try db.scalar(sql: "PRAGMA journal_mode") == .text(expected))
        }
    }

    @Test func writeAheadLoggingIsTheDefault() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite")
            defer { try? db.close() }
            #expect(try db.scalar(sql: "PRAGMA journal_mode") == "wal")
        }
    }

    @Test(arguments: [
        (Database.OpenOptions.Synchronous.full, Int64(2)),
        (.normal, 1),
    ])
    func synchronousIsApplied(setting: Database.OpenOptions.Synchronous, expected: Int64) throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite", options: .init(synchronous: setting))
            defer { try? db.close() }
            #expect(try db.scalar(sql: "PRAGMA synchronous") == .integer(expected))
        }
    }

    @Test func synchronousIsFullByDefault() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite")
            defer { try? db.close() }
            #expect(try db.scalar(sql: "PRAGMA synchronous") == 2)
        }
    }

    @Test func foreignKeysAreEnforcedByDefault() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite")
            defer { try? db.close() }
            try db.execute(sql: """
                CREATE TABLE groups (id INTEGER PRIMARY KEY);
                CREATE TABLE members (id INTEGER PRIMARY KEY, group_id INTEGER REFERENCES groups(id));
                """)

            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: "INSERT INTO members (group_id) VALUES (?)", arguments: [7])
            }
            #expect(error?.isConstraint == true)
            #expect(error?.matches(.constraintForeignKey) == true)
        }
    }

    @Test func foreignKeysCanBeTurnedOff() throws {
        try withTemporaryDirectory { directory in
            let db = try Database(path: directory + "/store.sqlite", options: .init(foreignKeys: false))
            defer { try? db.close() }
            try db.execute(sql: """
                CREATE TABLE groups (id INTEGER PRIMARY KEY);
                CREATE TABLE members (id INTEGER PRIMARY KEY, group_id INTEGER REFERENCES groups(id));
                INSERT INTO members (group_id) VALUES (7);
                """)
            #expect(try db.scalar(sql: "PRAGMA foreign_keys") == 0)
        }
    }

    @Test(arguments: [
        (Duration.seconds(5), Int64(5000)),
        (.milliseconds(250), 250),
        (.zero, 0),
    ])
    func busyTimeoutIsApplied(timeout: Duration, milliseconds: Int64) throws {
        let db = try Database(path: ":memory:", options: .init(busyTimeout: timeout))
        defer { try? db.close() }
        #expect(try db.scalar(sql: "PRAGMA busy_timeout") == .integer(milliseconds))
    }

    @Test func aLockedDatabaseReportsBusy() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let writer = try Database(path: path)
            defer { try? writer.close() }
            let other = try Database(path: path, options: .init(busyTimeout: .zero))
            defer { try? other.close() }

            try writer.execute(sql: "BEGIN IMMEDIATE")
            let error = #expect(throws: SQLiteError.self) {
                try other.execute(sql: "BEGIN IMMEDIATE")
            }
            #expect(error?.isBusy == true)
            try writer.execute(sql: "COMMIT")
        }
    }

    @Test(arguments: [Database.OpenOptions.Mode.readOnly, .readWrite, .readWriteCreate])
    func aFileThatIsNotADatabaseFailsAtOpen(mode: Database.OpenOptions.Mode) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/notes.txt"
            var generator = SystemRandomNumberGenerator()
            try writeFile(path, bytes: (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })

            let error = #expect(throws: SQLiteError.self) {
                _ = try Database(path: path, options: .init(mode: mode))
            }
            #expect(error?.isNotADatabase == true)
            #expect(error?.path == path)
        }
    }

    /// A place where no database can be opened, and the mode to try.
    struct UnopenableCase: Sendable, CustomStringConvertible {
        var description: String
        var relativePath: String
        var mode: Database.OpenOptions.Mode
        /// Makes the obstacle, if any, inside the test directory.
        var prepare: @Sendable (String) throws -> Void = { _ in }
    }

    @Test(arguments: [
        UnopenableCase(
            description: "directory does not exist",
            relativePath: "missing/store.sqlite",
            mode: .readWriteCreate
        ),
        UnopenableCase(
            description: "parent is a regular file",
            relativePath: "plain/store.sqlite",
            mode: .readWriteCreate,
            prepare: { try writeFile($0 + "/plain", bytes: [1, 2, 3]) }
        ),
        UnopenableCase(
            description: "path is a directory",
            relativePath: "folder",
            mode: .readWriteCreate,
            prepare: { _ = mkdir($0 + "/folder", 0o700) }
        ),
        UnopenableCase(description: "absent, read-write", relativePath: "store.sqlite", mode: .readWrite),
        UnopenableCase(description: "absent, read-only", relativePath: "store.sqlite", mode: .readOnly),
    ])
    func unopenablePathsFailWithCantOpen(_ testCase: UnopenableCase) throws {
        try withTemporaryDirectory { directory in
            try testCase.prepare(directory)
            let path = directory + "/" + testCase.relativePath

            let error = #expect(throws: SQLiteError.self) {
                _ = try Database(path: path, options: .init(mode: testCase.mode))
            }
            #expect(error?.isCantOpen == true)
            #expect(error?.path == path)
            if testCase.mode != .readWriteCreate {
                #expect(!fileExists(path))
            }
        }
    }

    @Test func aReadOnlyDirectoryRefusesCreationUnlessRoot() throws {
        try withTemporaryDirectory { directory in
            let locked = directory + "/locked"
            mkdir(locked, 0o700)
            chmod(locked, 0o500)
            defer { chmod(locked, 0o700) }
            let path = locked + "/store.sqlite"

            if geteuid() == 0 {
                // Root ignores the directory's mode; the file must still be
                // private.
                let db = try Database(path: path)
                try db.close()
                #expect(try permissions(of: path) == 0o600)
            } else {
                let error = #expect(throws: SQLiteError.self) {
                    _ = try Database(path: path)
                }
                #expect(error?.isCantOpen == true)
                #expect(error?.message.contains("Permission denied") == true)
                #expect(!fileExists(path))
            }
        }
    }

    @Test func aReadOnlyConnectionRefusesWrites() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let writer = try Database(path: path)
            try writer.execute(sql: "CREATE TABLE notes (body TEXT)")
            try writer.close()

            let reader = try Database(path: path, options: .init(mode: .readOnly))
            defer { try? reader.close() }
            #expect(reader.isReadOnly)
            let error = #expect(throws: SQLiteError.self) {
                try reader.execute(sql: "INSERT INTO notes VALUES ('x')")
            }
            #expect(error?.isReadOnly == true)
        }
    }

    @Test func anInMemoryDatabaseOpens() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        #expect(!db.isReadOnly)
        #expect(try db.scalar(sql: "PRAGMA journal_mode") == "memory")
    }

    @Test func closingTwiceIsHarmless() throws {
        let db = try Database(path: ":memory:")
        #expect(!db.isClosed)
        try db.close()
        try db.close()
        #expect(db.isClosed)
    }
}
