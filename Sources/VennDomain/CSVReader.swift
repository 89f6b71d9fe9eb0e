public import Foundation

/// Reads CSV text as spreadsheets save it, following RFC 4180.
///
/// Cells may be quoted; a quoted cell holds delimiters, line breaks and
/// quotes written twice (`""`). Lines end with CRLF, LF or a lone CR. The
/// text must be UTF-8; a leading byte order mark is dropped. Without a
/// given delimiter, the reader takes the one of `,`, `;` and tab that
/// occurs most often outside quotes on the first line (`,` when none does
/// or on a tie), since spreadsheets set to Norwegian save with `;`.
///
/// Empty lines are skipped, so a file's trailing line break adds no row.
/// Rows keep as many cells as they have; it is up to the caller to compare
/// them with the header. A quote that appears inside an unquoted cell is
/// kept as text, and so is text after a closing quote.
///
/// ```swift
/// let table = try CSVReader().read(Data("Navn;Telefon\r\nKari;912 34 567\r\n".utf8))
/// // table.delimiter == ";"
/// // table.rows == [Row(line: 1, cells: ["Navn", "Telefon"]),
/// //                Row(line: 2, cells: ["Kari", "912 34 567"])]
/// ```
public struct CSVReader: Sendable {
    /// One row of the file.
    public struct Row: Sendable, Hashable {
        /// The 1-based line of the file where the row starts; a cell with
        /// line breaks makes the next row start further down.
        public var line: Int
        /// The cells, unquoted, in file order.
        public var cells: [String]

        /// Describes a row.
        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }
    }

    /// The rows of a file and the delimiter they were split on.
    public struct Table: Sendable, Hashable {
        /// The delimiter between cells.
        public var delimiter: Character
        /// Every non-empty row, the header first.
        public var rows: [Row]

        /// Describes a table.
        public init(delimiter: Character, rows: [Row]) {
            self.delimiter = delimiter
            self.rows = rows
        }
    }

    /// The delimiters detected, in the order that wins a tie.
    public static let detectedDelimiters: [Character] = [",", ";", "\t"]

    /// The delimiter to split on, or nil to detect it from the first line.
    public var delimiter: Character?

    /// Makes a reader.
    ///
    /// - Parameter delimiter: The delimiter between cells; nil detects it.
    ///   It must be a single Unicode scalar other than a quote or a line
    ///   break.
    public init(delimiter: Character? = nil) {
        self.delimiter = delimiter
    }

    /// Splits CSV text into rows of cells.
    ///
    /// - Parameter data: The file's bytes.
    /// - Returns: The non-empty rows with their line numbers, and the
    ///   delimiter used.
    /// - Throws: `CSVError` with `.invalidEncoding` and the line of the
    ///   first byte that is not UTF-8, or `.unterminatedQuote` and the line
    ///   where the unclosed quoted cell begins.
    public func read(_ data: Data) throws(CSVError) -> Table {
        var scalars = try Self.decode(data)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }

        let delimiter = self.delimiter ?? Self.detectDelimiter(in: scalars)
        let separator = delimiter.unicodeScalars.first ?? ","
        let rows = try Self.parse(scalars, separator: separator)
        return Table(delimiter: delimiter, rows: rows)
    }

    // MARK: - Steps

    /// The Unicode scalars of UTF-8 text.
    private static func decode(_ data: Data) throws(CSVError) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(data.count)
        var lines = LineCounter()
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                lines.advance(past: scalar)
                scalars.append(scalar)
            case .emptyInput:
                return scalars
            case .error:
                throw CSVError(.invalidEncoding, line: lines.line)
            }
        }
    }

    /// The candidate that occurs most often outside quotes before the first
    /// line break outside quotes.
    private static func detectDelimiter(in scalars: [Unicode.Scalar]) -> Character {
        var counts: [Unicode.Scalar: Int] = [:]
        var isQuoted = false
        for scalar in scalars {
            if scalar == "\"" {
                isQuoted.toggle()
            } else if !isQuoted {
                if scalar == "\n" || scalar == "\r" { break }
                counts[scalar, default: 0] += 1
            }
        }

        var best: Character = ","
        var bestCount = 0
        for candidate in detectedDelimiters {
            let count = candidate.unicodeScalars.first.map { counts[$0] ?? 0 } ?? 0
            if count > bestCount {
                best = candidate
                bestCount = count
            }
        }
        return best
    }

    /// Splits scalars into rows, skipping empty lines.
    private static func parse(
        _ scalars: [Unicode.Scalar],
        separator: Unicode.Scalar
    ) throws(CSVError) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var isCellQuoted = false
        var isInQuotes = false
        var quoteLine = 0
        var hasContent = false
        var lines = LineCounter()
        var rowLine = 1

        func endCell() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            isCellQuoted = false
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1

            // Inside quotes only a quote is special: doubled, or closing.
            if isInQuotes {
                if scalar == "\"", next == "\"" {
                    cell.append(scalar)
                    index += 1
                } else if scalar == "\"" {
                    isInQuotes = false
                } else {
                    lines.advance(past: scalar, before: next)
                    cell.append(scalar)
                }
                continue
            }

            switch scalar {
            case "\"" where !isCellQuoted && cell.allSatisfy({ $0 == " " }):
                // Spaces before the opening quote are layout, not content.
                cell = String.UnicodeScalarView()
                isCellQuoted = true
                isInQuotes = true
                quoteLine = lines.line
                hasContent = true
            case separator:
                endCell()
                hasContent = true
            case "\r", "\n":
                if hasContent || !cell.isEmpty {
                    endCell()
                    rows.append(Row(line: rowLine, cells: cells))
                }
                cells = []
                cell = String.UnicodeScalarView()
                isCellQuoted = false
                hasContent = false
                if scalar == "\r", next == "\n" { index += 1 }
                lines.line += 1
                rowLine = lines.line
            default:
                cell.append(scalar)
                hasContent = true
            }
        }

        if isInQuotes { throw CSVError(.unterminatedQuote, line: quoteLine) }
        if hasContent || !cell.isEmpty {
            endCell()
            rows.append(Row(line: rowLine, cells: cells))
        }
        return rows
    }
}

/// Counts lines the way the reader splits rows: CRLF, LF and a lone CR
/// each end one line.
private struct LineCounter {
    var line = 1
    private var isAfterCR = false

    /// Moves past `scalar` when the following scalar is not known yet: a CR
    /// counts at once, and an LF right after it does not count again.
    mutating func advance(past scalar: Unicode.Scalar) {
        if scalar == "\r" || (scalar == "\n" && !isAfterCR) { line += 1 }
        isAfterCR = scalar == "\r"
    }

    /// Moves past `scalar` knowing the one after it.
    mutating func advance(past scalar: Unicode.Scalar, before next: Unicode.Scalar?) {
        if scalar == "\n" || (scalar == "\r" && next != "\n") { line += 1 }
    }
}
