import Foundation
import Testing
import VennDomain

/// One file and the rows the reader should find in it.
struct CSVReaderCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var delimiter: Character
    var rows: [CSVReader.Row]

    var testDescription: String { name }
}

private func row(_ line: Int, _ cells: String...) -> CSVReader.Row {
    CSVReader.Row(line: line, cells: cells)
}

struct CSVReaderTests {
    static let cases: [CSVReaderCase] = [
        CSVReaderCase(
            name: "LF line ends",
            text: "a,b\n1,2\n",
            delimiter: ",",
            rows: [row(1, "a", "b"), row(2, "1", "2")]
        ),
        CSVReaderCase(
            name: "CRLF line ends",
            text: "a,b\r\n1,2\r\n",
            delimiter: ",",
            rows: [row(1, "a", "b"), row(2, "1", "2")]
        ),
        CSVReaderCase(
            name: "lone CR line ends",
            text: "a,b\r1,2\r",
            delimiter: ",",
            rows: [row(1, "a", "b"), row(2, "1", "2")]
        ),
        CSVReaderCase(
            name: "no line break at the end",
            text: "a,b\n1,2",
            delimiter: ",",
            rows: [row(1, "a", "b"), row(2, "1", "2")]
        ),
        CSVReaderCase(
            name: "doubled quotes in a quoted cell",
            text: "a,b\n\"say \"\"hi\"\"\",2\n",
            delimiter: ",",
            rows: [row(1, "a", "b"), row(2, "say \"hi\"", "2")]
        ),
        CSVReaderCase(
            name: "embedded newline moves the next row's line",
            text: "a,b\n\"one\ntwo\",x\n3,4\n",
            delimiter: ",",
            rows: [row(1, "a", "b"), row(2, "one\ntwo", "x"), row(4, "3", "4")]
        ),
        CSVReaderCase(
            name: "embedded CRLF is kept",
            text: "\"a\r\nb\",c\r\nd,e",
            delimiter: ",",
            rows: [row(1, "a\r\nb", "c"), row(3, "d", "e")]
        ),
        CSVReaderCase(
            name: "semicolon file",
            text: "Navn;Telefon\nKari, Ola;912 34 567\n",
            delimiter: ";",
            rows: [row(1, "Navn", "Telefon"), row(2, "Kari, Ola", "912 34 567")]
        ),
        CSVReaderCase(
            name: "delimiters inside quotes do not count",
            text: "\"a,b,c\";d;e\n1;\"2;3\";4\n",
            delimiter: ";",
            rows: [row(1, "a,b,c", "d", "e"), row(2, "1", "2;3", "4")]
        ),
        CSVReaderCase(
            name: "tab file",
            text: "a\tb\n1\t2\n",
            delimiter: "\t",
            rows: [row(1, "a", "b"), row(2, "1", "2")]
        ),
        CSVReaderCase(
            name: "byte order mark",
            text: "\u{FEFF}Navn;E-post\r\nKari;k@example.no\r\n",
            delimiter: ";",
            rows: [row(1, "Navn", "E-post"), row(2, "Kari", "k@example.no")]
        ),
        CSVReaderCase(
            name: "empty lines and trailing empty lines are skipped",
            text: "a,b\n\n1,2\r\n\r\n\n",
            delimiter: ",",
            rows: [row(1, "a", "b"), row(3, "1", "2")]
        ),
        CSVReaderCase(
            name: "empty cells are kept",
            text: "a,b,c\n,,\n\"\",x,\n",
            delimiter: ",",
            rows: [row(1, "a", "b", "c"), row(2, "", "", ""), row(3, "", "x", "")]
        ),
        CSVReaderCase(
            name: "one column",
            text: "Navn\nKari\n",
            delimiter: ",",
            rows: [row(1, "Navn"), row(2, "Kari")]
        ),
        CSVReaderCase(
            name: "non-ASCII text",
            text: "Område;Fødselsår\nGrünerløkka;1950\n",
            delimiter: ";",
            rows: [row(1, "Område", "Fødselsår"), row(2, "Grünerløkka", "1950")]
        ),
    ]

    @Test(arguments: cases)
    func readsRowsWithTheirLines(_ testCase: CSVReaderCase) throws {
        let table = try CSVReader().read(Data(testCase.text.utf8))

        #expect(table.delimiter == testCase.delimiter)
        #expect(table.rows == testCase.rows)
    }

    @Test func usesAGivenDelimiterInsteadOfDetectingOne() throws {
        let table = try CSVReader(delimiter: ";").read(Data("a,b;c\n".utf8))

        #expect(table.rows == [row(1, "a,b", "c")])
    }

    @Test func readsAnEmptyFileAsNoRows() throws {
        #expect(try CSVReader().read(Data()).rows.isEmpty)
        #expect(try CSVReader().read(Data("\u{FEFF}\r\n".utf8)).rows.isEmpty)
    }

    @Test(arguments: [
        ("a,b\n1,2\n\"open,3\n4,5\n", 3),
        ("\"never closed", 1),
        ("a,b\r\n\"x\r\ny\",\"z\r\n", 3),
    ])
    func reportsAnUnterminatedQuoteAtItsLine(text: String, line: Int) {
        #expect(throws: CSVError(.unterminatedQuote, line: line)) {
            try CSVReader().read(Data(text.utf8))
        }
    }

    @Test func reportsBytesThatAreNotUTF8AtTheirLine() {
        // Latin-1 "ø", as an old spreadsheet saves it.
        let data = Data("Navn;Omr\n".utf8) + Data("Kari;Ullev".utf8) + Data([0xE5, 0x6C]) + Data("\n".utf8)

        #expect(throws: CSVError(.invalidEncoding, line: 2)) {
            try CSVReader().read(data)
        }
    }
}

struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("one\ntwo", "\"one\ntwo\""),
        (" padded", "\" padded\""),
        ("", ""),
    ])
    func quotesCellsOnlyWhenNeeded(cell: String, written: String) {
        #expect(CSVWriter().quoted(cell) == written)
    }

    @Test func writesRowsThatReadBackTheSame() throws {
        let rows = [["id", "name", "note"], ["1", "Nordmann, Kari", "said \"hei\"\r\nthen left"], ["2", "", " x "]]

        let data = CSVWriter().data(rows: rows)
        let table = try CSVReader().read(data)

        #expect(String(decoding: data, as: UTF8.self).hasSuffix("\r\n"))
        #expect(table.rows.map(\.cells) == rows)
        #expect(table.rows.map(\.line) == [1, 2, 4])
    }
}
