import CSQLite
import Testing
import VennSQLite

struct SQLiteErrorTests {
    @Test func theDescriptionShowsCodeMessageAndSQLButNoArguments() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: "CREATE TABLE people (name TEXT UNIQUE)")
        try db.execute(sql: "INSERT INTO people VALUES (?)", arguments: ["Secret Person"])

        let error = #expect(throws: SQLiteError.self) {
            try db.execute(sql: "INSERT INTO people VALUES (?)", arguments: ["Secret Person"])
        }
        let description = try #require(error?.description)
        #expect(description == """
            SQLite error 2067: UNIQUE constraint failed: people.name \
            - while executing `INSERT INTO people VALUES (?)`
            """)
        #expect(!description.contains("Secret"))
    }

    @Test func theDescriptionNamesTheDatabasePath() {
        let error = SQLiteError(code: SQLITE_CANTOPEN, message: "unable to open database file", path: "/x/y.sqlite")
        #expect(error.description == "SQLite error 14: unable to open database file - database: /x/y.sqlite")
    }

    @Test(arguments: [
        (SQLiteError.ResultCode.constraint, true),
        (.constraintUnique, true),
        (.constraintForeignKey, false),
        (.busy, false),
    ])
    func primaryCodesMatchTheirExtendedCodes(pattern: SQLiteError.ResultCode, matches: Bool) {
        let error = SQLiteError(code: SQLiteError.ResultCode.constraintUnique.rawValue, message: "")
        #expect(error.primaryCode == SQLITE_CONSTRAINT)
        #expect(error.matches(pattern) == matches)
        #expect((pattern ~= error) == matches)
    }

    @Test func codesMatchInCatchClauses() throws {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL)")

        var caught = ""
        do {
            try db.execute(sql: "INSERT INTO t VALUES (NULL)")
        } catch SQLiteError.ResultCode.constraintUnique {
            caught = "unique"
        } catch SQLiteError.ResultCode.constraintNotNull {
            caught = "not null"
        }
        #expect(caught == "not null")
    }

    @Test func otherErrorsNeverMatch() {
        struct Other: Error {}
        #expect(!(SQLiteError.ResultCode.error ~= Other()))
    }
}
