import Foundation
import Testing
import VennTestSupport

/// A working group's way from start-up to matched pairs and a gathering,
/// with the commands the README walks through, as a new user types them:
/// short ids read from what `venn` prints.
@Suite struct WorkingGroupYearTests {
    /// The first short id (eight hex digits) in `text`.
    func shortID(in text: String) throws -> String {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let id = words.first { $0.count == 8 && $0.allSatisfy(\.isHexDigit) && $0.contains(where: \.isNumber) }
        return try #require(id, "no short id in: \(text)")
    }

    func status(_ venn: VennProcess, _ collection: String, _ id: String) throws -> String? {
        let record = try #require(try venn.json(["show", collection, id]) as? [String: Any])
        return (record["fields"] as? [String: Any])?["status"] as? String
    }

    @Test(arguments: ["en_US.UTF-8", "nb_NO.UTF-8"])
    func aGroupGoesFromStartUpToMatchedPairsAndAGathering(language: String) throws {
        let venn = try VennProcess()
        venn.language = language

        // 1. Start-up: the group, its leader, the agreement with NF.
        _ = try venn.succeed(["init", "--group", "askvoll"])
        _ = try venn.succeed(["group", "serves", "home", "day_centre"])
        let leader = try venn.succeed([
            "add", "member", "--name", "Anne Lie", "--email", "anne@askvoll.kommune.no", "--roles", "lead",
        ])
        _ = try venn.succeed(["member", "me", leader])
        _ = try venn.succeed(["member", "assign", leader, "course"])
        _ = try venn.succeed(["agreement", "draft", "--leader", leader])
        for move in ["sign", "anchor", "send", "register"] {
            _ = try venn.succeed(["agreement", move])
        }
        let agreement = try #require(try venn.json(["agreement", "show"]) as? [String: Any])
        #expect("\(agreement)".contains("registered"))

        // 2. Recruitment and course.
        _ = try venn.succeed(["add", "activity_type", "--code", "walk", "--label", "Walks", "--group-capable"])
        _ = try venn.succeed(["add", "activity_type", "--code", "music", "--label", "Music"])
        let kari = try venn.succeed(["add", "volunteer", "--name", "Kari Nordmann", "--phone", "41234567"])
        _ = try venn.succeed(["volunteer", "contact", kari])
        _ = try venn.succeed(["volunteer", "map", kari, "--interests", "walk,music",
                              "--availability", "mon-evening,thu-morning", "--area", "Sentrum",
                              "--willing", "home,group"])
        let course = try shortID(in: try venn.succeed([
            "course", "plan", "--title", "Vårkurs", "--session", "2026-03-10 18:00-21:00",
            "--session", "2026-03-12 18:00-21:00", "--venue", "Frivilligsentralen",
        ]))
        _ = try venn.succeed(["course", "enrol", course, kari])
        #expect(try status(venn, "volunteer", kari) == "enrolled")
        _ = try venn.succeed(["course", "attend", course, kari, "--session", "1"])
        _ = try venn.succeed(["course", "attend", course, kari, "--session", "2"])
        _ = try venn.succeed(["course", "hold", course, "--on", "2026-03-12"])
        _ = try venn.succeed(["course", "complete", course])
        #expect(try status(venn, "volunteer", kari) == "course_done")

        // 3. Follow-up conversation and pledge, then ready.
        let early = try venn.run(["volunteer", "ready", kari])
        #expect(early.status == 2)
        #expect(early.error.contains("venn followup record"))
        _ = try venn.succeed(["followup", "record", kari, "--outcome", "ready", "--on", "2026-03-20"])
        _ = try venn.succeed(["volunteer", "pledge", kari, "--on", "2026-03-20"])
        #expect(try status(venn, "volunteer", kari) == "ready")

        // A person who wants an activity friend: consent and mapping.
        let astrid = try venn.succeed(["add", "person", "--name", "Astrid Lund", "--residence", "home"])
        let unconsented = try venn.run(["person", "map", astrid, "--interests", "walk",
                                        "--availability", "mon-evening", "--area", "Sentrum"])
        #expect(unconsented.output.contains("venn consent give") || unconsented.error.contains("venn consent give"))
        _ = try venn.succeed(["consent", "give", astrid, "--by-whom", "self"])
        _ = try venn.succeed(["person", "map", astrid, "--interests", "walk", "--availability", "mon-evening",
                              "--area", "Sentrum", "--wishes", "Turer langs fjorden"])
        #expect(try status(venn, "person", astrid) == "mapped")
        #expect(try venn.succeed(["show", "person", astrid]).contains("Turer langs fjorden"))

        // Matching: the system suggests and explains; a person decides.
        let suggestions = try #require(try venn.json(["match", "suggest", "--person", astrid]) as? [[String: Any]])
        #expect((suggestions.first?["id"] as? String)?.hasSuffix(String(kari.suffix(8))) == true)
        #expect(try (venn.json(["list", "match"]) as? [Any])?.isEmpty == true)
        let match = try shortID(in: try venn.succeed(["match", "propose", "--volunteer", kari, "--person", astrid]))
        _ = try venn.succeed(["match", "start", match])
        _ = try venn.succeed(["match", "checkin", match, "--still-meeting", "yes", "--frequency", "weekly"])
        #expect(try status(venn, "match", match) == "active")
        #expect(try status(venn, "volunteer", kari) == "active")
        #expect(try status(venn, "person", astrid) == "matched")

        // 4. Follow-up: an experience gathering and its refund claim.
        let gathering = try shortID(in: try venn.succeed([
            "gathering", "plan", "--date", "2026-10-15", "--venue", "Frivilligsentralen",
        ]))
        _ = try venn.succeed(["gathering", "invite", gathering, "12"])
        _ = try venn.succeed(["gathering", "attended", gathering, "9", "--on", "2026-10-15"])
        _ = try venn.succeed(["refund", "limit", "food", "1500"])
        let claim = try shortID(in: try venn.succeed([
            "refund", "claim", "--gathering", gathering, "--category", "food", "--amount", "1450",
        ]))
        _ = try venn.succeed(["refund", "submit", claim])
        #expect(try status(venn, "gathering", gathering) == "held")
        #expect(try status(venn, "refund_claim", claim) == "submitted")

        // What is due, and every move recorded with who and when.
        let due = try #require(try venn.json(["status"]) as? [String: Any])
        let kinds = (due["alerts"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(!kinds.contains("agreement_not_registered"))
        #expect(!kinds.contains("no_gathering_this_year"))
        let table = try venn.succeed(["list", "transition"])
        #expect(table.contains(language.hasPrefix("nb") ? "Samarbeidsavtale" : "Cooperation agreement"))
        #expect(table.contains(language.hasPrefix("nb") ? "Registrert" : "Registered"))
        let moves = try #require(try venn.json(["list", "transition"]) as? [[String: Any]])
        #expect(moves.count >= 15)
        #expect(moves.allSatisfy { (($0["fields"] as? [String: Any])?["by"] as? String)?.hasSuffix(leader) == true })

        // The statistics record, counts only.
        _ = try venn.succeed(["stats", "save", "--year", "2026"])
        let statistics = try #require(try venn.json(["list", "group_stats"]) as? [[String: Any]])
        #expect(statistics.count == 1)
    }

    /// Each noun's help lists its verbs, and fits an 80-column terminal.
    @Test(arguments: [
        ("agreement", "register"), ("member", "tasks"), ("group", "serves"), ("volunteer", "pledge"),
        ("person", "map"), ("course", "complete"), ("followup", "record"), ("consent", "withdraw"),
        ("match", "propose"), ("activity", "join"), ("gathering", "attended"), ("refund", "submit"),
        ("stats", "save"),
    ])
    func everyNounsHelpListsItsVerbsWithinEightyColumns(noun: String, verb: String) throws {
        let venn = try VennProcess()
        for language in ["en_US.UTF-8", "nb_NO.UTF-8"] {
            venn.language = language
            let help = try venn.succeed([noun, "--help"], environment: ["COLUMNS": "80"])
            #expect(help.contains("\n  \(verb) "), "\(noun) --help lacks \(verb)")
            for line in help.split(separator: "\n") {
                #expect(line.count <= 80, "\(noun) --help: \(line)")
            }
        }
    }
}
