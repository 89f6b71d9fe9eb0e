import Foundation
import Testing
import VennTestSupport

/// `venn volunteer`, `person`, `consent`, `match` and `activity` as
/// processes, in English and bokmål.
@Suite struct PeopleCommandTests {
    /// A store with two activity types.
    func initialized(language: String = "en_US.UTF-8") throws -> VennProcess {
        let venn = try VennProcess()
        venn.language = language
        _ = try venn.succeed(["init", "--group", "askvoll"])
        _ = try venn.succeed(["add", "activity_type", "--code", "walk", "--label", "Walks"])
        _ = try venn.succeed(["add", "activity_type", "--code", "music", "--label", "Musikk"])
        return venn
    }

    /// A volunteer who is ready: course completed, follow-up held and
    /// pledge signed.
    func readyVolunteer(_ venn: VennProcess) throws -> String {
        let id = try venn.succeed(["add", "volunteer", "--name", "Kari", "--status", "course_done"])
        let course = try venn.succeed(["add", "course", "--kind", "e_learning", "--status", "held"])
        _ = try venn.succeed(["add", "course_enrolment", "--course", course, "--volunteer", id, "--completed", "true"])
        _ = try venn.succeed([
            "add", "followup_conversation", "--volunteer", id, "--date", "2026-01-10", "--outcome", "ready",
        ])
        _ = try venn.succeed(["volunteer", "pledge", id, "--on", "2026-01-12"])
        return id
    }

    /// A person who has consented and been mapped.
    func mappedPerson(_ venn: VennProcess) throws -> String {
        let id = try venn.succeed(["add", "person", "--name", "Ola"])
        _ = try venn.succeed(["consent", "give", id, "--by-whom", "self"])
        _ = try venn.succeed(["person", "map", id, "--interests", "walk", "--availability", "tue-evening",
                              "--area", "Sentrum"])
        return id
    }

    func fields(_ venn: VennProcess, _ collection: String, _ id: String) throws -> [String: Any] {
        let record = try #require(try venn.json(["show", collection, id]) as? [String: Any])
        return try #require(record["fields"] as? [String: Any])
    }

    func status(_ venn: VennProcess, _ collection: String, _ id: String) throws -> String? {
        try fields(venn, collection, id)["status"] as? String
    }

    @Test func aPairGoesFromProposalToTheEnd() throws {
        let venn = try initialized()
        let volunteer = try readyVolunteer(venn)
        #expect(try status(venn, "volunteer", volunteer) == "ready")
        let person = try mappedPerson(venn)
        #expect(try status(venn, "person", person) == "mapped")

        let proposed = try venn.succeed([
            "match", "propose", "--volunteer", volunteer, "--person", person, "--on", "2026-01-20",
        ])
        #expect(proposed.contains("Proposed match"))
        #expect(proposed.contains("Volunteer \(volunteer.suffix(8)): Ready → Proposed"))
        let matches = try #require(try venn.json(["list", "match"]) as? [[String: Any]])
        let match = try #require(matches.first?["id"] as? String)

        let started = try venn.succeed(["match", "start", String(match.suffix(8)), "--on", "2026-02-01"])
        #expect(started.contains("Person \(person.suffix(8)): Proposed → Matched"))
        _ = try venn.succeed(["match", "checkin", match, "--still-meeting", "yes", "--frequency", "weekly"])
        let shown = try #require(try venn.json(["match", "show", match]) as? [String: Any])
        #expect((shown["checkins"] as? [Any])?.count == 1)
        #expect((shown["moves"] as? [Any])?.count == 1)

        let ended = try venn.succeed(["match", "end", match, "--reason", "Poor fit"])
        #expect(ended.contains("Active → Ended"))
        #expect(try fields(venn, "match", match)["end_reason"] as? String == "poor_fit")
        #expect(try status(venn, "volunteer", volunteer) == "ready")
        #expect(try status(venn, "person", person) == "mapped")
        let text = try venn.succeed(["match", "show", match])
        #expect(text.contains("Still meeting: yes"))
        #expect(text.contains("Active → Ended (Poor fit)"))
    }

