import CSQLite
import Testing
@testable import VennSQLite

/// The number of statements SQLite has not finalized on `db`.
private func unfinalizedStatementCount(_ db: Database) throws -> Int {
    let connection = try #require(db.handle)
    var count = 0
    var statement = sqlite3_next_stmt(connection, nil)
    while let current = statement {
        count += 1
        statement = sqlite3_next_stmt(connection, current)
    }
    return count
}

struct StatementTests {
    static let storedValues: [SQLiteValue] = [
        .null,
        .integer(0),
        .integer(-1),
        .integer(.max),
        .integer(.min),
        .real(3.25),
        .real(-0.5e-300),
        .real(.greatestFiniteMagnitude),
        .text(""),
        .text("Tur i parken"),
        .text("Æøå ÆØÅ – ☕️ 👩🏽‍🦳 日本語"),
        .text("before\u{0}after"),
        .blob([]),
        .blob([0, 1, 127, 128, 255]),
    ]

    @Test(arguments: storedValues)
    func valuesRoundTripThroughATable(value: SQLiteValue) throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        // A column without a declared type keeps every value as bound.
        try db.execute(sql: "CREATE TABLE t (v)")
        try db.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: [value])

        let rows = try db.query(sql: "SELECT v FROM t")
        #expect(rows.map(\.values) == [[value]])
    }

    @Test(arguments: storedValues)
    func valuesRoundTripThroughAParameter(value: SQLiteValue) throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        #expect(try db.scalar(sql: "SELECT ?", arguments: [value]) == value)
    }

    @Test func largeBlobsRoundTrip() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try db.execute(sql: "CREATE TABLE t (v BLOB)")
        try db.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: [.blob(bytes)])
        #expect(try db.scalar(sql: "SELECT v FROM t") == .blob(bytes))
    }

    @Test func emptyTextEmptyBlobAndNullStayDistinct() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        let row = try #require(
            try db.query(
                sql: "SELECT typeof(?), typeof(?), typeof(?)",
                arguments: [.text(""), .blob([]), .null]
            ).first
        )
        #expect(row.values == ["text", "blob", "null"])
    }

    @Test func typedAccessorsConvertLikeSQLite() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        let statement = try db.prepare(sql: "SELECT 42, NULL, '7.5', x'6869'")
        #expect(try statement.step())

        // Read the stored value before converting: a conversion may change it.
        #expect(statement.value(at: 3) == .blob([0x68, 0x69]))
        #expect(statement.int64(at: 0) == 42)
        #expect(statement.double(at: 0) == 42)
        #expect(statement.text(at: 0) == "42")
        #expect(statement.isNull(at: 1))
        #expect(statement.int64(at: 1) == 0)
        #expect(statement.text(at: 1) == "")
        #expect(statement.blob(at: 1) == [])
        #expect(statement.double(at: 2) == 7.5)
        #expect(statement.text(at: 3) == "hi")
        #expect(try !statement.step())
    }

    @Test func columnsHaveNamesAndACount() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        let statement = try db.prepare(sql: "SELECT 1 AS id, 'x' AS Name")
        #expect(statement.columnCount == 2)
        #expect(statement.columnName(at: 0) == "id")
        #expect(statement.columnName(at: 1) == "Name")
        #expect(statement.parameterCount == 0)
    }

    @Test func steppingVisitsEveryRowInOrder() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: "CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (3), (1), (2)")

        let statement = try db.prepare(sql: "SELECT n FROM t WHERE n >= ? ORDER BY n")
        statement.bind([2])
        var seen: [Int64] = []
        while try statement.step() {
            seen.append(statement.int64(at: 0))
        }
        #expect(seen == [2, 3])
    }

    @Test func executeRunsEveryStatementOfAScript() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: """
            -- Two tables and a row.
            CREATE TABLE a (x);
            CREATE TABLE b (y);;
            INSERT INTO a VALUES (1);
            /* trailing comment */
            """)
        #expect(try db.scalar(sql: "SELECT count(*) FROM sqlite_master") == 2)
        #expect(try db.scalar(sql: "SELECT x FROM a") == 1)
    }

    @Test func aScriptStopsAtItsFirstFailingStatement() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL)")

        let error = #expect(throws: SQLiteError.self) {
            try db.execute(sql: """
                INSERT INTO t VALUES (1);
                INSERT INTO t VALUES (NULL);
                INSERT INTO t VALUES (3);
                """)
        }
        #expect(error?.matches(.constraintNotNull) == true)
        #expect(error?.sql == "INSERT INTO t VALUES (NULL);")
        #expect(try db.query(sql: "SELECT n FROM t").map(\.values) == [[1]])
    }

    @Test func invalidSQLThrowsWithTheSQL() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        let error = #expect(throws: SQLiteError.self) {
            _ = try db.prepare(sql: "SELECT * FROM missing")
        }
        #expect(error?.primaryCode == SQLITE_ERROR)
        #expect(error?.message == "no such table: missing")
        #expect(error?.sql == "SELECT * FROM missing")
    }

    @Test func lastInsertRowIDAndChangesDescribeTheLastWrite() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)")
        try db.execute(sql: "INSERT INTO t (id, n) VALUES (?, ?)", arguments: [41, 0])
        #expect(db.lastInsertRowID == 41)
        try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [0])
        #expect(db.lastInsertRowID == 42)

        try db.execute(sql: "UPDATE t SET n = ?", arguments: [5])
        #expect(db.changes == 2)
        #expect(db.totalChanges == 4)
    }

    @Test func aStatementRunsAgainAfterAnError() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY)")
        let insert = try db.cachedStatement(sql: "INSERT INTO t (id) VALUES (?)")

        try insert.execute(arguments: [1])
        let error = #expect(throws: SQLiteError.self) {
            try insert.execute(arguments: [1])
        }
        #expect(error?.matches(.constraintPrimaryKey) == true)
        try insert.execute(arguments: [2])
        #expect(try db.scalar(sql: "SELECT count(*) FROM t") == 2)
    }

    @Test func cachedStatementsAreReused() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        let first = try db.cachedStatement(sql: "SELECT ?")
        #expect(try first.scalar(arguments: [1]) == 1)
        let second = try db.cachedStatement(sql: "SELECT ?")
        #expect(first === second)
        #expect(try db.cachedStatement(sql: "SELECT ? + 1") !== first)
        #expect(try unfinalizedStatementCount(db) == 2)
    }

    @Test func oneOffStatementsAreFinalizedOnceReleased() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: "CREATE TABLE t (n); INSERT INTO t VALUES (1), (2)")
        _ = try db.query(sql: "SELECT n FROM t")
        _ = try db.scalar(sql: "SELECT n FROM t")
        try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [3])
        do {
            let statement = try db.prepare(sql: "SELECT n FROM t")
            #expect(try statement.step())
            #expect(try unfinalizedStatementCount(db) == 1)
        }
        #expect(try unfinalizedStatementCount(db) == 0)
        #expect(db.liveStatements.isEmpty)
    }

    @Test func closingFinalizesStatementsACallerStillHolds() throws {
        let db = try Database(path: ":memory:")
        let held = try db.prepare(sql: "SELECT 1")
        #expect(try held.step())
        let cached = try db.cachedStatement(sql: "SELECT 2")

        // sqlite3_close (not close_v2) refuses to close while a statement
        // is unfinalized, so a successful close proves none leaked.
        try withExtendedLifetime((held, cached)) {
            try db.close()
        }
        #expect(db.isClosed)
    }
}
