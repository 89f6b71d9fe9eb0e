public import Foundation
public import VennSchema
public import VennStore

/// Imports the rows of a CSV file as new records of one collection.
///
/// Each header names a field: by its name (`birth_year`), its flag name
/// (`birth-year`), its English or Norwegian label (`Birth year`,
/// `Fødselsår`), or a word spreadsheets commonly use (`Tlf`, `E-post`,
/// `Bydel`). Case, surrounding spaces and punctuation do not matter, so
/// `E-post:` matches too. A column headed `id` (as `RecordExporter` writes)
/// is read into `ImportPlan.Row.sourceID` but not imported.
///
/// Cells become JSON by their field's kind:
///
/// | kind    | cell text                                   | JSON                 |
/// |---------|---------------------------------------------|----------------------|
/// | string  | `Kari Nordmann`                             | `"Kari Nordmann"`    |
/// | integer | `1950`                                      | `1950`               |
/// | number  | `12.5` or `12,5`                            | `12.5`               |
/// | boolean | `ja`, `nei`, `yes`, `no`, `true`, `false`, `x`, `1`, `0` | `true`, `false` |
/// | array   | `walk, music` (`walk; music` in a `,` file) | `["walk", "music"]`  |
///
/// Text is trimmed, and an empty cell leaves the field out. Each row is then
/// checked against the schema, with the collection's defaults applied as
/// the store would.
///
/// Importing is two steps: `plan(csv:)` reads and checks everything and
/// writes nothing (the dry run), and `apply(_:to:skipInvalid:)` writes the
/// plan's rows in one transaction.
///
/// ```swift
/// let importer = RecordImporter(collection: volunteers)
/// let plan = try importer.plan(csv: data)
/// let result = try importer.apply(plan, to: store, skipInvalid: false)
/// ```
public struct RecordImporter: Sendable {
    /// The collection rows are imported into.
    public let collection: CollectionSchema
    /// The schemas rows are checked with.
    public let schemas: SchemaSet
    /// Whether columns that name no field are left out instead of refusing
    /// the file.
    public var ignoreUnknownColumns: Bool

    /// Spreadsheet words for fields, by field name; used only when the
    /// collection has the field, and after names and labels.
    public static let commonHeaders: [String: [String]] = [
        "name": ["Navn", "Name", "Fullt navn", "Full name"],
        "phone": [
            "Telefon", "Tlf", "Tlf nr", "Telefonnummer", "Mobil", "Mobilnummer", "Phone", "Mobile",
        ],
        "email": ["E-post", "Epost", "E-postadresse", "Email", "E-mail", "Mail"],
        "birth_year": ["Fødselsår", "Født", "Birth year", "Year of birth"],
        "area": ["Område", "Bydel", "Area", "District"],
        "interests": ["Interesser", "Interests"],
    ]

    /// Makes an importer for `collection`.
    ///
    /// - Parameters:
    ///   - collection: The collection to import into.
    ///   - schemas: The schemas to check rows with; the store's own.
    ///   - ignoreUnknownColumns: Whether to leave out columns that name no
    ///     field instead of refusing the file.
    public init(
        collection: CollectionSchema,
        schemas: SchemaSet = .embedded,
        ignoreUnknownColumns: Bool = false
    ) {
        self.collection = collection
        self.schemas = schemas
        self.ignoreUnknownColumns = ignoreUnknownColumns
    }

    // MARK: - Planning

    /// Reads a CSV file and types and checks each row, writing nothing.
    ///
    /// - Parameter csv: The file's bytes: UTF-8, `,`, `;` or tab delimited,
    ///   with a header line.
    /// - Returns: The columns and every data row, valid or not.
    /// - Throws: `CSVError` when the text cannot be read; `ImportError`
    ///   `.emptyFile`, `.unknownColumns`, `.duplicateColumns` or
    ///   `.readOnlyCollection`.
    public func plan(csv: Data) throws -> ImportPlan {
        guard !collection.isSystem else {
            throw ImportError(.readOnlyCollection, collection: collection.name)
        }
        let table = try CSVReader().read(csv)
        guard let header = table.rows.first else {
            throw ImportError(.emptyFile, collection: collection.name)
        }
        let data = Array(table.rows.dropFirst())
        let columns = try mapColumns(header.cells, rows: data)
        let idPosition = columns.first { Self.key($0.header) == "id" && $0.field == nil }?.position

        // A `;` file keeps `;` for cells, so lists in it use `,`.
        let separators: Set<Character> = table.delimiter == ";" ? [","] : [",", ";"]
        let rows = data.compactMap { row -> ImportPlan.Row? in
            guard row.cells.contains(where: { !Self.trimmed($0).isEmpty }) else { return nil }
            var planned = typedRow(row, columns: columns, separators: separators)
            if let idPosition, idPosition <= row.cells.count {
                let id = Self.trimmed(row.cells[idPosition - 1])
                planned.sourceID = id.isEmpty ? nil : id
            }
            return planned
        }
        return ImportPlan(
            collection: collection.name,
            delimiter: table.delimiter,
            columns: columns,
            rows: rows
        )
    }

