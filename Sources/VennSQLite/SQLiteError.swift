import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error reported by SQLite, or met while opening a database file.
///
/// `code` is SQLite's *extended* result code (`SQLITE_CONSTRAINT_UNIQUE`
/// rather than `SQLITE_CONSTRAINT`); `primaryCode` is its low byte. Test for
/// the common cases with the `is…` properties, or match a code in a `catch`:
///
/// ```swift
/// do {
///     try db.execute(sql: sql, arguments: arguments)
/// } catch SQLiteError.ResultCode.constraintUnique {
///     // The row already exists.
/// } catch let error as SQLiteError where error.isBusy {
///     // Another process holds the write lock.
/// }
/// ```
///
/// The description names the code, SQLite's message, the SQL and the database
/// path when known. It never contains bound arguments, which may hold personal
/// data.
///
/// Related SQLite documentation: <https://www.sqlite.org/rescode.html>
public struct SQLiteError: Error {
    /// The extended result code.
    public let code: Int32

    /// SQLite's message, or one of ours for failures outside SQLite.
    public let message: String

    /// The SQL statement that failed, if any.
    public let sql: String?

    /// The database file, for failures while opening it.
    public let path: String?

    /// Makes an error from its parts.
    ///
    /// - Parameters:
    ///   - code: An SQLite result code, primary or extended.
    ///   - message: What went wrong.
    ///   - sql: The SQL statement that failed, if any.
    ///   - path: The database file, if relevant.
    public init(code: Int32, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// The primary result code: the low byte of `code`.
    public var primaryCode: Int32 {
        code & 0xFF
    }

    /// Whether this error carries `resultCode`.
    ///
    /// A primary code matches every extended code built on it; an extended
    /// code matches only itself.
    ///
    /// - Parameter resultCode: The code to test for.
    /// - Returns: `true` when the codes match.
    public func matches(_ resultCode: ResultCode) -> Bool {
        if resultCode.isPrimary {
            primaryCode == resultCode.rawValue
        } else {
            code == resultCode.rawValue
        }
    }

    /// Whether the database was locked by another connection for longer than
    /// the busy timeout (`SQLITE_BUSY`).
    public var isBusy: Bool { matches(.busy) }

    /// Whether a write was attempted on a read-only database (`SQLITE_READONLY`).
    public var isReadOnly: Bool { matches(.readOnly) }

    /// Whether the database file could not be opened or created (`SQLITE_CANTOPEN`).
    public var isCantOpen: Bool { matches(.cantOpen) }

    /// Whether the file is not an SQLite database (`SQLITE_NOTADB`).
    public var isNotADatabase: Bool { matches(.notADatabase) }

    /// Whether a constraint (unique, foreign key, not null, check) was
    /// violated (`SQLITE_CONSTRAINT` and its extended codes).
    public var isConstraint: Bool { matches(.constraint) }
}

// MARK: - Result codes

extension SQLiteError {
    /// An SQLite result code to match errors against.
    ///
    /// The names follow SQLite's, without the `SQLITE_` prefix and in Swift
    /// case: `SQLITE_CONSTRAINT_FOREIGNKEY` is `constraintForeignKey`.
    public struct ResultCode: RawRepresentable, Hashable, Sendable {
        /// The numeric code.
        public let rawValue: Int32

        /// Wraps a numeric result code.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// Whether this is a primary code (it fits in the low byte).
        public var isPrimary: Bool {
            rawValue & 0xFF == rawValue
        }
    }
}

extension SQLiteError.ResultCode {
    /// `SQLITE_ERROR`: a generic error, such as an SQL syntax error.
    public static let error = Self(rawValue: SQLITE_ERROR)
    /// `SQLITE_BUSY`: another connection holds a conflicting lock.
    public static let busy = Self(rawValue: SQLITE_BUSY)
    /// `SQLITE_LOCKED`: a conflict inside this connection.
    public static let locked = Self(rawValue: SQLITE_LOCKED)
    /// `SQLITE_READONLY`: a write on a read-only database.
    public static let readOnly = Self(rawValue: SQLITE_READONLY)
    /// `SQLITE_IOERR`: the operating system reported an I/O error.
    public static let ioError = Self(rawValue: SQLITE_IOERR)
    /// `SQLITE_CORRUPT`: the database file is malformed.
    public static let corrupt = Self(rawValue: SQLITE_CORRUPT)
    /// `SQLITE_FULL`: the disk is full.
    public static let full = Self(rawValue: SQLITE_FULL)
    /// `SQLITE_CANTOPEN`: the file could not be opened or created.
    public static let cantOpen = Self(rawValue: SQLITE_CANTOPEN)
    /// `SQLITE_CONSTRAINT`: any constraint violation.
    public static let constraint = Self(rawValue: SQLITE_CONSTRAINT)

