/// One row of a query result: its values and the names of its columns.
///
/// Read a value by position or by column name; names match without regard
/// to ASCII case, as in SQL, and the first of two equal names wins.
///
/// ```swift
/// for row in try db.query(sql: "SELECT id, name FROM volunteers") {
///     let id = row.int64("id")
///     let name = row.text("name") ?? "?"
/// }
/// ```
public struct Row: Sendable {
    /// The column names, shared by every row of one result.
    let columns: Columns

    /// The values, one per column.
    public let values: [SQLiteValue]

    init(columns: Columns, values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    /// Makes a row from names and values, for tests and fixtures.
    ///
    /// - Precondition: `columnNames` and `values` have the same count.
    public init(columnNames: [String], values: [SQLiteValue]) {
        precondition(columnNames.count == values.count, "A row needs one value per column")
        self.init(columns: Columns(names: columnNames), values: values)
    }

    /// The column names, in order.
    public var columnNames: [String] {
        columns.names
    }

    /// The number of columns.
    public var count: Int {
        values.count
    }

    /// The value at a 0-based column position.
    ///
    /// - Precondition: `index` is in `0..<count`.
    public subscript(index: Int) -> SQLiteValue {
        values[index]
    }

    /// The value of a named column.
    ///
    /// - Precondition: The row has the column. The SQL decides the columns,
    ///   so a missing one is a programming error; use `index(ofColumn:)` to
    ///   test first.
    public subscript(column: String) -> SQLiteValue {
        guard let index = columns.index(of: column) else {
            preconditionFailure("No column \"\(column)\" in a row of \(columns.names)")
        }
        return values[index]
    }

    /// The position of a named column, or nil when the row has none.
    public func index(ofColumn column: String) -> Int? {
        columns.index(of: column)
    }

    /// The named column as an integer, or nil when `NULL` or not an integer.
    public func int64(_ column: String) -> Int64? {
        self[column].int64Value
    }

    /// The named column as a number, or nil when `NULL` or not a number.
    public func double(_ column: String) -> Double? {
        self[column].doubleValue
    }

    /// The named column as a boolean, or nil when `NULL` or not an integer.
    public func bool(_ column: String) -> Bool? {
        self[column].boolValue
    }

    /// The named column as text, or nil when `NULL` or not text.
    public func text(_ column: String) -> String? {
        self[column].textValue
    }

    /// The named column as bytes, or nil when `NULL` or not a blob.
    public func blob(_ column: String) -> [UInt8]? {
        self[column].blobValue
    }
}

extension Row: Equatable {
    /// Rows are equal when their column names and values are.
    public static func == (lhs: Row, rhs: Row) -> Bool {
        lhs.values == rhs.values && lhs.columns.names == rhs.columns.names
    }
}

// MARK: - Column lookup

extension Row {
    /// Column names with a case-insensitive index, built once per result.
    final class Columns: Sendable {
        let names: [String]
        private let indexByName: [String: Int]

        init(names: [String]) {
            self.names = names
            var index: [String: Int] = [:]
            for (position, name) in names.enumerated() {
                let key = Self.key(name)
                if index[key] == nil { index[key] = position }
            }
            indexByName = index
        }

        func index(of name: String) -> Int? {
            indexByName[Self.key(name)]
        }

        /// SQL identifiers ignore case for ASCII letters only.
        private static func key(_ name: String) -> String {
            String(decoding: name.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
    }
}
