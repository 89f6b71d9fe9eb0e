/// Lays out rows of text in columns under headers, fitted to a width.
///
/// When the table is wider than the width, the widest columns are narrowed
/// first, and cells that no longer fit end in "…". When even columns three
/// wide do not fit, the last columns are left out (`list` puts the most
/// important first). Without a width (output is not a terminal) nothing is
/// cut.
///
/// ```swift
/// let table = TableRenderer(headers: ["Name", "Area"])
/// print(table.render([["Kari", "Nord"], ["Ola", "Sør"]], width: 80))
/// // Name  Area
/// // Kari  Nord
/// // Ola   Sør
/// ```
public struct TableRenderer: Sendable, Hashable {
    /// Where text sits in its column.
    public enum Alignment: Sendable, Hashable {
        /// For text.
        case left
        /// For numbers.
        case right
    }

    /// The column headers; they set the number of columns.
    public var headers: [String]
    /// Alignment per column; missing entries are `.left`.
    public var alignments: [Alignment]
    /// Text between two columns.
    public var separator: String

    /// The narrowest a column is made before columns are left out.
    public static let minimumColumnWidth = 3

    /// A table with the given headers.
    public init(headers: [String], alignments: [Alignment] = [], separator: String = "  ") {
        self.headers = headers
        self.alignments = alignments
        self.separator = separator
    }

    /// The header line and one line per row, joined by newlines, with no
    /// trailing newline.
    ///
    /// - Parameters:
    ///   - rows: The cells of each row; missing cells are empty and cells
    ///     beyond the headers are ignored. Line breaks and tabs in a cell
    ///     become spaces.
    ///   - width: The columns available, or nil for no limit.
    public func render(_ rows: [[String]], width: Int?) -> String {
        renderLines(rows, width: width).joined(separator: "\n")
    }

    /// The header line and one line per row; no line is wider than `width`.
    public func renderLines(_ rows: [[String]], width: Int?) -> [String] {
        let table = ([headers] + rows).map { row in
            headers.indices.map { index in index < row.count ? Self.singleLine(row[index]) : "" }
        }
        // Each cell's width, measured once.
        let cellWidths = table.map { row in row.map(DisplayWidth.of) }
        let natural = headers.indices.map { column in
            cellWidths.map { $0[column] }.max() ?? 0
        }
        let widths = width.map { fittedWidths(natural: natural, width: $0) } ?? natural

        return table.indices.map { rowIndex in
            let row = table[rowIndex]
            var line = ""
            for (column, columnWidth) in widths.enumerated() {
                if column > 0 { line += separator }
                var cell = row[column]
                var cellWidth = cellWidths[rowIndex][column]
                if cellWidth > columnWidth {
                    cell = DisplayWidth.truncate(cell, to: columnWidth)
                    cellWidth = DisplayWidth.of(cell)
                }
                let padding = String(repeating: " ", count: columnWidth - cellWidth)
                let isRight = column < alignments.count && alignments[column] == .right
                line += isRight ? padding + cell : cell + padding
            }
            return Self.trimmingTrailingSpaces(line)
        }
    }

    /// `line` without the spaces that end it.
    static func trimmingTrailingSpaces(_ line: String) -> String {
        let utf8 = line.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: " ") {
            end = utf8.index(before: end)
        }
        if end == utf8.endIndex { return line }
        // A space after an ASCII character is a Character of its own, so the
        // cut falls between Characters; otherwise let String decide.
        guard end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 else {
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
        return String(line[..<end])
    }

    /// Column widths whose total, with separators, fits in `width`; fewer
    /// widths than columns when the last ones are left out.
    public func fittedWidths(natural: [Int], width: Int) -> [Int] {
        var natural = natural
        let separatorWidth = DisplayWidth.of(separator)
        while !natural.isEmpty {
            let available = width - separatorWidth * (natural.count - 1)
            let floor = natural.map { min($0, Self.minimumColumnWidth) }.reduce(0, +)
            if available >= floor || natural.count == 1 {
                return Self.shrink(natural, toFit: max(0, available))
            }
            natural.removeLast()
        }
        return []
    }

    /// Narrows the widest columns until the total is at most `available`:
    /// every column wider than a cap is cut to it, and the columns left over
    /// share what remains, widest first.
    static func shrink(_ natural: [Int], toFit available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural }

        // The largest cap that fits (columns narrower than it keep their width).
        var cap = natural.max() ?? 0
        while cap > 0, natural.reduce(0, { $0 + min($1, cap) }) > available {
            cap -= 1
        }
        var widths = natural.map { min($0, cap) }

        // Hand out the columns the cap left unused, to the widest first.
        var spare = available - widths.reduce(0, +)
        let widestFirst = natural.indices.sorted { natural[$0] > natural[$1] }
        for index in widestFirst where spare > 0 && natural[index] > widths[index] {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }

    /// The cell on one line: line breaks and tabs become spaces, other
    /// characters that take no column (controls, format characters) go.
    private static func singleLine(_ cell: String) -> String {
        if cell.utf8.allSatisfy(DisplayWidth.isPrintableASCII) { return cell }
        guard cell.contains(where: { DisplayWidth.of($0) == 0 }) else { return cell }
        var line = ""
        for character in cell {
            if character.isNewline || character == "\t" {
                line.append(" ")
            } else if DisplayWidth.of(character) > 0 {
                line.append(character)
            }
        }
        return line
    }
}
