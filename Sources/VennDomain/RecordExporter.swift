public import Foundation
public import VennSchema
public import VennStore

/// Writes records as CSV for spreadsheets, or as JSON for programs.
///
/// The CSV reads back with `RecordImporter` to the same values, as long as
/// no array item holds a `,` or `;` and the records have no fields the
/// schema does not declare (those get columns the importer refuses).
///
/// ```swift
/// let exporter = RecordExporter()
/// let records = try store.records(collection: "volunteer")
/// let csv = exporter.csv(collection: volunteers, records: records)
/// ```
public struct RecordExporter: Sendable {
    /// Makes an exporter.
    public init() {}

    /// The records as CSV: UTF-8 without a byte order mark, `,` between
    /// cells, CRLF line ends, and cells quoted only where needed.
    ///
    /// The header is `id`, then the collection's field names in schema
    /// order, then any other field names the records hold, sorted. Strings
    /// and numbers are written as they are, Booleans as `true`/`false`,
    /// arrays as their items joined with `,`, and absent or `null` values
    /// as empty cells.
    ///
    /// - Parameters:
    ///   - collection: The records' collection.
    ///   - records: The records, in the order of the rows.
    /// - Returns: The file's bytes.
    public func csv(collection: CollectionSchema, records: [Record]) -> Data {
        let declared = collection.fields.map(\.name)
        let declaredSet = Set(declared)
        let undeclared = Set(records.flatMap(\.values.keys)).subtracting(declaredSet).sorted()
        let names = declared + undeclared

        var rows: [[String]] = [["id"] + names]
        for record in records {
            rows.append([record.id] + names.map { record.values[$0].map(Self.cellText) ?? "" })
        }
        return CSVWriter().data(rows: rows)
    }

    /// The records as a pretty-printed JSON array of `{"fields", "id"}`
    /// objects, keys sorted, ending with a line break.
    ///
    /// - Parameter records: The records, in the order of the array.
    /// - Returns: The JSON text's UTF-8 bytes.
    public func json(records: [Record]) -> Data {
        let array = JSONValue.array(records.map { record in
            .object(["id": .string(record.id), "fields": .object(record.values)])
        })
        var text = ""
        Self.writePretty(array, indent: "", to: &text)
        text += "\n"
        return Data(text.utf8)
    }

    // MARK: - Text

    /// The text of a value in one cell.
    static func cellText(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): value.isFinite ? "\(value)" : ""
        case .string(let value): value
        case .array(let items): items.map(itemText).joined(separator: ",")
        case .object: value.canonicalText
        }
    }

    /// The text of one array item: nested values as JSON.
    private static func itemText(_ value: JSONValue) -> String {
        switch value {
        case .array, .object: value.canonicalText
        default: cellText(value)
        }
    }

    /// Writes `value` with two spaces of indentation per level.
    private static func writePretty(_ value: JSONValue, indent: String, to text: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                writePretty(item, indent: inner, to: &text)
                text += index < items.count - 1 ? ",\n" : "\n"
            }
            text += indent + "]"
        case .object(let members) where !members.isEmpty:
            text += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                text += inner + JSONValue.string(key).canonicalText + ": "
                writePretty(members[key] ?? .null, indent: inner, to: &text)
                text += index < keys.count - 1 ? ",\n" : "\n"
            }
            text += indent + "}"
        default:
            // Scalars and empty containers read the same compact.
            text += value.canonicalText
        }
    }
}
