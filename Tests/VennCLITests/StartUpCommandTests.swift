import Foundation
import Testing
import VennTestSupport

/// `venn agreement`, `member`, `group`, `course` and `followup` as
/// processes, in English and bokmål.
@Suite struct StartUpCommandTests {
    func initialized(language: String = "en_US.UTF-8") throws -> VennProcess {
        let venn = try VennProcess()
        venn.language = language
        _ = try venn.succeed(["init", "--group", "askvoll"])
        return venn
    }

    /// The short id of the record of `collection` named `name`.
    func id(of name: String, in collection: String, _ venn: VennProcess) throws -> String {
        let rows = try #require(try venn.json(["list", collection]) as? [[String: Any]])
        let row = try #require(rows.first { ($0["fields"] as? [String: Any])?["name"] as? String == name })
        return String(try #require(row["id"] as? String).suffix(8))
    }

    func onlyID(in collection: String, _ venn: VennProcess) throws -> String {
        let rows = try #require(try venn.json(["list", collection]) as? [[String: Any]])
        return String(try #require(rows.last?["id"] as? String).suffix(8))
    }

    @Test func theAgreementGoesFromDraftToRegisteredAndOpensTheToolbox() throws {
        let venn = try initialized()
        _ = try venn.succeed(["add", "member", "--name", "Kari Leder"])
        let kari = try id(of: "Kari Leder", in: "member", venn)
        #expect(try venn.succeed(["agreement", "draft"]).contains("venn agreement sign"))
        let agreement = try onlyID(in: "agreement", venn)

        let second = try venn.run(["agreement", "draft"])
        #expect(second.status == 2)
        #expect(second.error.contains("already has a cooperation agreement"))

        _ = try venn.succeed(["agreement", "sign", agreement])
        _ = try venn.succeed(["agreement", "anchor", agreement])
        let refused = try venn.run(["agreement", "send", agreement])
        #expect(refused.status == 2)
        #expect(refused.error.contains("e-mail address or phone number"))

        _ = try venn.succeed(["edit", "member", kari, "--email", "kari@example.org"])
        #expect(try venn.succeed(["agreement", "leader", kari]).contains("Kari Leder leads the group"))
        _ = try venn.succeed(["agreement", "send", agreement])
        _ = try venn.succeed(["agreement", "register", agreement, "--by", kari])

        let shown = try venn.succeed(["agreement", "show"])
        #expect(shown.contains("Toolbox"))
        #expect(shown.contains("open"))
        #expect(shown.contains("register → Registered, Kari Leder"))
        let json = try #require(try venn.json(["agreement", "show"]) as? [String: Any])
        #expect(json["toolbox_open"] as? Bool == true)
        #expect((json["moves"] as? [Any])?.count == 4)
    }

    @Test func bokmalSaysTheToolboxIsClosedUntilRegistered() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        #expect(try venn.run(["agreement", "show"]).error.contains("ingen samarbeidsavtale"))
        #expect(try venn.succeed(["agreement", "draft"]).contains("Laget utkast til samarbeidsavtale"))
        let shown = try venn.succeed(["agreement", "show"])
        #expect(shown.contains("Verktøykassen"))
        #expect(shown.contains("ikke åpen"))
        #expect(try venn.run(["agreement", "draft"]).error.contains("si den opp først"))
    }

    @Test func membersShareTheTasksAndOneUsesThisLaptop() throws {
        let venn = try initialized()
        _ = try venn.succeed(["add", "member", "--name", "Kari"])
        let kari = try id(of: "Kari", in: "member", venn)
        #expect(try venn.succeed(["member", "assign", kari, "course"]).contains("Kari now holds the task Course"))
        _ = try venn.succeed(["member", "assign", kari, "Follow-up"])

        let tasks = try #require(try venn.json(["member", "tasks"]) as? [String: Any])
        let unheld = try #require(tasks["unheld"] as? [String])
        #expect(!unheld.contains("course") && !unheld.contains("followup") && unheld.contains("lead"))
        #expect(try venn.succeed(["member", "tasks"]).contains("Nobody holds: Lead"))

        _ = try venn.succeed(["member", "unassign", kari, "course"])
        let unheldAgain = try #require(try venn.json(["member", "tasks"]) as? [String: Any])["unheld"] as? [String]
        #expect(unheldAgain?.contains("course") == true)
        #expect(try venn.run(["member", "unassign", kari, "course"]).status == 2)
        #expect(try venn.run(["member", "assign", kari, "cooking"]).status == 1)

        #expect(try venn.succeed(["member", "me", kari]).contains("This laptop is used by Kari"))
        _ = try venn.succeed(["add", "volunteer", "--name", "Anne"])
        let volunteer = try id(of: "Anne", in: "volunteer", venn)
        _ = try venn.succeed(["followup", "record", volunteer, "--outcome", "needs_time"])
        let conversations = try #require(try venn.json(["list", "followup_conversation"]) as? [[String: Any]])
        let heldBy = try #require(conversations.first?["fields"] as? [String: Any])["held_by"] as? String
        #expect(heldBy?.hasSuffix(kari) == true)
    }

    @Test func theGroupSaysWhomItServes() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        #expect(try venn.succeed(["group", "show"]).contains("ikke beskrevet ennå"))
        let serves = try venn.succeed(["group", "serves", "home", "Dagsenter"])
        #expect(serves.contains("Målgruppe for askvoll: hjemme, dagsenter"))
        let shown = try venn.succeed(["group", "show"])
        #expect(shown.contains("Målgruppe"))
        #expect(shown.contains("Hjemme, Dagsenter"))
        let json = try #require(try venn.json(["group", "show"]) as? [String: Any])
        #expect((json["fields"] as? [String: Any])?["serves"] as? [String] == ["home", "day_centre"])
        #expect(try venn.run(["group", "serves", "skole"]).status == 1)
    }

