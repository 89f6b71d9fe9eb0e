import Foundation
public import VennSchema

extension RecordImporter {
    /// The words a Boolean cell may hold, lowercased.
    public static let booleanWords: [String: Bool] = [
        "ja": true, "nei": false,
        "yes": true, "no": false,
        "true": true, "false": false,
        "x": true,
        "1": true, "0": false,
    ]

    /// One row typed by its columns' fields, then checked.
    func typedRow(
        _ row: CSVReader.Row,
        columns: [ImportPlan.Column],
        separators: Set<Character>
    ) -> ImportPlan.Row {
        var fields: [String: JSONValue] = [:]
        var errors: [ImportPlan.CellError] = []

        for (index, cell) in row.cells.enumerated() {
            let text = Self.trimmed(cell)
            guard index < columns.count else {
                // Cells beyond the header: harmless when empty, as
                // spreadsheets pad rows.
                if !text.isEmpty {
                    errors.append(ImportPlan.CellError(
                        position: index + 1,
                        header: "",
                        field: nil,
                        value: text,
                        expected: nil
                    ))
                }
                continue
            }
            let column = columns[index]
            guard !text.isEmpty, let name = column.field, let field = collection.field(named: name)
            else { continue }
            if let value = Self.value(text, for: field, separators: separators) {
                fields[name] = value
            } else {
                errors.append(ImportPlan.CellError(
                    position: column.position,
                    header: column.header,
                    field: name,
                    value: text,
                    expected: field.kind
                ))
            }
        }

        // Check with defaults applied, as the store adds them; a field whose
        // cell could not be typed has already been reported.
        var checked = fields
        for field in collection.fields where checked[field.name] == nil {
            if let value = field.defaultValue { checked[field.name] = value }
        }
        let failedFields = Set(errors.compactMap(\.field))
        let issues = schemas.validate(collection: collection.name, id: "", fields: checked).filter {
            !failedFields.contains(Self.fieldName(of: $0.pointer))
        }
        return ImportPlan.Row(line: row.line, fields: fields, cellErrors: errors, issues: issues)
    }

    /// The JSON of a trimmed, non-empty cell for `field`, or nil when the
    /// text is not of the field's kind.
    ///
    /// - Parameters:
    ///   - text: The cell's text, trimmed and not empty.
    ///   - field: The field the cell fills.
    ///   - separators: The characters that split an array cell into items.
    public static func value(
        _ text: String,
        for field: FieldSchema,
        separators: Set<Character>
    ) -> JSONValue? {
        switch field.kind {
        case .array:
            let items = text.split { separators.contains($0) }
                .map { trimmed(String($0)) }
                .filter { !$0.isEmpty }
            var values: [JSONValue] = []
            for item in items {
                guard let value = scalar(item, kind: field.itemKind) else { return nil }
                values.append(value)
            }
            return .array(values)
        default:
            return scalar(text, kind: field.kind)
        }
    }

    /// The JSON of a single value of `kind`.
    private static func scalar(_ text: String, kind: FieldSchema.Kind) -> JSONValue? {
        switch kind {
        case .string:
            return .string(text)
        case .integer:
            return Int64(text).map(JSONValue.int)
        case .number:
            return number(from: text)
        case .boolean:
            return booleanWords[text.lowercased()].map(JSONValue.bool)
        case .array, .any:
            // Text that is JSON is taken as JSON, other text as a string.
            return (try? JSONValue(parsing: Data(text.utf8))) ?? .string(text)
        }
    }

    /// A decimal number such as `12`, `-3.5`, `12,5` or `1e3`: `.int` when
    /// it has no fraction or exponent.
    ///
    /// A single decimal comma is read as a point, as Norwegian spreadsheets
    /// write it. Thousands separators, hexadecimal, `inf` and `nan` are
    /// refused.
    static func number(from text: String) -> JSONValue? {
        var text = text
        if !text.contains("."), text.count(where: { $0 == "," }) == 1 {
            text = text.replacingOccurrences(of: ",", with: ".")
        }

        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponent = rest.dropFirst(mantissa.count)

        // The mantissa: digits with at most one decimal point, and a digit.
        let points = mantissa.count(where: { $0 == "." })
        guard points <= 1, mantissa.contains(where: \.isDecimalDigit),
              mantissa.allSatisfy({ $0.isDecimalDigit || $0 == "." })
        else { return nil }

        // The exponent: `e`, an optional sign, digits.
        if !exponent.isEmpty {
            var digits = exponent.dropFirst()
            if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy(\.isDecimalDigit) else { return nil }
        }

        if points == 0, exponent.isEmpty {
            return Int64(text).map(JSONValue.int)
        }
        guard let number = Double(text), number.isFinite else { return nil }
        return .double(number)
    }

    /// The top-level field a JSON pointer such as `/interests/2` points at.
    static func fieldName(of pointer: String) -> String {
        String(pointer.dropFirst().prefix { $0 != "/" })
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0 to 9.
    fileprivate var isDecimalDigit: Bool { ("0"..."9").contains(self) }
}