    @Test(arguments: [
        ("en_US.UTF-8", "“venn match propose” needs first", "a volunteer who is ready (the status is Enrolled)"),
        ("nb_NO.UTF-8", "«venn match propose» krever først", "en frivillig som er klar (statusen er Påmeldt)"),
    ])
    func proposingAnUnreadyVolunteerSaysWhatIsMissing(language: String, verb: String, missing: String) throws {
        let venn = try initialized(language: language)
        let volunteer = try venn.succeed(["add", "volunteer", "--name", "Per", "--status", "enrolled"])
        let person = try mappedPerson(venn)
        let result = try venn.run(["match", "propose", "--volunteer", volunteer, "--person", person])
        #expect(result.status == 2)
        #expect(result.error.contains(verb))
        #expect(result.error.contains(missing))
        #expect(try #require(try venn.json(["list", "match"]) as? [Any]).isEmpty)
    }

    @Test func interestsOutsideTheCatalogueAreRefusedWithTheKnownCodes() throws {
        let venn = try initialized()
        let volunteer = try venn.succeed(["add", "volunteer", "--name", "Per"])
        let result = try venn.run(["volunteer", "map", volunteer, "--interests", "walk,fishing"])
        #expect(result.status == 2)
        #expect(result.error.contains("Unknown activity types: fishing. Known codes: music, walk."))

        _ = try venn.succeed(["volunteer", "map", volunteer, "--interests", "musikk", "--willing", "group"])
        let mapped = try fields(venn, "volunteer", volunteer)
        #expect(mapped["interests"] as? [String] == ["music"])
        #expect(mapped["willing_group"] as? Bool == true)
        #expect(mapped["willing_home"] as? Bool == false)
    }

    @Test func aPersonIsToldWhatTheMappingLacks() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        let person = try venn.succeed(["add", "person", "--name", "Ola"])
        _ = try venn.succeed(["consent", "give", person, "--by-whom", "selv"])
        let partial = try venn.succeed(["person", "map", person, "--interests", "walk"])
        #expect(partial.contains("Dette trengs før personen kan vente på kobling"))
        #expect(partial.contains("område"))
        #expect(try status(venn, "person", person) == "consented")

