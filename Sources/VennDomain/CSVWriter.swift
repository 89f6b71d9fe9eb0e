public import Foundation

/// Writes rows as CSV text that spreadsheets and `CSVReader` read back.
///
/// A cell is quoted only when it must be: when it holds the delimiter, a
/// quote, a line break, or spaces at either end (which a reader might
/// trim). Quotes inside are doubled. Lines end with CRLF, as RFC 4180
/// says, and the text is UTF-8 without a byte order mark.
public struct CSVWriter: Sendable {
    /// The delimiter between cells.
    public var delimiter: Character

    /// Makes a writer.
    ///
    /// - Parameter delimiter: The delimiter between cells; `,` unless the
    ///   file is for a spreadsheet that expects `;`.
    public init(delimiter: Character = ",") {
        self.delimiter = delimiter
    }

    /// The CSV text of `rows`, each line ended with CRLF.
    public func data(rows: [[String]]) -> Data {
        var text = ""
        for row in rows {
            text += line(row)
        }
        return Data(text.utf8)
    }

    /// One line of CSV text, ending with CRLF.
    public func line(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: String(delimiter)) + "\r\n"
    }

    /// The cell as it is written: quoted when it has to be.
    public func quoted(_ cell: String) -> String {
        let needsQuotes = cell.unicodeScalars.contains {
            $0 == "\"" || $0 == "\n" || $0 == "\r" || delimiter.unicodeScalars.contains($0)
        } || cell.first == " " || cell.last == " "
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
