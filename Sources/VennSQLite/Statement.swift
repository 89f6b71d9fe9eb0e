import CSQLite

/// A raw prepared statement handle (`sqlite3_stmt *`).
typealias SQLiteStatement = OpaquePointer

/// A prepared SQL statement.
///
/// Make one with `Database.prepare(sql:)`, or reuse one with
/// `Database.cachedStatement(sql:)`. Bind arguments, then step through the
/// rows and read the columns of each:
///
/// ```swift
/// let statement = try db.prepare(sql: "SELECT id, name FROM volunteers WHERE town = ?")
/// statement.bind(["Bodø"])
/// while try statement.step() {
///     print(statement.int64(at: 0), statement.text(at: 1))
/// }
/// ```
///
/// The typed column accessors convert values by SQLite's rules, and a
/// conversion may change the stored value for the rest of the row: call
/// `value(at:)` before them, not after.
///
/// `execute(arguments:)`, `query(arguments:)` and `scalar(arguments:)` do
/// the binding and stepping in one call, and reset the statement afterwards.
///
/// - Note: The statement is finalized when it is released, or when its
///   database closes; using it after its database closed traps.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/stmt.html>
public final class Statement {
    /// The SQL text of the statement.
    public let sql: String

    /// The database that prepared the statement. Valid while `handle` is not
    /// nil: the database finalizes its statements before it goes away.
    private unowned let database: Database

    /// The prepared statement; nil once finalized.
    private var handle: SQLiteStatement?

    /// Whether the last `step()` returned a row, so columns may be read.
    private var isOnRow = false

    /// Wraps a statement prepared on `database` and registers it there.
    init(database: Database, handle: SQLiteStatement, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
        database.liveStatements[ObjectIdentifier(self)] = Unmanaged.passUnretained(self)
    }

    deinit {
        guard let handle else { return }
        sqlite3_finalize(handle)
        database.liveStatements[ObjectIdentifier(self)] = nil
    }

    /// Finalizes the statement without deregistering it; the database calls
    /// this when it closes and empties its registry itself.
    func finalize() {
        guard let handle else { return }
        sqlite3_finalize(handle)
        self.handle = nil
        isOnRow = false
    }

    /// The live handle.
    ///
    /// - Precondition: The statement's database is not closed.
    private var statement: SQLiteStatement {
        guard let handle else {
            preconditionFailure("Statement used after its database was closed: \(sql)")
        }
        return handle
    }
}

// One owner, like the database that prepared it.
@available(*, unavailable)
extension Statement: Sendable {}

// MARK: - Binding and stepping

extension Statement {
    /// The number of `?` parameters in the SQL.
    ///
    /// Related SQLite documentation:
    /// <https://www.sqlite.org/c3ref/bind_parameter_count.html>
    public var parameterCount: Int {
        Int(sqlite3_bind_parameter_count(statement))
    }

    /// Resets the statement and binds `arguments` to its parameters in order.
    ///
    /// Text and blobs are copied (`SQLITE_TRANSIENT`), so the arguments need
    /// not outlive the call.
    ///
    /// - Parameter arguments: One value per parameter.
    /// - Precondition: `arguments` has exactly `parameterCount` values, and
    ///   SQLite accepts each binding. A mismatch is a programming error.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/bind_blob.html>
    public func bind(_ arguments: [SQLiteValue]) {
        let statement = statement

        // Validate.
        let count = Int(sqlite3_bind_parameter_count(statement))
        precondition(
            arguments.count == count,
            "Statement expects \(count) arguments, got \(arguments.count): \(sql)"
        )

        // Reset and bind.
        reset()
        sqlite3_clear_bindings(statement)
        for (offset, value) in arguments.enumerated() {
            let code = Self.bind(value, at: Int32(offset + 1), to: statement)
            guard code == SQLITE_OK else {
                // Binding fails only for a wrong index or an oversized value:
                // both are programming errors, as in GRDB.
                let connection = sqlite3_db_handle(statement)
                let error = SQLiteError.make(code: code, connection: connection, sql: sql)
                fatalError("Binding argument \(offset + 1) failed: \(error)")
            }
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    private static func bind(
        _ value: SQLiteValue,
        at index: Int32,
        to statement: SQLiteStatement
    ) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let integer):
            return sqlite3_bind_int64(statement, index, integer)
        case .real(let real):
            return sqlite3_bind_double(statement, index, real)
        case .text(var text):
            // A null pointer would bind NULL, hence the literal for "".
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(statement, index, "", 0, csqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                    sqlite3_bind_text64(
                        statement,
                        index,
                        text,
                        UInt64(bytes.count),
                        csqlite_transient(),
                        UInt8(SQLITE_UTF8)
                    )
                }
            }
        case .blob(let blob):
            // A null pointer would bind NULL, hence zeroblob for no bytes.
            return blob.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_zeroblob(statement, index, 0)
                }
                return sqlite3_bind_blob64(
                    statement,
                    index,
                    base,
                    UInt64(bytes.count),
                    csqlite_transient()
                )
            }
        }
    }

    /// Moves to the next row.
    ///
    /// After an error the statement is reset, so it can run again.
    ///
    /// - Returns: `true` when a row is available, `false` when the statement
    ///   has finished.
    /// - Throws: `SQLiteError` from SQLite, for example `isBusy` or
    ///   `isConstraint`.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/step.html>
    public func step() throws -> Bool {
        let statement = statement
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW:
            isOnRow = true
            return true
        case SQLITE_DONE:
            isOnRow = false
            return false
        default:
            isOnRow = false
            let connection = sqlite3_db_handle(statement)
            let error = SQLiteError.make(code: code, connection: connection, sql: sql)
            sqlite3_reset(statement)
            throw error
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    ///
    /// Resetting also releases the read lock that a statement stopped before
    /// its last row holds.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/reset.html>
    public func reset() {
        // The return value repeats the last step's error, already thrown.
        sqlite3_reset(statement)
        isOnRow = false
    }
}

