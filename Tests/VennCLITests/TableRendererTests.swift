import Testing
@testable import VennCLI

struct TableRendererTests {
    static let headers = ["Navn", "Status", "Telefon", "Interesser", "Område"]
    static let rows: [[String]] = [
        ["Kari Nordmann", "interested", "+47 912 34 567", "tur, musikk, fiske, hagearbeid, kafé",
         "Ålesund sentrum"],
        ["Ærlige Øystein Åsen", "course_done", "", "fotballminner, kirke, spill og samtale", "Nørvasund"],
        ["Ola", "ready", "22 33 44 55", "", "Spjelkavik"],
    ]

    static var naturalWidth: Int {
        TableRenderer(headers: headers).renderLines(rows, width: nil).map(DisplayWidth.of).max() ?? 0
    }

    @Test(arguments: [40, 80, 120])
    func linesNeverExceedTheWidth(width: Int) {
        let lines = TableRenderer(headers: Self.headers).renderLines(Self.rows, width: width)
        #expect(lines.count == Self.rows.count + 1)
        for line in lines {
            #expect(DisplayWidth.of(line) <= width, "\(line)")
        }
    }

    @Test(arguments: [40, 80])
    func narrowTablesTruncateWithAnEllipsis(width: Int) {
        #expect(Self.naturalWidth > width)
        let lines = TableRenderer(headers: Self.headers).renderLines(Self.rows, width: width)
        #expect(lines.contains { $0.contains("…") })
        #expect(lines[0].hasPrefix("Navn"))
    }

    @Test func wideTerminalsShowEverything() {
        #expect(Self.naturalWidth <= 120)
        let fitted = TableRenderer(headers: Self.headers).render(Self.rows, width: 120)
        let natural = TableRenderer(headers: Self.headers).render(Self.rows, width: nil)
        #expect(fitted == natural)
        #expect(!natural.contains("…"))
        #expect(natural.contains("fotballminner, kirke, spill og samtale"))
    }

    @Test func theWidestColumnsShrinkFirst() {
        let table = TableRenderer(headers: ["Id", "Name", "Notes"])
        let rows = [["1", "Kari", String(repeating: "x", count: 60)]]
        let lines = table.renderLines(rows, width: 40)
        #expect(lines[0] == "Id  Name  Notes")
        #expect(lines[1] == "1   Kari  " + String(repeating: "x", count: 29) + "…")
        #expect(DisplayWidth.of(lines[1]) == 40)
    }

    @Test func headersAreKeptAndTruncatedLikeCells() {
        let table = TableRenderer(headers: ["Fødselsår", "Taushetsløfte signert"])
        let lines = table.renderLines([["1950", "2024-03-01"]], width: 18)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("Fødsels"))
        #expect(lines[0].contains("…"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 18 })
    }

    @Test func columnsThatCannotFitAreLeftOutFromTheRight() {
        let table = TableRenderer(headers: ["Navn", "Status", "Telefon", "Område"])
        let lines = table.renderLines([["Kari Nordmann", "ready", "912 34 567", "Molde"]], width: 12)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 12 })
        #expect(lines[0].hasPrefix("Navn"))
        #expect(!lines[0].contains("Område"))
    }

    @Test func norwegianLettersTakeOneColumnAndWideCharactersTwo() {
        let table = TableRenderer(headers: ["A", "B"])
        let lines = table.renderLines([["ærøå", "x"], ["日本", "y"], ["ok", "z"]], width: nil)
        #expect(lines == ["A     B", "ærøå  x", "日本  y", "ok    z"])
    }

    @Test func rightAlignedColumnsPadOnTheLeft() {
        let table = TableRenderer(headers: ["Navn", "Antall"], alignments: [.left, .right])
        let lines = table.renderLines([["Molde", "7"], ["Ålesund", "12"]], width: 80)
        #expect(lines == ["Navn     Antall", "Molde         7", "Ålesund      12"])
    }

    @Test func cellsStayOnOneLineAndRowsMayBeShort() {
        let table = TableRenderer(headers: ["A", "B", "C"])
        let lines = table.renderLines([["x\ny", "tab\there"], ["1", "2", "3", "extra"]], width: nil)
        #expect(lines == ["A    B         C", "x y  tab here", "1    2         3"])
    }

    @Test(arguments: [([10, 20, 30], 30, [10, 10, 10]), ([10, 20, 30], 45, [10, 17, 18]),
                      ([5, 50], 20, [5, 15]), ([1, 2], 10, [1, 2])] as [([Int], Int, [Int])])
    func shrinkingCapsTheWidest(natural: [Int], available: Int, expected: [Int]) {
        let widths = TableRenderer.shrink(natural, toFit: available)
        #expect(widths == expected)
        #expect(widths.reduce(0, +) <= available)
    }
}

struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("æøå", 3), ("ÆØÅ", 3), ("e\u{301}", 1), ("日本語", 6),
        ("👍", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("a\u{200B}b", 2), ("\u{1B}", 0),
    ] as [(String, Int)])
    func measuresColumns(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test(arguments: [
        ("Kari Nordmann", 5, "Kari…"), ("Kari", 4, "Kari"), ("Kari", 3, "Ka…"),
        ("Kari", 1, "…"), ("Kari", 0, ""), ("日本語", 4, "日 …"), ("Ærlig", 3, "Ær…"),
    ] as [(String, Int, String)])
    func truncatesToExactlyTheWidth(text: String, width: Int, expected: String) {
        let result = DisplayWidth.truncate(text, to: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= width)
    }

    @Test func lettersMeasuredWithoutTheirPropertiesTakeWhatTheirPropertiesSay() {
        for value in UInt32(0)...0x2FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            #expect(DisplayWidth.of(character) == DisplayWidth.ofAnyCharacter(character), "U+\(value)")
            #expect(DisplayWidth.of(String(character)) == DisplayWidth.ofAnyCharacter(character), "U+\(value)")
        }
    }

    @Test(arguments: ["#\u{FE0F}\u{20E3}", "©\u{FE0F}", "a\u{301}", "\r\n", "1\u{FE0F}"])
    func clustersOfLettersAreMeasuredByTheirProperties(text: String) {
        let character = Character(text)
        #expect(DisplayWidth.of(character) == DisplayWidth.ofAnyCharacter(character))
        #expect(DisplayWidth.of(text) == DisplayWidth.ofAnyCharacter(character))
    }
}

struct TrailingSpaceTests {
    @Test(arguments: [
        ("", ""), ("   ", ""), ("ab  ", "ab"), ("a b", "a b"), ("ærø  ", "ærø"), ("日本 ", "日本"),
        ("x \u{301} ", "x \u{301}"), ("Ola", "Ola"),
    ] as [(String, String)])
    func linesLoseOnlyTheSpacesThatEndThem(line: String, expected: String) {
        #expect(TableRenderer.trimmingTrailingSpaces(line) == expected)
        #expect(TableRenderer.trimmingTrailingSpaces(line) == String(line.reversed().drop { $0 == " " }.reversed()))
    }
}

struct TextWrapperTests {
    @Test(arguments: [20, 30, 50])
    func wrapsWithinTheWidth(width: Int) {
        let text = "Hvert felt settes med et valg som heter det samme som feltet, "
            + "og en svært-lang-sammensatt-verdi-uten-mellomrom-som-må-deles kommer til slutt."
        let lines = TextWrapper.wrap(text, width: width, firstIndent: 4, indent: 6)
        #expect(DisplayWidth.of(lines[0]) + 4 <= width)
        for line in lines.dropFirst() {
            #expect(DisplayWidth.of(line) <= width)
            #expect(line.hasPrefix("      "))
        }
        let words = lines.joined(separator: " ").split(separator: " ").joined()
        #expect(words == text.split(separator: " ").joined())
    }
}

struct TerminalSizeTests {
    @Test(arguments: [
        (["COLUMNS": "100"], 57, 100),
        (["COLUMNS": "0"], 57, 57),
        (["COLUMNS": "wide"], 57, 57),
        (["COLUMNS": "-3"], nil, nil),
        ([:], nil, nil),
        ([:], 132, 132),
    ] as [([String: String], Int?, Int?)])
    func columnsComeFromTheEnvironmentThenTheTerminal(
        environment: [String: String],
        terminal: Int?,
        expected: Int?
    ) {
        #expect(TerminalSize.columns(environment: environment, askingTerminal: { terminal }) == expected)
    }
}
