/// A value stored in, or bound to, an SQLite database.
///
/// SQLite has five storage classes, and this enum has one case for each.
/// Literals build values directly, so argument lists read naturally:
///
/// ```swift
/// try db.execute(
///     sql: "INSERT INTO notes (id, body, pinned) VALUES (?, ?, ?)",
///     arguments: [42, "Tur i parken", .null]
/// )
/// ```
///
/// Related SQLite documentation: <https://www.sqlite.org/datatype3.html>
public enum SQLiteValue: Sendable, Hashable {
    /// The SQL `NULL`.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An 8-byte IEEE floating point number.
    case real(Double)
    /// A UTF-8 text string.
    case text(String)
    /// Raw bytes, stored as given.
    case blob([UInt8])
}

// MARK: - Conveniences

extension SQLiteValue {
    /// Makes an integer value from a Swift `Int`.
    public init(_ value: Int) {
        self = .integer(Int64(value))
    }

    /// Makes an integer value, 1 for `true` and 0 for `false`.
    ///
    /// SQLite has no boolean type; this is the encoding it uses for the
    /// results of comparisons.
    public init(_ value: Bool) {
        self = .integer(value ? 1 : 0)
    }

    /// Makes a text value, or `NULL` when `value` is nil.
    public init(_ value: String?) {
        self = value.map(SQLiteValue.text) ?? .null
    }

    /// Whether the value is `NULL`.
    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// The integer, or nil when the value is not an integer.
    public var int64Value: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The number as a `Double`, or nil when the value is not a number.
    ///
    /// Integers convert, possibly losing precision beyond 2^53.
    public var doubleValue: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// The integer read as a boolean (non-zero is `true`), or nil when the
    /// value is not an integer.
    public var boolValue: Bool? {
        int64Value.map { $0 != 0 }
    }

    /// The text, or nil when the value is not text.
    public var textValue: String? {
        if case .text(let value) = self { value } else { nil }
    }

    /// The bytes, or nil when the value is not a blob.
    public var blobValue: [UInt8]? {
        if case .blob(let value) = self { value } else { nil }
    }
}

// MARK: - Literals

// There is deliberately no `nil` literal: with one, `nil` in a context typed
// `SQLiteValue?` could mean `.null` rather than "no value". Write `.null`.

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// Makes an integer value.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    /// Makes a real value.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// Makes a text value.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue: ExpressibleByBooleanLiteral {
    /// Makes an integer value, 1 for `true` and 0 for `false`.
    public init(booleanLiteral value: Bool) {
        self.init(value)
    }
}
