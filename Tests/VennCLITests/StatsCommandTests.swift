import Foundation
import Testing
import VennTestSupport

/// `venn stats`: the group's statistics record, counts only.
@Suite struct StatsCommandTests {
    @Test func anEmptyGroupShowsNoCountsAndNoMedians() throws {
        let venn = try VennProcess()
        _ = try venn.succeed(["init", "--group", "askvoll"])

        let text = try venn.succeed(["stats", "show", "--year", "2026"])
        #expect(text.hasPrefix("Statistics for 2026"))
        #expect(text.contains("Active matches") && text.contains("under 5"))
        #expect(text.contains("Days to match") && text.contains("too few to show"))

        let json = try #require(try venn.json(["stats", "show", "--year", "2026"]) as? [String: Any])
        #expect(json["year"] as? Int == 2026)
        #expect(json["matches_active"] == nil)
        #expect(json.values.allSatisfy { !($0 is String) || ($0 as? String)?.hasSuffix("Z") == true })

        venn.language = "nb_NO.UTF-8"
        let bokmal = try venn.succeed(["stats", "show", "--year", "2026"])
        #expect(bokmal.hasPrefix("Statistikk for 2026"))
        #expect(bokmal.contains("for få til å vises"))
    }

    @Test func savingTwiceKeepsOneRecordPerYearThatPeopleCannotEdit() throws {
        let venn = try VennProcess()
        _ = try venn.succeed(["init", "--group", "askvoll"])
        _ = try venn.succeed(["demo-data", "--size", "typical"])
        _ = try venn.succeed(["stats", "save", "--year", "2026"])
        _ = try venn.succeed(["stats", "save", "--year", "2026"])

        let records = try #require(try venn.json(["list", "group_stats"]) as? [[String: Any]])
        #expect(records.count == 1)
        let fields = try #require(records.first?["fields"] as? [String: Any])
        #expect((fields["matches_active"] as? Int ?? 0) >= 5)
        let id = try #require(records.first?["id"] as? String)
        #expect(try venn.run(["edit", "group_stats", id, "--matches-active", "99"]).status == 1)
        #expect(try venn.run(["stats", "save", "--year", "1999"]).status == 1)
    }
}