// MARK: - Running

extension Statement {
    /// Binds `arguments`, runs the statement to completion, and resets it.
    ///
    /// Rows the statement returns are skipped.
    ///
    /// - Parameter arguments: One value per parameter.
    /// - Throws: `SQLiteError` from SQLite.
    public func execute(arguments: [SQLiteValue] = []) throws {
        bind(arguments)
        defer { reset() }
        while try step() {}
    }

    /// Binds `arguments`, collects every row, and resets the statement.
    ///
    /// - Parameter arguments: One value per parameter.
    /// - Returns: The rows, in the order SQLite returned them.
    /// - Throws: `SQLiteError` from SQLite.
    public func query(arguments: [SQLiteValue] = []) throws -> [Row] {
        bind(arguments)
        defer { reset() }

        let columns = Row.Columns(names: (0..<columnCount).map(columnName(at:)))
        var rows: [Row] = []
        while try step() {
            let values = (0..<columns.names.count).map(value(at:))
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    /// Binds `arguments` and returns the first column of the first row.
    ///
    /// - Parameter arguments: One value per parameter.
    /// - Returns: The value, or nil when there is no row.
    /// - Throws: `SQLiteError` from SQLite.
    public func scalar(arguments: [SQLiteValue] = []) throws -> SQLiteValue? {
        bind(arguments)
        defer { reset() }
        return try step() ? value(at: 0) : nil
    }
}

// MARK: - Columns

extension Statement {
    /// The number of columns in each row; zero for statements that return
    /// no data.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/column_count.html>
    public var columnCount: Int {
        Int(sqlite3_column_count(statement))
    }

    /// The name of a result column: its `AS` alias, or else a name SQLite
    /// chooses.
    ///
    /// - Parameter index: The 0-based column.
    /// - Precondition: `index` is in `0..<columnCount`.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/column_name.html>
    public func columnName(at index: Int) -> String {
        let statement = statement
        checkColumn(index, of: statement)
        guard let name = sqlite3_column_name(statement, Int32(index)) else {
            // Only a failed allocation yields NULL here.
            fatalError("SQLite could not allocate a column name")
        }
        return String(cString: name)
    }

    /// Whether the column holds `NULL` in the current row.
    ///
    /// - Parameter index: The 0-based column.
    /// - Precondition: `step()` returned `true` and `index` is in range.
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(rowStatement(column: index), Int32(index)) == SQLITE_NULL
    }

    /// The column as an integer, converted by SQLite's rules (`NULL` is 0).
    ///
    /// - Parameter index: The 0-based column.
    /// - Precondition: `step()` returned `true` and `index` is in range.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/column_blob.html>
    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(rowStatement(column: index), Int32(index))
    }

    /// The column as a double, converted by SQLite's rules (`NULL` is 0.0).
    ///
    /// - Parameter index: The 0-based column.
    /// - Precondition: `step()` returned `true` and `index` is in range.
    public func double(at index: Int) -> Double {
        sqlite3_column_double(rowStatement(column: index), Int32(index))
    }

    /// The column as text, converted by SQLite's rules (`NULL` is empty).
    ///
    /// Invalid UTF-8 is repaired with replacement characters.
    ///
    /// - Parameter index: The 0-based column.
    /// - Precondition: `step()` returned `true` and `index` is in range.
    public func text(at index: Int) -> String {
        Self.text(of: rowStatement(column: index), at: Int32(index))
    }

    /// The column as bytes, converted by SQLite's rules (`NULL` is empty).
    ///
    /// - Parameter index: The 0-based column.
    /// - Precondition: `step()` returned `true` and `index` is in range.
    public func blob(at index: Int) -> [UInt8] {
        Self.blob(of: rowStatement(column: index), at: Int32(index))
    }

    /// The column as stored, without conversion.
    ///
    /// - Parameter index: The 0-based column.
    /// - Precondition: `step()` returned `true` and `index` is in range.
    public func value(at index: Int) -> SQLiteValue {
        let statement = rowStatement(column: index)
        let column = Int32(index)
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return .text(Self.text(of: statement, at: column))
        case SQLITE_BLOB: return .blob(Self.blob(of: statement, at: column))
        default: return .null
        }
    }

    // The pointer is read before the length, as SQLite's docs require: asking
    // for the text may convert the value and change its length.

    private static func text(of statement: SQLiteStatement, at column: Int32) -> String {
        guard let text = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    private static func blob(of statement: SQLiteStatement, at column: Int32) -> [UInt8] {
        guard let blob = sqlite3_column_blob(statement, column) else { return [] }
        let count = Int(sqlite3_column_bytes(statement, column))
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    /// The live handle, checked for a current row and a valid column.
    ///
    /// SQLite leaves reads outside a row or past the last column undefined,
    /// so both are trapped here.
    private func rowStatement(column index: Int) -> SQLiteStatement {
        let statement = statement
        precondition(isOnRow, "Column read without a current row: \(sql)")
        checkColumn(index, of: statement)
        return statement
    }

    private func checkColumn(_ index: Int, of statement: SQLiteStatement) {
        let count = Int(sqlite3_column_count(statement))
        precondition((0..<count).contains(index), "Column \(index) out of range 0..<\(count): \(sql)")
    }
}
