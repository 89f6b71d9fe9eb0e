import Foundation
import Testing
import VennTestSupport

/// `venn import`, `export`, `demo-data` and `match suggest` as processes.
@Suite struct DomainCommandTests {
    func initialized() throws -> VennProcess {
        let venn = try VennProcess()
        _ = try venn.succeed(["init", "--group", "askvoll"])
        return venn
    }

    func write(_ text: String, to name: String, in venn: VennProcess) throws -> String {
        let path = venn.home.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func volunteerCount(_ venn: VennProcess) throws -> Int {
        try #require(try venn.json(["list", "volunteer"]) as? [Any]).count
    }

    @Test func importsASpreadsheetWithNorwegianHeaders() throws {
        let venn = try initialized()
        let csv = "\u{FEFF}Navn;Telefon;E-post;Fødselsår\r\nKari Nordmann;41234567;kari@example.org;1961\r\n"
            + "Ola Hansen;91234567;;1970\r\n"
        let path = try write(csv, to: "frivillige.csv", in: venn)

        let checked = try venn.run(["import", "volunteer", path, "--dry-run"])
        #expect(checked.status == 0)
        #expect(checked.output.contains("2 valid"))
        #expect(try volunteerCount(venn) == 0)

        #expect(try venn.succeed(["import", "volunteer", path]).contains("Imported 2"))
        let list = try venn.succeed(["list", "volunteer"])
        #expect(list.contains("Kari Nordmann"))
        #expect(list.contains("Ola Hansen"))
    }

    @Test func aBadRowStopsTheWholeImportAndNamesItsLine() throws {
        let venn = try initialized()
        let csv = "Navn,Fødselsår\nKari,1961\nOla,1970\nPer,gammel\n"
        let path = try write(csv, to: "bad.csv", in: venn)

        let checked = try venn.run(["import", "volunteer", path, "--dry-run"])
        #expect(checked.status == 2)
        #expect(checked.error.contains("Line 4"))
        #expect(checked.error.contains("2 valid rows, 1 invalid"))

        let refused = try venn.run(["import", "volunteer", path])
        #expect(refused.status == 2)
        #expect(refused.error.contains("Line 4"))
        #expect(refused.error.contains("gammel"))
        #expect(try volunteerCount(venn) == 0)

        let skipped = try venn.run(["import", "volunteer", path, "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(skipped.output.contains("Imported 2"))
        #expect(try volunteerCount(venn) == 2)
    }

    @Test func unknownColumnsAreRefused() throws {
        let venn = try initialized()
        let path = try write("Navn,Skostørrelse\nKari,38\n", to: "shoes.csv", in: venn)
        let result = try venn.run(["import", "volunteer", path])
        #expect(result.status == 2)
        #expect(result.error.contains("Skostørrelse"))
    }

    @Test func exportsCSVThatImportsAgain() throws {
        let venn = try initialized()
        _ = try venn.succeed(["add", "volunteer", "--name", "Kari, the walker", "--interests", "tur,musikk"])
        let csv = try venn.succeed(["export", "volunteer"])
        #expect(csv.hasPrefix("id,"))
        #expect(csv.contains("\"Kari, the walker\""))

        let other = try initialized()
        let path = try write(csv, to: "export.csv", in: other)
        _ = try other.succeed(["import", "volunteer", path])
        let rows = try #require(try other.json(["list", "volunteer"]) as? [[String: Any]])
        let fields = try #require(rows.first?["fields"] as? [String: Any])
        #expect(fields["name"] as? String == "Kari, the walker")
        #expect(fields["interests"] as? [String] == ["tur", "musikk"])

        let json = try venn.succeed(["export", "volunteer", "--format", "json"])
        #expect(json.contains("\"Kari, the walker\""))
        #expect(try venn.run(["export", "volunteer", "--format", "xml"]).status == 1)
    }

    @Test func demoDataFeedsMatchSuggestions() throws {
        let venn = try initialized()
        #expect(try venn.succeed(["demo-data", "--size", "typical", "--seed", "7"]).contains("15 volunteers"))
        let persons = try #require(try venn.json(["list", "person"]) as? [[String: Any]])
        let mapped = persons.first { ($0["fields"] as? [String: Any])?["status"] as? String == "mapped" }
        let personID = try #require(mapped?["id"] as? String)

        let candidates = try #require(try venn.json(["match", "suggest", "--person", personID]) as? [[String: Any]])
        #expect(!candidates.isEmpty)
        let scores = candidates.compactMap { $0["score"] as? Int }
        #expect(scores == scores.sorted(by: >))
        #expect(try venn.succeed(["match", "suggest", "--person", String(personID.suffix(8))]).contains("Score"))
        #expect(try venn.run(["match", "suggest"]).status == 1)
        #expect(try venn.run(["demo-data", "--size", "huge"]).status == 1)
    }
}
