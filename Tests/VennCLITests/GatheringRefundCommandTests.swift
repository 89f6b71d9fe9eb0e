import Foundation
import Testing
import VennTestSupport

/// `venn gathering` and `venn refund` as processes, in English and bokmål.
@Suite struct GatheringRefundCommandTests {
    func initialized(language: String = "en_US.UTF-8") throws -> VennProcess {
        let venn = try VennProcess()
        venn.language = language
        _ = try venn.succeed(["init", "--group", "askvoll"])
        return venn
    }

    /// The id `plan` or `claim` prints.
    func added(_ venn: VennProcess, _ arguments: [String]) throws -> String {
        let id = try venn.succeed(arguments)
        #expect(id.count == 36, "\(id)")
        return id
    }

    func fields(_ venn: VennProcess, _ id: String) throws -> [String: Any] {
        let shown = try #require(try venn.json(["gathering", "show", id]) as? [String: Any])
        return try #require(shown["fields"] as? [String: Any])
    }

    @Test func aGatheringIsPlannedInvitedHeldAndCosted() throws {
        let venn = try initialized()
        let id = try added(venn, [
            "gathering", "plan", "--date", "2026-04-20", "--venue", "Frivilligsentralen", "--theme", "Turer",
        ])

        #expect(try venn.succeed(["gathering", "invite", id, "18"]).contains("Planned → Open"))
        #expect(try venn.succeed(["gathering", "attended", id, "12", "--on", "2026-04-20"]).contains("Open → Held"))
        _ = try venn.succeed(["gathering", "cost", id, "2450,50"])

        let values = try fields(venn, id)
        #expect(values["invited_count"] as? Int == 18)
        #expect(values["attended_count"] as? Int == 12)
        #expect(values["cost"] as? Double == 2450.5)
        #expect(values["status"] as? String == "held")
        let shown = try venn.succeed(["gathering", "show", id])
        #expect(shown.contains("Frivilligsentralen"))
        #expect(shown.contains("Refund claims"))
    }

    @Test func planningWithoutADateIsAUsageError() throws {
        let venn = try initialized()
        let result = try venn.run(["gathering", "plan", "--theme", "Turer"])
        #expect(result.status == 1)
        #expect(result.error.contains("--date"))
    }

    @Test func aCountMustBeAWholeNumber() throws {
        let venn = try initialized()
        let id = try added(venn, ["gathering", "plan", "--date", "2026-04-20"])
        let result = try venn.run(["gathering", "invite", id, "mange"])
        #expect(result.status == 1)
        #expect(result.error.contains("mange"))
    }

    @Test func theListSaysWhetherTheYearHasTheRecommendedTwo() throws {
        let venn = try initialized()
        _ = try added(venn, ["gathering", "plan", "--date", "2026-04-20"])
        let one = try venn.succeed(["gathering", "list", "--year", "2026"])
        #expect(one.contains("2026 has 1 gathering"))
        #expect(one.contains("two a year are recommended"))

        _ = try added(venn, ["gathering", "plan", "--date", "2026-10-20"])
        _ = try added(venn, ["gathering", "plan", "--date", "2025-10-20"])
        #expect(try venn.succeed(["gathering", "list", "--year", "2026"]).contains("the recommended two a year"))
        #expect(try venn.succeed(["gathering", "list", "--year", "2024"]).contains("at least one a year is required"))

        let json = try #require(try venn.json(["gathering", "list", "--year", "2026"]) as? [String: Any])
        #expect((json["gatherings"] as? [Any])?.count == 2)
        #expect(json["meets_recommendation"] as? Bool == true)
    }

