import Testing
import VennSQLite

/// The text a child process wrote to standard error.
private func standardError(_ result: ExitTest.Result) -> String {
    String(decoding: result.standardErrorContent, as: UTF8.self)
}

/// Misuse that the wrapper traps instead of throwing. Each case runs in a
/// child process (an exit test), which must crash with the expected message.
struct ProgrammingErrorTests {
    @Test func bindingTheWrongNumberOfArgumentsTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            _ = try db.scalar(sql: "SELECT ?, ?", arguments: [1])
        }
        #expect(result.map(standardError)?.contains("Statement expects 2 arguments, got 1") == true)
    }

    @Test func aNestedTransactionTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            try db.withTransaction {
                try db.withTransaction {}
            }
        }
        #expect(result.map(standardError)?.contains("withTransaction called inside a transaction") == true)
    }

    @Test func aStatementUsedAfterCloseTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            let statement = try db.prepare(sql: "SELECT 1")
            try db.close()
            _ = try statement.step()
        }
        #expect(result.map(standardError)?.contains("Statement used after its database was closed") == true)
    }

    @Test func aDatabaseUsedAfterCloseTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            try db.close()
            try db.execute(sql: "SELECT 1")
        }
        #expect(result.map(standardError)?.contains("Database used after close()") == true)
    }

    @Test func readingAColumnWithoutARowTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            let statement = try db.prepare(sql: "SELECT 1")
            _ = statement.int64(at: 0)
        }
        #expect(result.map(standardError)?.contains("Column read without a current row") == true)
    }

    @Test func readingAColumnOutOfRangeTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            let statement = try db.prepare(sql: "SELECT 1")
            _ = try statement.step()
            _ = statement.int64(at: 1)
        }
        #expect(result.map(standardError)?.contains("Column 1 out of range 0..<1") == true)
    }

    @Test func preparingSeveralStatementsTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            _ = try db.prepare(sql: "SELECT 1; SELECT 2")
        }
        #expect(result.map(standardError)?.contains("Several SQL statements where one is expected") == true)
    }

    @Test func preparingNoStatementTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            _ = try db.prepare(sql: "  -- nothing")
        }
        #expect(result.map(standardError)?.contains("No SQL statement in") == true)
    }

    @Test func aMissingColumnNameTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let row = Row(columnNames: ["a"], values: [1])
            _ = row["b"]
        }
        #expect(result.map(standardError)?.contains("No column \"b\"") == true)
    }

    @Test func registeringMigrationsOutOfOrderTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var migrator = Migrator()
            migrator.registerMigration(version: 2, name: "second") { _ in }
            migrator.registerMigration(version: 1, name: "first") { _ in }
        }
        #expect(result.map(standardError)?.contains("Migration 1 registered after version 2") == true)
    }
}