    // sqlite3.h defines the extended codes as expressions, which Swift does
    // not import; they are spelled out here the same way.

    /// `SQLITE_CONSTRAINT_UNIQUE`: a `UNIQUE` constraint failed.
    public static let constraintUnique = Self(rawValue: SQLITE_CONSTRAINT | 8 << 8)
    /// `SQLITE_CONSTRAINT_PRIMARYKEY`: a `PRIMARY KEY` constraint failed.
    public static let constraintPrimaryKey = Self(rawValue: SQLITE_CONSTRAINT | 6 << 8)
    /// `SQLITE_CONSTRAINT_FOREIGNKEY`: a foreign key constraint failed.
    public static let constraintForeignKey = Self(rawValue: SQLITE_CONSTRAINT | 3 << 8)
    /// `SQLITE_CONSTRAINT_NOTNULL`: a `NOT NULL` constraint failed.
    public static let constraintNotNull = Self(rawValue: SQLITE_CONSTRAINT | 5 << 8)
    /// `SQLITE_CONSTRAINT_CHECK`: a `CHECK` constraint failed.
    public static let constraintCheck = Self(rawValue: SQLITE_CONSTRAINT | 1 << 8)
    /// `SQLITE_NOTADB`: the file is not an SQLite database.
    public static let notADatabase = Self(rawValue: SQLITE_NOTADB)

    /// Matches an error against a result code in a `catch` clause or `switch`.
    ///
    /// - Parameters:
    ///   - pattern: The code to match.
    ///   - error: Any error; only `SQLiteError` can match.
    /// - Returns: `true` when `error` is an `SQLiteError` carrying `pattern`.
    public static func ~= (pattern: Self, error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return error.matches(pattern)
    }
}

// MARK: - Description

extension SQLiteError: CustomStringConvertible {
    /// The code, the message, the SQL and the path, never bound arguments.
    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql {
            text += " - while executing `\(sql)`"
        }
        if let path {
            text += " - database: \(path)"
        }
        return text
    }
}

// MARK: - Mapping C failures

// Every SQLiteError made inside this module comes from one of these
// factories, so the C-to-Swift mapping lives in one place.
extension SQLiteError {
    /// The error SQLite reports on `connection` for the result code `code`.
    ///
    /// The message comes from `sqlite3_errmsg`, which describes the most
    /// recent failed call on the connection; fall back to `sqlite3_errstr`
    /// when there is no connection (a failed allocation at open).
    static func make(
        code: Int32,
        connection: SQLiteConnection?,
        sql: String? = nil,
        path: String? = nil
    ) -> SQLiteError {
        let message: String
        if let connection, let text = sqlite3_errmsg(connection) {
            message = String(cString: text)
        } else {
            message = String(cString: sqlite3_errstr(code))
        }
        return SQLiteError(code: code, message: message, sql: sql, path: path)
    }

    /// The error for a database file we could not create with `open(2)`.
    ///
    /// Reported as `SQLITE_CANTOPEN`, which SQLite itself would have said,
    /// with the operating system's reason in the message.
    static func cannotCreateFile(path: String, errno: Int32) -> SQLiteError {
        let reason = String(cString: strerror(errno))
        return SQLiteError(
            code: SQLITE_CANTOPEN,
            message: "cannot create the database file: \(reason) (errno \(errno))",
            path: path
        )
    }
}