    @Test func theListSpeaksBokmal() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        _ = try added(venn, ["gathering", "plan", "--date", "2026-04-20", "--theme", "Musikk"])
        let list = try venn.succeed(["gathering", "list", "--year", "2026"])
        #expect(list.contains("Tema"))
        #expect(list.contains("2026 har 1 samling"))
        #expect(list.contains("to i året anbefales"))
    }

    @Test func limitsAreSetAndShownPerCategory() throws {
        let venn = try initialized()
        #expect(try venn.succeed(["refund", "limit", "food", "1500"]).contains("food is now 1500 kr"))
        // A label in bokmål names the category too.
        _ = try venn.succeed(["refund", "limit", "Lokale", "4000"])

        let limits = try #require(try venn.json(["refund", "limits"]) as? [String: Any])
        #expect(limits["food"] as? Double == 1500)
        #expect(limits["venue"] as? Double == 4000)
        let table = try venn.succeed(["refund", "limits"])
        #expect(table.contains("1500 kr"))
        #expect(table.contains("no limit"))

        let unknown = try venn.run(["refund", "limit", "gifts", "10"])
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("gifts"))
    }

    @Test func submittingOverTheLimitIsRefusedWithWhatIsClaimed() throws {
        let venn = try initialized()
        let gathering = try added(venn, ["gathering", "plan", "--date", "2026-04-20"])
        _ = try venn.succeed(["refund", "limit", "food", "1500"])
        let first = try added(venn, [
            "refund", "claim", "--gathering", gathering, "--category", "food", "--amount", "1000",
        ])
        let second = try added(venn, [
            "refund", "claim", "--gathering", gathering, "--category", "Mat", "--amount", "600",
        ])
        #expect(try venn.succeed(["refund", "submit", first]).contains("Draft → Submitted"))

        let refused = try venn.run(["refund", "submit", second])
        #expect(refused.status == 2)
        #expect(refused.error.contains("1500 kr"))
        #expect(refused.error.contains("1600 kr"))

        let list = try #require(try venn.json(["refund", "list"]) as? [String: Any])
        let totals = try #require(list["totals"] as? [String: Any])
        #expect(totals["claimed"] as? Double == 1000)
        #expect(totals["draft"] as? Double == 600)
    }

    @Test func refusalSpeaksBokmal() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        let gathering = try added(venn, ["gathering", "plan", "--date", "2026-04-20"])
        _ = try venn.succeed(["refund", "limit", "mat", "500"])
        let claim = try added(venn, [
            "refund", "claim", "--gathering", gathering, "--category", "food", "--amount", "800",
        ])
        let refused = try venn.run(["refund", "submit", claim])
        #expect(refused.status == 2)
        #expect(refused.error.contains("grensen på 500 kr"))
    }

    @Test func theListTotalsClaimedApprovedAndPaid() throws {
        let venn = try initialized()
        let gathering = try added(venn, ["gathering", "plan", "--date", "2026-04-20"])
        let claims = try ["300", "700"].map { amount in
            try added(venn, ["refund", "claim", "--gathering", gathering, "--category", "venue", "--amount", amount])
        }
        for claim in claims {
            _ = try venn.succeed(["refund", "submit", claim])
            _ = try venn.succeed(["refund", "approve", claim])
        }
        _ = try venn.succeed(["refund", "pay", claims[1]])

        let english = try venn.succeed(["refund", "list"])
        #expect(english.contains("2 claims: 1000 kr claimed, 1000 kr approved, 700 kr paid."))
        venn.language = "nb_NO.UTF-8"
        let bokmal = try venn.succeed(["refund", "list"])
        #expect(bokmal.contains("2 krav: 1000 kr krevd, 1000 kr godkjent, 700 kr utbetalt."))
        #expect(bokmal.contains("Utbetalt"))
    }

    @Test func aClaimNeedsOneEvent() throws {
        let venn = try initialized()
        let result = try venn.run(["refund", "claim", "--category", "food", "--amount", "100"])
        #expect(result.status == 1)
        #expect(result.error.contains("--gathering"))
    }

    @Test(arguments: [("en_US.UTF-8", "Record how many came"), ("nb_NO.UTF-8", "Registrer hvor mange som kom")])
    func helpListsTheVerbs(language: String, attended: String) throws {
        let venn = try VennProcess()
        venn.language = language
        let help = try venn.succeed(["gathering", "--help"])
        #expect(help.contains(attended))
        #expect(help.contains("cancel ID --reason"))
        let refund = try venn.succeed(["refund", "--help"])
        #expect(refund.contains("limit CATEGORY AMOUNT"))
    }
}