    // MARK: - Writing

    /// Adds the plan's valid rows as new records, all in one transaction.
    ///
    /// - Parameters:
    ///   - plan: A plan made by `plan(csv:)`.
    ///   - store: The store to write to.
    ///   - skipInvalid: Whether to write the valid rows when some are
    ///     invalid; otherwise nothing is written.
    /// - Returns: The new records' ids by line, and the rows left out.
    /// - Throws: `ImportError` `.invalidRows`, with those rows, when rows are
    ///   invalid and `skipInvalid` is false; `StoreError` when the store
    ///   refuses a write, in which case nothing is written either.
    public func apply(
        _ plan: ImportPlan,
        to store: Store,
        skipInvalid: Bool
    ) throws -> ImportResult {
        let invalid = plan.invalidRows
        if !invalid.isEmpty, !skipInvalid {
            throw ImportError(.invalidRows, collection: plan.collection, rows: invalid)
        }

        let valid = plan.validRows
        let created = try store.batch {
            try valid.map { row in
                let id = try store.add(collection: plan.collection, fields: row.fields)
                return ImportResult.Created(line: row.line, id: id)
            }
        }
        return ImportResult(created: created, skipped: invalid)
    }

    // MARK: - Columns

    /// The field of each header cell.
    private func mapColumns(
        _ headers: [String],
        rows: [CSVReader.Row]
    ) throws -> [ImportPlan.Column] {
        let fieldsByKey = headerKeys()
        var columns: [ImportPlan.Column] = []
        var unknown: [String] = []
        var seen: [String: String] = [:]
        var duplicates: [String] = []

        for (index, cell) in headers.enumerated() {
            let header = Self.trimmed(cell)
            let key = Self.key(header)
            let position = index + 1
            if let field = fieldsByKey[key] {
                if let earlier = seen[field] {
                    duplicates += duplicates.contains(earlier) ? [header] : [earlier, header]
                }
                seen[field] = header
                columns.append(ImportPlan.Column(position: position, header: header, field: field))
            } else if key == "id" || (key.isEmpty && Self.isBlank(column: index, in: rows)) {
                columns.append(ImportPlan.Column(position: position, header: header, field: nil))
            } else {
                unknown.append(header)
                columns.append(ImportPlan.Column(position: position, header: header, field: nil))
            }
        }

        if !duplicates.isEmpty {
            throw ImportError(.duplicateColumns, collection: collection.name, columns: duplicates)
        }
        if !unknown.isEmpty, !ignoreUnknownColumns {
            throw ImportError(.unknownColumns, collection: collection.name, columns: unknown)
        }
        return columns
    }

    /// Field names by header key: names and flag names first, then English
    /// labels, Norwegian labels and common words, each only where an
    /// earlier one has not taken the key.
    private func headerKeys() -> [String: String] {
        var fields: [String: String] = [:]
        func claim(_ text: String?, for field: String) {
            guard let text else { return }
            let key = Self.key(text)
            if !key.isEmpty, fields[key] == nil { fields[key] = field }
        }

        for field in collection.fields { claim(field.name, for: field.name) }
        for field in collection.fields { claim(field.labels["en"], for: field.name) }
        for field in collection.fields { claim(field.labels["nb"], for: field.name) }
        for field in collection.fields {
            for word in Self.commonHeaders[field.name] ?? [] { claim(word, for: field.name) }
        }
        return fields
    }

    /// The header as compared: lowercase letters and digits only, composed,
    /// so `Birth year:`, `birth_year` and `birth-year` are the same.
    static func key(_ header: String) -> String {
        let composed = header.precomposedStringWithCanonicalMapping.lowercased()
        return String(composed.filter { $0.isLetter || $0.isNumber })
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isBlank(column index: Int, in rows: [CSVReader.Row]) -> Bool {
        rows.allSatisfy { index >= $0.cells.count || trimmed($0.cells[index]).isEmpty }
    }
}
