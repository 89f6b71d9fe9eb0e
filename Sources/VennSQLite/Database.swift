import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw SQLite connection handle (`sqlite3 *`).
typealias SQLiteConnection = OpaquePointer

/// A connection to an SQLite database file.
///
/// Opening configures the connection (journal mode, synchronous, foreign keys,
/// busy timeout) and reads the schema, so a file that is not a database fails
/// here rather than at the first query.
///
/// ```swift
/// let db = try Database(path: "group.sqlite")
/// try db.withTransaction {
///     try db.execute(sql: "INSERT INTO notes (body) VALUES (?)", arguments: ["Kaffe"])
/// }
/// let count = try db.scalar(sql: "SELECT count(*) FROM notes")?.int64Value
/// try db.close()
/// ```
///
/// A connection has one owner and is used by one thread at a time; it is
/// opened with `SQLITE_OPEN_NOMUTEX`, so SQLite does not serialize calls
/// for it.
///
/// - Note: Closing finalizes every statement the connection prepared,
///   including those a caller still holds; using one afterwards traps.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/sqlite3.html>
public final class Database {
    /// The path given at open.
    public let path: String

    /// The options given at open.
    public let options: OpenOptions

    /// The connection; nil once closed.
    private(set) var handle: SQLiteConnection?

    /// Statements prepared by `cachedStatement(sql:)`, by SQL text.
    var statementCache: [String: Statement] = [:]

    /// Every statement not yet finalized, cached or not. Statements register
    /// themselves and deregister when they deinit, so the references stay
    /// valid without retaining them; `close()` finalizes whatever is left.
    var liveStatements: [ObjectIdentifier: Unmanaged<Statement>] = [:]

    /// Opens, or creates, a database and configures the connection.
    ///
    /// With `.readWriteCreate`, a missing file is first created with mode
    /// 0600, so that SQLite's `-wal` and `-shm` files, which copy the
    /// database file's permissions, are private too. The paths `""` and
    /// `":memory:"` open a private temporary and an in-memory database.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - options: How to open and configure the connection.
    /// - Throws: `SQLiteError`: `isCantOpen` when the file cannot be opened
    ///   or created, `isNotADatabase` when it is not an SQLite database,
    ///   `isBusy` when another connection holds a lock past the timeout.
    public init(path: String, options: OpenOptions = OpenOptions()) throws {
        self.path = path
        self.options = options

        if options.mode == .readWriteCreate, !Self.isTemporary(path: path) {
            try createPrivateFileIfAbsent(path: path)
        }
        let connection = try Self.openConnection(path: path, mode: options.mode)

        do {
            try Self.configure(connection, path: path, options: options)
        } catch {
            sqlite3_close_v2(connection)
            throw error
        }
        handle = connection
    }

    deinit {
        guard let handle else { return }
        finalizeAllStatements()

        // Statements are finalized and nothing else holds the connection;
        // close_v2 frees it even if an unexpected resource remains.
        sqlite3_close_v2(handle)
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool {
        handle == nil
    }

    /// Whether the connection cannot write: opened read-only, or the file
    /// is read-only.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/db_readonly.html>
    public var isReadOnly: Bool {
        sqlite3_db_readonly(connection, "main") == 1
    }

    /// Closes the connection, finalizing every statement it prepared.
    ///
    /// Calling it again does nothing. After a successful close, using the
    /// database or one of its statements traps.
    ///
    /// - Throws: `SQLiteError` when SQLite refuses to close; the connection
    ///   then stays open.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/close.html>
    public func close() throws {
        guard let handle else { return }
        finalizeAllStatements()

        // sqlite3_close, unlike close_v2, refuses while a statement is
        // unfinalized, so success proves that none leaked.
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else {
            throw SQLiteError.make(code: code, connection: handle, path: path)
        }
        self.handle = nil
    }

    /// The open connection.
    ///
    /// - Precondition: The database is not closed.
    var connection: SQLiteConnection {
        guard let handle else {
            preconditionFailure("Database used after close()")
        }
        return handle
    }

    /// Finalizes every live statement and empties the cache.
    private func finalizeAllStatements() {
        for statement in liveStatements.values {
            statement.takeUnretainedValue().finalize()
        }
        liveStatements.removeAll()
        statementCache.removeAll()
    }
}

// One owner per connection: it is opened without SQLite's mutex, and its
// statement registry is unsynchronized.
@available(*, unavailable)
extension Database: Sendable {}

// MARK: - Opening

extension Database {
    /// Whether `path` names SQLite's temporary or in-memory database.
    private static func isTemporary(path: String) -> Bool {
        path.isEmpty || path == ":memory:"
    }

