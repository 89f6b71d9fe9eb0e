import Testing
import VennSQLite

private struct Cancelled: Error, Equatable {}

struct TransactionTests {
    private static func makeDatabase() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t (n INTEGER)")
        return db
    }

    @Test(arguments: [Database.TransactionKind.deferred, .immediate, .exclusive])
    func aTransactionCommitsWhenItsBodyReturns(kind: Database.TransactionKind) throws {
        let db = try Self.makeDatabase()
        defer { try? db.close() }

        let result = try db.withTransaction(kind) {
            #expect(db.isInsideTransaction)
            try db.execute(sql: "INSERT INTO t VALUES (1)")
            return "done"
        }
        #expect(result == "done")
        #expect(!db.isInsideTransaction)
        #expect(try db.scalar(sql: "SELECT count(*) FROM t") == 1)
    }

    @Test func aTransactionRollsBackAndRethrowsWhenItsBodyThrows() throws {
        let db = try Self.makeDatabase()
        defer { try? db.close() }

        #expect(throws: Cancelled()) {
            try db.withTransaction {
                try db.execute(sql: "INSERT INTO t VALUES (1)")
                throw Cancelled()
            }
        }
        #expect(!db.isInsideTransaction)
        #expect(try db.scalar(sql: "SELECT count(*) FROM t") == 0)
    }

    @Test func aFailedCommitRollsBack() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: """
            CREATE TABLE parents (id INTEGER PRIMARY KEY);
            CREATE TABLE children (
                parent_id INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED
            );
            """)

        // A deferred foreign key is checked only at COMMIT.
        let error = #expect(throws: SQLiteError.self) {
            try db.withTransaction {
                try db.execute(sql: "INSERT INTO children VALUES (1)")
            }
        }
        #expect(error?.matches(.constraintForeignKey) == true)
        #expect(!db.isInsideTransaction)
        #expect(try db.scalar(sql: "SELECT count(*) FROM children") == 0)
    }

    @Test func aBusyDatabaseFailsAtBeginWithoutRunningTheBody() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let writer = try Database(path: path)
            defer { try? writer.close() }
            let other = try Database(path: path, options: .init(busyTimeout: .zero))
            defer { try? other.close() }

            try writer.execute(sql: "BEGIN IMMEDIATE")
            var ran = false
            let error = #expect(throws: SQLiteError.self) {
                try other.withTransaction { ran = true }
            }
            #expect(error?.isBusy == true)
            #expect(!ran)
            #expect(!other.isInsideTransaction)
            try writer.execute(sql: "ROLLBACK")
        }
    }
}