        let done = try venn.succeed(["person", "map", person, "--availability", "mon-morning", "--area", "Nord"])
        #expect(done.contains("Samtykket → Kartlagt"))
    }

    @Test func anAttorneysConsentNeedsTheRepresentativeInBokmal() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        let person = try venn.succeed(["add", "person", "--name", "Ola"])
        let refused = try venn.run(["consent", "give", person, "--by-whom", "fremtidsfullmektig"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("trenger --representative ID"))
        #expect(try status(venn, "person", person) == "referred")

        let attorney = try venn.succeed([
            "add", "representative", "--person", person, "--name", "Anne", "--role", "attorney",
        ])
        let given = try venn.succeed([
            "consent", "give", person, "--by-whom", "fremtidsfullmektig", "--representative", attorney,
            "--review-on", "2027-01-01",
        ])
        #expect(given.contains("Samtykke registrert"))
        #expect(given.contains("Henvist → Samtykket"))
        let consents = try #require(try venn.json(["list", "consent"]) as? [[String: Any]])
        let consent = try #require(consents.first?["fields"] as? [String: Any])
        #expect(consent["given_by"] as? String == "attorney")
        #expect(consent["review_on"] as? String == "2027-01-01")
    }

    @Test func withdrawingConsentEndsTheMatchAndClosesThePerson() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        let volunteer = try readyVolunteer(venn)
        let person = try mappedPerson(venn)
        _ = try venn.succeed([
            "match", "propose", "--volunteer", volunteer, "--person", person, "--on", "2026-01-20",
        ])
        let match = try #require((try venn.json(["list", "match"]) as? [[String: Any]])?.first?["id"] as? String)
        _ = try venn.succeed(["match", "start", match, "--on", "2026-02-01"])

        let withdrawn = try venn.succeed(["consent", "withdraw", person, "--on", "2026-06-01"])
        #expect(withdrawn.contains("Samtykket er trukket tilbake"))
        #expect(withdrawn.contains("Aktiv → Avsluttet"))
        #expect(withdrawn.contains("Aktiv → Klar"))
        #expect(withdrawn.contains("Koblet → Avsluttet"))
        #expect(try fields(venn, "match", match)["end_reason"] as? String == "consent_withdrawn")
        #expect(try status(venn, "person", person) == "closed")
        #expect(try status(venn, "volunteer", volunteer) == "ready")

        let again = try venn.run(["consent", "withdraw", person])
        #expect(again.status == 2)
        #expect(again.error.contains("Personen har ikke noe samtykke som gjelder."))
    }

    @Test func aGroupActivityHasVolunteersAndACountOfParticipants() throws {
        let venn = try initialized()
        let planned = try venn.succeed([
            "activity", "plan", "--type", "Walks", "--venue", "Parken", "--schedule", "tue-afternoon",
        ])
        #expect(planned.contains("Planned group activity"))
        let activity = try #require(
            (try venn.json(["list", "group_activity"]) as? [[String: Any]])?.first?["id"] as? String
        )
        let volunteer = try readyVolunteer(venn)
        let enrolled = try venn.succeed(["add", "volunteer", "--name", "Per", "--status", "enrolled"])

        let refused = try venn.run(["activity", "join", activity, volunteer, enrolled])
        #expect(refused.status == 2)
        #expect(try venn.succeed(["activity", "join", activity, volunteer]).contains("1 volunteer."))
        #expect(try venn.succeed(["activity", "participants", activity, "6"]).contains("6 participants"))
        #expect(try venn.run(["activity", "participants", activity, "many"]).status == 1)

        let shown = try #require(try venn.json(["activity", "show", activity]) as? [String: Any])
        let values = try #require(shown["fields"] as? [String: Any])
        #expect(values["participant_count"] as? Int == 6)
        #expect(values["volunteers"] as? [String] == [volunteer])
        #expect(try venn.succeed(["activity", "show", activity]).contains("Kari"))
        #expect(try venn.run(["activity", "plan", "--type", "chess"]).error.contains("Known codes: music, walk"))
    }

    @Test func contactDeclineAndReviewAreRecorded() throws {
        let venn = try initialized(language: "nb_NO.UTF-8")
        let volunteer = try readyVolunteer(venn)
        #expect(try venn.succeed(["volunteer", "contact", volunteer, "--on", "2026-01-02"]).contains("2026-01-02"))
        #expect(try fields(venn, "volunteer", volunteer)["contacted_on"] as? String == "2026-01-02")

        let person = try mappedPerson(venn)
        _ = try venn.succeed(["match", "propose", "--volunteer", volunteer, "--person", person])
        let match = try #require((try venn.json(["list", "match"]) as? [[String: Any]])?.first?["id"] as? String)
        #expect(try venn.run(["match", "decline", match]).status == 1)
        let declined = try venn.succeed(["match", "decline", match, "--reason", "ønsket en annen dag"])
        #expect(declined.contains("Foreslått → Avslått"))
        #expect(try status(venn, "volunteer", volunteer) == "ready")
        #expect(try status(venn, "person", person) == "mapped")

        #expect(try venn.run(["consent", "review", person]).status == 1)
        let reviewed = try venn.succeed(["consent", "review", person, "--on", "2027-02-01"])
        #expect(reviewed.contains("skal gjennomgås 2027-02-01"))
    }

    @Test(arguments: [
        ("volunteer", ["map", "contact", "pledge"]),
        ("person", ["map"]),
        ("consent", ["give", "withdraw", "review"]),
        ("match", ["suggest", "propose", "start", "end", "decline", "checkin", "show", "pause"]),
        ("activity", ["plan", "join", "participants", "show"]),
    ])
    func helpListsTheVerbsInBothLanguages(noun: String, verbs: [String]) throws {
        let venn = try VennProcess()
        for language in ["en_US.UTF-8", "nb_NO.UTF-8"] {
            venn.language = language
            let help = try venn.succeed([noun, "--help"])
            for verb in verbs { #expect(help.contains("  \(verb) "), "\(noun) \(verb) in \(language)") }
        }
    }
}
