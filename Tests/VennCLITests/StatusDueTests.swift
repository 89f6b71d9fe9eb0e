import Foundation
import Testing
import VennTestSupport

/// `venn status` showing what is due, as a process.
@Suite struct StatusDueTests {
    /// The ids of a store with a match last started long ago, a consent
    /// past its review day and one gathering held this year.
    struct DueRecords {
        var match: String
        var consent: String
    }

    func initialized() throws -> VennProcess {
        let venn = try VennProcess()
        _ = try venn.succeed(["init", "--group", "askvoll"])
        return venn
    }

    /// The current year by the system clock, as `venn` sees it.
    var thisYear: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.component(.year, from: Date())
    }

    func addDueRecords(_ venn: VennProcess) throws -> DueRecords {
        let volunteer = try venn.succeed(["add", "volunteer", "--name", "Kari Nordmann", "--status", "active"])
        let person = try venn.succeed(["add", "person", "--name", "Aud Hansen", "--status", "matched"])
        let match = try venn.succeed([
            "add", "match", "--volunteer", volunteer, "--person", person, "--status", "active",
            "--started-on", "\(thisYear - 2)-01-01",
        ])
        let consent = try venn.succeed([
            "add", "consent", "--subject", person, "--purposes", "registration", "--given-by", "self",
            "--given-on", "\(thisYear - 2)-01-01", "--review-on", "\(thisYear - 1)-06-01",
        ])
        _ = try venn.succeed(["add", "gathering", "--date", "\(thisYear)-01-10", "--status", "held"])
        return DueRecords(match: match, consent: consent)
    }

    @Test func listsWhatIsDueWithShortIDsAndNames() throws {
        let venn = try initialized()
        let records = try addDueRecords(venn)

        let output = try venn.succeed(["status"])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "What is due")
        let matchLine = try #require(lines.firstIndex { $0.hasPrefix("Active matches without a check-in") })
        #expect(lines[matchLine].hasSuffix(": 1"))
        #expect(lines[matchLine + 1].hasPrefix("  \(records.match.suffix(8))  Kari Nordmann – Aud Hansen  ("))
        #expect(lines[matchLine + 1].hasSuffix(" days over)"))
        let consentLine = try #require(lines.firstIndex { $0 == "Consents due for review: 1" })
        #expect(lines[consentLine + 1].hasPrefix("  \(records.consent.suffix(8))  Aud Hansen  ("))
        #expect(lines.contains("The cooperation agreement is not registered"))
        #expect(lines.contains { $0.hasPrefix("Hint: one experience gathering this year") })
        #expect(!lines.contains { $0.hasPrefix("No experience gathering") })
        #expect(!output.contains("Server:"), "the sync state is only shown on an enrolled store")
    }

    @Test func listsWhatIsDueInBokmal() throws {
        let venn = try initialized()
        let records = try addDueRecords(venn)
        venn.language = "nb_NO.UTF-8"

        let lines = try venn.succeed(["status"]).split(separator: "\n").map(String.init)
        #expect(lines.first == "Til oppfølging")
        #expect(lines.contains("Aktive koblinger uten oppfølging på 183 dager: 1"))
        #expect(lines.contains("Samarbeidsavtalen er ikke registrert"))
        #expect(lines.contains("Samtykker som skal vurderes på nytt: 1"))
        #expect(lines.contains { $0.hasPrefix("Tips: én erfaringssamling i år") })
        #expect(lines.contains {
            $0.hasPrefix("  \(records.consent.suffix(8))  Aud Hansen  (") && $0.hasSuffix(" dager over fristen)")
        })
    }

    @Test func aRegisteredAgreementAndTwoGatheringsLeaveNothingDue() throws {
        let venn = try initialized()
        _ = try venn.succeed(["add", "agreement", "--status", "registered"])
        for month in ["02", "09"] {
            _ = try venn.succeed(["add", "gathering", "--date", "\(thisYear)-\(month)-10", "--status", "held"])
        }
        #expect(try venn.succeed(["status"]).contains("venn member me"))
        let member = try venn.succeed(["add", "member", "--name", "Anne Lie"])
        _ = try venn.succeed(["member", "me", member])
        #expect(try venn.succeed(["status"]) == "What is due\nNothing is due.")
        venn.language = "nb_NO.UTF-8"
        #expect(try venn.succeed(["status"]) == "Til oppfølging\nIngenting å følge opp.")
    }

    @Test func jsonListsTheAlertsWithTheirRecords() throws {
        let venn = try initialized()
        let records = try addDueRecords(venn)

        let status = try #require(try venn.json(["status"]) as? [String: Any])
        #expect(status["group"] as? String == "askvoll")
        let alerts = try #require(status["alerts"] as? [[String: Any]])
        #expect(alerts.compactMap { $0["kind"] as? String } == [
            "match_without_check_in", "few_gatherings_this_year", "agreement_not_registered", "consent_review_due",
        ])
        let match = try #require(alerts.first?["records"] as? [[String: Any]])
        #expect(match.count == 1)
        #expect(match.first?["collection"] as? String == "match")
        #expect(match.first?["id"] as? String == records.match)
        #expect((match.first?["days_over"] as? Int ?? 0) > 300)
        let agreement = try #require(alerts[2]["records"] as? [Any])
        #expect(agreement.isEmpty)
    }

    @Test func demoDataShowsItsAlerts() throws {
        let venn = try initialized()
        _ = try venn.succeed(["demo-data", "--size", "typical", "--seed", "7"])

        let status = try #require(try venn.json(["status"]) as? [String: Any])
        let alerts = try #require(status["alerts"] as? [[String: Any]])
        let kinds = alerts.compactMap { $0["kind"] as? String }
        #expect(!kinds.isEmpty)
        let output = try venn.succeed(["status"])
        #expect(output.hasPrefix("What is due\n"))
        for alert in alerts {
            let count = (alert["records"] as? [Any])?.count ?? 0
            #expect(count == 0 || output.contains(": \(count)\n"))
        }
    }
}