    /// Calls `sqlite3_open_v2`, closing the handle again when it fails.
    private static func openConnection(
        path: String,
        mode: OpenOptions.Mode
    ) throws -> SQLiteConnection {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }

        var connection: SQLiteConnection?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            // "Whether or not an error occurs when it is opened, resources
            // associated with the database connection handle should be
            // released by passing it to sqlite3_close() when it is no longer
            // required." (sqlite3_open_v2 documentation)
            let error = SQLiteError.make(code: code, connection: connection, path: path)
            sqlite3_close_v2(connection)
            throw error
        }
        return connection
    }

    /// Applies `options` to a freshly opened connection.
    private static func configure(
        _ connection: SQLiteConnection,
        path: String,
        options: OpenOptions
    ) throws {
        // Statements, not just the open call, report extended codes.
        sqlite3_extended_result_codes(connection, 1)

        // Set first, so that the steps below wait for locks as well.
        sqlite3_busy_timeout(connection, milliseconds(options.busyTimeout))

        // SQLite reads the file lazily: a file that is not a database would
        // otherwise only fail at the first query.
        try run("PRAGMA schema_version", on: connection, path: path)

        if options.mode != .readOnly {
            let journal = options.journal.rawValue
            let result = try run("PRAGMA journal_mode = \(journal)", on: connection, path: path)

            // The pragma answers with the mode in force; temporary and
            // in-memory databases, which have no file name, keep "memory"
            // whatever was asked.
            let fileName = sqlite3_db_filename(connection, "main").map { String(cString: $0) }
            let isTemporary = fileName?.isEmpty ?? true
            if result?.lowercased() != journal, !isTemporary {
                throw SQLiteError(
                    code: SQLITE_ERROR,
                    message: "journal mode \(journal) was refused; it is \(result ?? "unknown")",
                    path: path
                )
            }
        }
        let synchronous = options.synchronous.rawValue
        try run("PRAGMA synchronous = \(synchronous)", on: connection, path: path)
        let foreignKeys = options.foreignKeys ? "ON" : "OFF"
        try run("PRAGMA foreign_keys = \(foreignKeys)", on: connection, path: path)
    }

    /// Runs one configuration statement and returns the first column of its
    /// first row as text, if it has one.
    @discardableResult
    private static func run(
        _ sql: String,
        on connection: SQLiteConnection,
        path: String
    ) throws -> String? {
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError.make(code: code, connection: connection, sql: sql, path: path)
        }
        defer { sqlite3_finalize(statement) }

        var result: String?
        code = sqlite3_step(statement)
        while code == SQLITE_ROW {
            if result == nil, let text = sqlite3_column_text(statement, 0) {
                result = String(cString: text)
            }
            code = sqlite3_step(statement)
        }
        guard code == SQLITE_DONE else {
            throw SQLiteError.make(code: code, connection: connection, sql: sql, path: path)
        }
        return result
    }

    /// `duration` in whole milliseconds, clamped to what SQLite accepts.
    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return seconds > 0 ? Int32.max : 0 }
        let milliseconds = total.partialValue + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}

// MARK: - Creating the file

/// Creates an empty file with mode 0600 unless something exists at `path`.
///
/// `O_EXCL` makes the check and the creation one step, so an existing
/// file, whatever its mode, is never touched. SQLite reads an empty file
/// as an empty database.
private func createPrivateFileIfAbsent(path: String) throws {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
    var descriptor: Int32
    repeat {
        descriptor = open(path, flags, 0o600)
    } while descriptor == -1 && errno == EINTR

    if descriptor == -1 {
        let failure = errno
        if failure == EEXIST { return }
        throw SQLiteError.cannotCreateFile(path: path, errno: failure)
    }
    close(descriptor)
}