    @Test func aCourseRunsFromPlanToFollowupAndReady() throws {
        let venn = try initialized()
        _ = try venn.succeed(["add", "volunteer", "--name", "Anne", "--pledge-signed-on", "2025-01-15"])
        _ = try venn.succeed(["add", "volunteer", "--name", "Bjørn"])
        let anne = try id(of: "Anne", in: "volunteer", venn)
        let bjorn = try id(of: "Bjørn", in: "volunteer", venn)

        let planned = try venn.run(["course", "plan", "--title", "Vårkurs", "--session", "2025-03-04 18:00-21:00"])
        #expect(planned.status == 0)
        #expect(planned.output.contains("Planned the course"))
        #expect(planned.error.contains("needs sessions adding up to 6 hours (planned: 3)"))
        let course = try onlyID(in: "course", venn)
        #expect(try venn.run(["course", "hold", course]).status == 2)

        #expect(try venn.succeed(["course", "enrol", course, anne]).contains("Interested → Enrolled"))
        _ = try venn.succeed(["course", "enrol", course, bjorn])
        _ = try venn.succeed(["course", "attend", course, anne, "--session", "1"])
        #expect(try venn.run(["course", "attend", course, anne, "--session", "2"]).status == 1)

        let completed = try venn.succeed(["course", "complete", course])
        #expect(completed.contains("Completed the course: Anne"))
        #expect(completed.contains("Enrolled → Course done"))
        #expect(completed.contains("Left out: Bjørn, who attended 0 of 1 sessions"))

        let shown = try #require(try venn.json(["course", "show", course]) as? [String: Any])
        let enrolled = try #require(shown["enrolled"] as? [[String: Any]])
        #expect(enrolled.map { $0["completed"] as? Bool } == [true, false])

        let followup = try venn.succeed(["followup", "record", anne, "--outcome", "ready", "--on", "2025-03-20"])
        #expect(followup.contains("Course done → Ready"))
        let missing = try venn.succeed(["followup", "record", bjorn, "--outcome", "ready"])
        #expect(missing.contains("still missing: a completed course"))
        #expect(missing.contains("signed pledge of confidentiality"))
        #expect(try venn.succeed(["followup", "record", bjorn, "--outcome", "not_proceeding"])
            .contains("Enrolled → Not proceeding"))
    }

    @Test func aCourseInBokmalWarnsAndRefusesInTheDomainsWords() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        _ = try venn.succeed(["add", "volunteer", "--name", "Anne"])
        let anne = try id(of: "Anne", in: "volunteer", venn)
        let planned = try venn.run(["course", "plan", "--session", "2025-03-04 18:00-21:00",
                                    "--session", "2025-03-11 18:00-20:00"])
        #expect(planned.status == 0)
        #expect(planned.output.contains("Planla kurset"))
        #expect(planned.error.contains("kurskvelder på til sammen 6 timer (planlagt: 5)"))
        let course = try onlyID(in: "course", venn)

        #expect(try venn.succeed(["course", "enrol", course, anne]).contains("Interessert → Påmeldt"))
        #expect(try venn.run(["course", "enrol", course, anne]).error.contains("allerede påmeldt"))
        _ = try venn.succeed(["course", "attend", course, anne, "--session", "2"])
        let refused = try venn.run(["course", "complete", course, anne])
        #expect(refused.status == 2)
        #expect(refused.error.contains("var på 1 av 2 kurssamlinger"))

        let shown = try venn.succeed(["course", "show", course])
        #expect(shown.contains("Kurssamling 2"))
        #expect(shown.contains("1/2 (2)"))
        #expect(try venn.run(["course", "plan", "--session", "i morgen"]).error.contains("ÅÅÅÅ-MM-DD TT:MM-TT:MM"))
        #expect(try venn.succeed(["followup", "record", anne, "--outcome", "Klar"]).contains("mangler fortsatt"))
    }

    @Test func theVerbsAreInTheHelpInBothLanguages() throws {
        let venn = try initialized()
        let english = try venn.succeed(["course", "--help"])
        for verb in ["plan", "elearning", "enrol", "attend", "complete", "show", "hold ID"] {
            #expect(english.contains(verb))
        }
        venn.language = "nb_NO.UTF-8"
        #expect(try venn.succeed(["followup", "--help"]).contains("Registrer oppfølgingssamtalen"))
        #expect(try venn.succeed(["member", "--help"]).contains("Gi et medlem en oppgave"))
    }
}
