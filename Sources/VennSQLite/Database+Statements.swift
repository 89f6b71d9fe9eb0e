import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Database {
    /// Prepares one SQL statement.
    ///
    /// - Parameter sql: Exactly one statement; a trailing `;` is fine.
    /// - Returns: The statement, finalized when released or when the
    ///   database closes.
    /// - Throws: `SQLiteError` when SQLite rejects the SQL, for example for
    ///   a syntax error or an unknown table.
    /// - Precondition: `sql` holds one statement, not zero or several.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/prepare.html>
    public func prepare(sql: String) throws -> Statement {
        try makeStatement(sql: sql, persistent: false)
    }

    /// Returns a statement prepared once per connection and kept for reuse.
    ///
    /// Use it for SQL that runs often; the statement is prepared with
    /// `SQLITE_PREPARE_PERSISTENT`. The cache grows with each distinct SQL
    /// string, so build the SQL from constants, not from data.
    ///
    /// - Warning: Every call for the same SQL returns the same statement and
    ///   resets it. Finish with one use (step to the end or reset) before the
    ///   next call with that SQL, or the first use loses its place.
    ///
    /// - Parameter sql: Exactly one statement.
    /// - Returns: The cached statement, reset and ready for `bind(_:)`.
    /// - Throws: `SQLiteError` when SQLite rejects the SQL.
    /// - Precondition: `sql` holds one statement.
    public func cachedStatement(sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try makeStatement(sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// Runs SQL that returns no rows the caller needs.
    ///
    /// Without arguments, `sql` may hold several statements separated by
    /// `;`, run in order until one fails. With arguments it must hold one.
    ///
    /// - Parameters:
    ///   - sql: The SQL to run.
    ///   - arguments: Values for the `?` parameters, in order.
    /// - Throws: `SQLiteError` from the first statement that fails; the
    ///   statements before it stay applied unless a transaction undoes them.
    public func execute(sql: String, arguments: [SQLiteValue] = []) throws {
        if !arguments.isEmpty {
            try prepare(sql: sql).execute(arguments: arguments)
            return
        }
        try forEachStatement(in: sql) { statement in
            try statement.execute()
        }
    }

    /// Runs a query and returns all its rows.
    ///
    /// - Parameters:
    ///   - sql: One statement.
    ///   - arguments: Values for the `?` parameters, in order.
    /// - Returns: The rows.
    /// - Throws: `SQLiteError` from SQLite.
    public func query(sql: String, arguments: [SQLiteValue] = []) throws -> [Row] {
        try prepare(sql: sql).query(arguments: arguments)
    }

    /// Runs a query and returns the first column of its first row.
    ///
    /// - Parameters:
    ///   - sql: One statement.
    ///   - arguments: Values for the `?` parameters, in order.
    /// - Returns: The value, or nil when the query returns no row.
    /// - Throws: `SQLiteError` from SQLite.
    public func scalar(sql: String, arguments: [SQLiteValue] = []) throws -> SQLiteValue? {
        try prepare(sql: sql).scalar(arguments: arguments)
    }

    /// The rowid of the most recent successful `INSERT` on this connection.
    ///
    /// Related SQLite documentation:
    /// <https://www.sqlite.org/c3ref/last_insert_rowid.html>
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(connection)
    }

    /// The number of rows changed by the most recent `INSERT`, `UPDATE` or
    /// `DELETE` on this connection.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/changes.html>
    public var changes: Int {
        Int(sqlite3_changes64(connection))
    }

    /// The number of rows changed since the connection opened.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/total_changes.html>
    public var totalChanges: Int {
        Int(sqlite3_total_changes64(connection))
    }
}

// MARK: - Preparing

extension Database {
    /// Prepares the single statement in `sql`.
    private func makeStatement(sql: String, persistent: Bool) throws -> Statement {
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0

        return try sql.withCString { start in
            let end = start + strlen(start)
            guard let (handle, tail) = try prepareNext(start, end: end, flags: flags, sql: sql) else {
                preconditionFailure("No SQL statement in \"\(sql)\"")
            }
            let statement = Statement(database: self, handle: handle, sql: sql)

            // A second statement would be silently ignored; refuse it.
            if let (extra, _) = try prepareNext(tail, end: end, flags: 0, sql: sql) {
                sqlite3_finalize(extra)
                preconditionFailure("Several SQL statements where one is expected: \(sql)")
            }
            return statement
        }
    }

    /// Prepares and hands over each statement of `sql` in turn.
    private func forEachStatement(in sql: String, _ body: (Statement) throws -> Void) throws {
        try sql.withCString { start in
            let end = start + strlen(start)
            var next = start
            while let (handle, tail) = try prepareNext(next, end: end, flags: 0, sql: sql) {
                let text = sqlite3_sql(handle).map { String(cString: $0) }.map(Self.trimmed) ?? sql
                try body(Statement(database: self, handle: handle, sql: text))
                next = tail
            }
        }
    }

    /// `sql` without leading and trailing whitespace.
    private static func trimmed(_ sql: String) -> String {
        String(sql.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// Prepares the first statement in `start..<end`, where `end` points at
    /// the terminating NUL.
    ///
    /// - Returns: The statement and where the rest of the SQL begins, or nil
    ///   when only whitespace and comments remain.
    private func prepareNext(
        _ start: UnsafePointer<CChar>,
        end: UnsafePointer<CChar>,
        flags: UInt32,
        sql: String
    ) throws -> (SQLiteStatement, UnsafePointer<CChar>)? {
        let connection = connection
        var next = start
        while next < end {
            var handle: SQLiteStatement?
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(
                connection,
                next,
                // Counting the terminating NUL lets SQLite skip a copy.
                Int32(clamping: end - next + 1),
                flags,
                &handle,
                &tail
            )
            guard code == SQLITE_OK else {
                throw SQLiteError.make(code: code, connection: connection, sql: sql)
            }
            guard let tail, tail > next else { return nil }
            if let handle {
                return (handle, tail)
            }

            // A lone ";" yields no statement but does advance the tail.
            next = tail
        }
        return nil
    }
}
