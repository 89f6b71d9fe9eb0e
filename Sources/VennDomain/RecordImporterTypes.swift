public import VennSchema

/// What importing a CSV file would do: how its columns map to fields, and
/// each data row as typed fields or with the reasons it does not fit.
///
/// Making a plan writes nothing, so a plan is also the dry run.
public struct ImportPlan: Sendable, Hashable {
    /// One column of the file.
    public struct Column: Sendable, Hashable {
        /// The 1-based position of the column in the file.
        public var position: Int
        /// The header cell as written, trimmed.
        public var header: String
        /// The field the column fills; nil when the column is not imported
        /// (the `id` column, an empty column, or an unknown column that the
        /// importer was told to ignore).
        public var field: String?

        /// Describes a column.
        public init(position: Int, header: String, field: String?) {
            self.position = position
            self.header = header
            self.field = field
        }
    }

    /// A cell whose text is not of its field's type, or a cell beyond the
    /// last column.
    public struct CellError: Sendable, Hashable {
        /// The 1-based position of the column.
        public var position: Int
        /// The column's header as written, or empty beyond the last column.
        public var header: String
        /// The field the column fills; nil beyond the last column.
        public var field: String?
        /// The cell's text, trimmed.
        public var value: String
        /// The kind of value the field takes; nil beyond the last column.
        /// For an array, one of the items was not of `itemKind`.
        public var expected: FieldSchema.Kind?

        /// Describes a cell that cannot be imported.
        public init(
            position: Int,
            header: String,
            field: String?,
            value: String,
            expected: FieldSchema.Kind?
        ) {
            self.position = position
            self.header = header
            self.field = field
            self.value = value
            self.expected = expected
        }
    }

    /// One data row of the file.
    public struct Row: Sendable, Hashable {
        /// The 1-based line of the file where the row starts.
        public var line: Int
        /// The row's `id` cell, when the file has that column (an export
        /// does). It is not used to write: every row becomes a new record.
        public var sourceID: String?
        /// The fields the row sets, typed; an empty cell sets nothing.
        /// Defaults are left to the store.
        public var fields: [String: JSONValue]
        /// Cells that could not be typed.
        public var cellErrors: [CellError]
        /// What the schema validator found, defaults applied; issues about a
        /// field with a cell error are left out. The issues' `id` is empty.
        public var issues: [ValidationIssue]

        /// Whether the row can be written.
        public var isValid: Bool { cellErrors.isEmpty && issues.isEmpty }

        /// Describes a row.
        public init(
            line: Int,
            sourceID: String? = nil,
            fields: [String: JSONValue],
            cellErrors: [CellError] = [],
            issues: [ValidationIssue] = []
        ) {
            self.line = line
            self.sourceID = sourceID
            self.fields = fields
            self.cellErrors = cellErrors
            self.issues = issues
        }
    }

    /// The collection the rows are for.
    public var collection: String
    /// The delimiter the file uses.
    public var delimiter: Character
    /// Every column of the header, in file order.
    public var columns: [Column]
    /// Every data row in file order; rows with only empty cells are left
    /// out.
    public var rows: [Row]

    /// Describes a plan.
    public init(collection: String, delimiter: Character, columns: [Column], rows: [Row]) {
        self.collection = collection
        self.delimiter = delimiter
        self.columns = columns
        self.rows = rows
    }

    /// The rows that can be written.
    public var validRows: [Row] { rows.filter(\.isValid) }
    /// The rows that cannot, each with its reasons.
    public var invalidRows: [Row] { rows.filter { !$0.isValid } }
}

/// What an import wrote.
public struct ImportResult: Sendable, Hashable {
    /// One record the import added.
    public struct Created: Sendable, Hashable {
        /// The line of the file the record came from.
        public var line: Int
        /// The new record's id.
        public var id: String

        /// Describes a created record.
        public init(line: Int, id: String) {
            self.line = line
            self.id = id
        }
    }

    /// The records added, in file order.
    public var created: [Created]
    /// The invalid rows left out (only when told to skip them).
    public var skipped: [ImportPlan.Row]

    /// Describes an import's outcome.
    public init(created: [Created], skipped: [ImportPlan.Row]) {
        self.created = created
        self.skipped = skipped
    }
}

/// Why a CSV file cannot be imported.
///
/// Problems with the file's text itself are `CSVError`s; problems with the
/// store are `StoreError`s.
public struct ImportError: Error, Sendable, Hashable {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Hashable {
            case emptyFile, unknownColumns, duplicateColumns, readOnlyCollection, invalidRows
        }

        private let value: Value

        /// The file has no header line.
        public static let emptyFile = Code(value: .emptyFile)
        /// Headers that name no field; `columns` lists them. Rename them, or
        /// import with unknown columns ignored.
        public static let unknownColumns = Code(value: .unknownColumns)
        /// Several headers name the same field; `columns` lists them.
        public static let duplicateColumns = Code(value: .duplicateColumns)
        /// The collection is kept by the system; people do not import into
        /// it.
        public static let readOnlyCollection = Code(value: .readOnlyCollection)
        /// Rows that do not fit the schema, so nothing was written; `rows`
        /// holds each with its reasons.
        public static let invalidRows = Code(value: .invalidRows)

        public var description: String { "\(value)" }
    }

    /// The kind of problem.
    public var code: Code
    /// The collection imported into.
    public var collection: String
    /// For `unknownColumns` and `duplicateColumns`: the headers, as written.
    public var columns: [String]
    /// For `invalidRows`: the rows that do not fit.
    public var rows: [ImportPlan.Row]

    /// Describes a problem.
    public init(
        _ code: Code,
        collection: String,
        columns: [String] = [],
        rows: [ImportPlan.Row] = []
    ) {
        self.code = code
        self.collection = collection
        self.columns = columns
        self.rows = rows
    }
}

extension ImportError: CustomStringConvertible {
    public var description: String {
        let quoted = columns.map { "'\($0)'" }.joined(separator: ", ")
        switch code {
        case .emptyFile:
            return "the file has no header line"
        case .unknownColumns:
            return "columns that are not fields of \(collection): \(quoted)"
        case .duplicateColumns:
            return "columns that fill the same field of \(collection): \(quoted)"
        case .readOnlyCollection:
            return "\(collection) is kept by the system and cannot be imported into"
        default:
            let lines = rows.map { String($0.line) }.joined(separator: ", ")
            return "rows that do not fit \(collection), on lines \(lines); nothing was imported"
        }
    }
}
