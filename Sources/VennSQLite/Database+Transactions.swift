import CSQLite

extension Database {
    /// When a transaction takes its locks.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/lang_transaction.html>
    public enum TransactionKind: Sendable, Hashable {
        /// Takes the read lock at the first read and the write lock at the
        /// first write, which may then fail with `SQLITE_BUSY`.
        case deferred
        /// Takes the write lock at `BEGIN`, so a busy database fails there,
        /// before any work is done. The right choice for transactions that
        /// write.
        case immediate
        /// Like `immediate`; in rollback-journal mode it also keeps readers
        /// out.
        case exclusive

        var beginSQL: String {
            switch self {
            case .deferred: "BEGIN DEFERRED TRANSACTION"
            case .immediate: "BEGIN IMMEDIATE TRANSACTION"
            case .exclusive: "BEGIN EXCLUSIVE TRANSACTION"
            }
        }
    }

    /// Whether a transaction is open on this connection.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/get_autocommit.html>
    public var isInsideTransaction: Bool {
        sqlite3_get_autocommit(connection) == 0
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when
    /// it throws.
    ///
    /// ```swift
    /// let id = try db.withTransaction {
    ///     try db.execute(sql: "INSERT INTO notes (body) VALUES (?)", arguments: ["Kaffe"])
    ///     return db.lastInsertRowID
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - kind: When the transaction takes its locks; `.immediate` by
    ///     default.
    ///   - body: The work to do; it uses the database directly.
    /// - Returns: What `body` returns.
    /// - Throws: The error `body` throws, after the rollback; or an
    ///   `SQLiteError` when `BEGIN` or `COMMIT` fails (a failed commit is
    ///   rolled back too).
    /// - Precondition: No transaction is open; transactions do not nest.
    public func withTransaction<T>(
        _ kind: TransactionKind = .immediate,
        _ body: () throws -> T
    ) throws -> T {
        precondition(!isInsideTransaction, "withTransaction called inside a transaction")
        try cachedStatement(sql: kind.beginSQL).execute()

        do {
            let result = try body()
            try cachedStatement(sql: "COMMIT TRANSACTION").execute()
            return result
        } catch {
            // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) already rolled the
            // transaction back. A failing ROLLBACK is not reported: the
            // caller needs the error that caused it.
            if isInsideTransaction {
                try? cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
            }
            throw error
        }
    }
}
