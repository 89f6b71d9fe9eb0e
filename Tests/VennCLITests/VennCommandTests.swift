import Foundation
import Testing
import VennTestSupport

/// `venn` run as a process, as people and scripts run it.
@Suite struct VennCommandTests {
    /// A data folder with a store for the group `askvoll`.
    func initialized() throws -> VennProcess {
        let venn = try VennProcess()
        let output = try venn.succeed(["init", "--group", "askvoll"])
        #expect(output.contains("askvoll"))
        return venn
    }

    func volunteerCount(_ venn: VennProcess) throws -> Int {
        try #require(try venn.json(["list", "volunteer"]) as? [Any]).count
    }

    @Test func initCreatesTheStoreInTheXDGDataFolder() throws {
        let venn = try initialized()
        let path = venn.dataHome + "/venn/askvoll.sqlite"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let again = try venn.run(["init", "--group", "askvoll"])
        #expect(again.status == 4)
        #expect(again.error.contains("already exists"))
    }

    @Test func initHonoursStoreFlagAndVariable() throws {
        let venn = try VennProcess()
        let flagged = venn.home.appendingPathComponent("flag.sqlite").path
        let variable = venn.home.appendingPathComponent("variable.sqlite").path
        _ = try venn.succeed(["init", "--group", "a", "--store", flagged])
        _ = try venn.succeed(["init", "--group", "b"], environment: ["VENN_STORE": variable])
        #expect(FileManager.default.fileExists(atPath: flagged))
        #expect(FileManager.default.fileExists(atPath: variable))
        _ = try venn.succeed(["add", "activity_type", "--code", "walk", "--label", "Walks"],
                             environment: ["VENN_STORE": variable])
        #expect(try venn.succeed(["list", "activity_type", "--store", variable]).contains("walk"))
        #expect(try venn.succeed(["list", "activity_type", "--store", flagged]).contains("walk") == false)
    }

    @Test func addListShowEditDeleteRoundTrip() throws {
        let venn = try initialized()
        let id = try venn.succeed([
            "add", "volunteer", "--name", "Kari Nordmann", "--phone", "41234567", "--birth-year", "1961",
            "--availability", "mon-evening,thu-evening",
        ])
        #expect(id.count == 36)

        let list = try venn.succeed(["list", "volunteer"])
        #expect(list.contains("Kari Nordmann"))
        #expect(list.contains(String(id.suffix(8))))

        let shown = try #require(try venn.json(["show", "volunteer", String(id.suffix(8))]) as? [String: Any])
        let fields = try #require(shown["fields"] as? [String: Any])
        #expect(fields["name"] as? String == "Kari Nordmann")
        #expect(fields["birth_year"] as? Int == 1961)
        #expect(fields["availability"] as? [String] == ["mon-evening", "thu-evening"])

        #expect(try venn.succeed(["edit", "volunteer", id, "--area", "Sentrum"]).contains("Updated"))
        #expect(try venn.succeed(["show", "volunteer", id]).contains("Sentrum"))
        #expect(try venn.succeed(["edit", "volunteer", id, "--clear", "area"]).contains("Updated"))
        #expect(try venn.succeed(["show", "volunteer", id]).contains("Sentrum") == false)

        let history = try #require(try venn.json(["history", "volunteer", id]) as? [[String: Any]])
        #expect(history.filter { $0["action"] as? String == "update" }.count == 2)

        let why = try venn.succeed(["why", "volunteer", id, "name"])
        #expect(why.contains("Kari Nordmann"))
        _ = try venn.succeed(["edit", "volunteer", id, "--phone", "90000000"])
        let whyPhone = try venn.succeed(["why", "volunteer", id, "phone"])
        #expect(whyPhone.contains("“90000000”"))
        #expect(whyPhone.contains("replaced “41234567”"))

        #expect(try venn.succeed(["delete", "volunteer", id]).contains("Deleted"))
        let gone = try venn.run(["show", "volunteer", id])
        #expect(gone.status == 3)
        #expect(try volunteerCount(venn) == 0)
    }

    @Test func referencesMayBeGivenAsShortIdsAsEverywhereElse() throws {
        let venn = try initialized()
        let person = try venn.succeed(["add", "person", "--name", "Astrid Lund"])
        let representative = try venn.succeed([
            "add", "representative", "--person", String(person.suffix(8)), "--name", "Liv Berg", "--role", "guardian",
        ])
        let stored = try #require(try venn.json(["show", "representative", representative]) as? [String: Any])
        #expect((stored["fields"] as? [String: Any])?["person"] as? String == person)

        let unknown = try venn.run(["add", "representative", "--person", "00000000", "--name", "Per"])
        #expect(unknown.status == 3)
        #expect(unknown.error.contains("00000000"))
    }

    @Test func helpIsGeneratedForEveryCommandAndCollection() throws {
        let venn = try VennProcess()
        let program = try venn.succeed(["--help"])
        for command in ["init", "add", "list", "show", "edit", "delete", "history", "why"] {
            #expect(program.contains(command))
            #expect(try venn.run([command, "--help"]).status == 0)
        }
        let add = try venn.succeed(["add", "volunteer", "--help"])
        #expect(add.contains("--birth-year"))
        #expect(add.contains("--availability"))

        venn.language = "nb_NO.UTF-8"
        let norwegian = try venn.succeed(["add", "volunteer", "--help"])
        #expect(norwegian.contains("Fødselsår") || norwegian.contains("fødselsår"))
    }

    @Test func messagesFollowLANG() throws {
        let venn = try initialized()
        venn.language = "nb_NO.UTF-8"
        let result = try venn.run(["show", "volunteer", "00000000"])
        #expect(result.status == 3)
        #expect(result.error.contains("id 00000000"))
        #expect(result.error.contains("Fant") || result.error.contains("Ingen"))

        venn.language = "en_GB.UTF-8"
        #expect(try venn.run(["show", "volunteer", "00000000"]).error.contains("No "))
    }

    @Test func valuesAreShownAsLabelsInTheLanguageAndAsCodesInJSON() throws {
        let venn = try initialized()
        let id = try venn.succeed([
            "add", "volunteer", "--name", "Kari Nordmann", "--availability", "mon-morning",
        ])
        let edited = try venn.run(["edit", "volunteer", id, "--status", "Påmeldt"])
        #expect(edited.status == 1)
        #expect(edited.error.contains("venn volunteer VERB ID"))
        let direct = try venn.run(["volunteer", "enrol", id])
        #expect(direct.status == 1)
        #expect(direct.error.contains("venn course enrol"))
        let course = try venn.succeed(["add", "course", "--kind", "e_learning"])
        _ = try venn.succeed(["course", "enrol", course, id])

        venn.language = "nb_NO.UTF-8"
        let norwegian = try venn.succeed(["list", "volunteer"])
        #expect(norwegian.contains("Påmeldt"))
        #expect(norwegian.contains("enrolled") == false)
        #expect(try venn.succeed(["show", "volunteer", id]).contains("Mandag formiddag"))
        let history = try venn.succeed(["history", "volunteer", id])
        #expect(history.contains("Interessert") && history.contains("Påmeldt"))
        #expect(try venn.succeed(["why", "volunteer", id, "status"]).contains("Påmeldt"))
        let help = try venn.succeed(["add", "volunteer", "--help"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("course_done (Kurs fullført)"))

        venn.language = "en_GB.UTF-8"
        let english = try venn.succeed(["list", "volunteer"])
        #expect(english.contains("Enrolled"))

        let listed = try #require(try venn.json(["list", "volunteer"]) as? [[String: Any]])
        let fields = try #require(listed.first?["fields"] as? [String: Any])
        #expect(fields["status"] as? String == "enrolled")
    }

    @Test func aNewVolunteerIsListedAsInterestedInEachLanguage() throws {
        let venn = try initialized()
        _ = try venn.succeed(["add", "volunteer", "--name", "Kari Nordmann"])

        venn.language = "nb_NO.UTF-8"
        #expect(try venn.succeed(["list", "volunteer"]).contains("Interessert"))
        venn.language = "en_US.UTF-8"
        #expect(try venn.succeed(["list", "volunteer"]).contains("Interested"))
        #expect(try venn.succeed(["list", "volunteer", "--json"]).contains("\"interested\""))
    }

    // MARK: - Bad input

    struct BadInput: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badInputs: [BadInput] = [
        BadInput(arguments: ["add", "dragon", "--name", "X"], status: 1, message: "Unknown collection"),
        BadInput(arguments: ["add", "volunteer", "--nmae", "X"], status: 1, message: "--name"),
        BadInput(arguments: ["add", "volunteer", "--name", "X", "--birth-year", "old"], status: 2,
                 message: "--birth-year"),
        BadInput(arguments: ["add", "volunteer", "--name", "X", "--status", "flying"], status: 2, message: "/status"),
        BadInput(arguments: ["add", "volunteer", "--phone", "41234567"], status: 2, message: "/name"),
        BadInput(arguments: ["add", "volunteer", "--name", "X", "--pledge-signed-on", "2025-02-30"], status: 2,
                 message: "/pledge_signed_on"),
        BadInput(arguments: ["add", "volunteer", "--name", "X", "--availability", "someday"], status: 2,
                 message: "/availability/0"),
        BadInput(arguments: ["add", "volunteer", "--name", "X", "--email", "not-an-address"], status: 2,
                 message: "/email"),
        BadInput(arguments: ["add", "conflict"], status: 1, message: "cannot be changed"),
        BadInput(arguments: ["frobnicate"], status: 1, message: "Unknown command"),
        BadInput(arguments: ["show", "volunteer"], status: 1, message: "ID"),
        BadInput(arguments: ["edit", "volunteer", "ffffffff", "--name", "Y"], status: 3, message: "ffffffff"),
    ]

    @Test(arguments: badInputs)
    func badInputIsRefusedWithAClearMessageAndChangesNothing(_ input: BadInput) throws {
        let venn = try initialized()
        _ = try venn.succeed(["add", "volunteer", "--name", "Ola"])
        let before = try venn.json(["list", "volunteer"]) as? [[String: Any]]

        let result = try venn.run(input.arguments)
        #expect(result.status == input.status, "\(result.error)")
        #expect(result.error.contains(input.message), "\(result.error)")
        #expect(result.error.split(separator: "\n").count <= 3, "\(result.error)")
        #expect(result.output.isEmpty)

        let after = try venn.json(["list", "volunteer"]) as? [[String: Any]]
        #expect(after?.count == before?.count)
        #expect(after?.first?["fields"] as? NSDictionary == before?.first?["fields"] as? NSDictionary)
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftAlone() throws {
        let venn = try VennProcess()
        let path = venn.home.appendingPathComponent("notes.sqlite").path
        let text = Data("shopping list\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        let result = try venn.run(["list", "volunteer", "--store", path])
        #expect(result.status == 4)
        #expect(result.error.contains("not a Venn store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func aStoreThatCannotBeCreatedIsReported() throws {
        let venn = try VennProcess()
        let blocker = venn.home.appendingPathComponent("blocker").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let result = try venn.run(["init", "--group", "g", "--store", blocker + "/g.sqlite"])
        #expect(result.status == 4)
        #expect(result.error.contains(blocker))
        #expect(try Data(contentsOf: URL(fileURLWithPath: blocker)) == Data("x".utf8))

        let readOnly = venn.home.appendingPathComponent("readonly")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: readOnly.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: readOnly.path) }
        let inReadOnly = try venn.run(["init", "--group", "g", "--store", readOnly.path + "/g.sqlite"])
        if getuid() == 0 {
            // Permissions do not bind root; the store is made as usual.
            #expect(inReadOnly.status == 0)
        } else {
            #expect(inReadOnly.status == 4)
            #expect(inReadOnly.error.contains("readonly"))
        }
    }

    @Test func aMissingStoreSuggestsInit() throws {
        let venn = try VennProcess()
        let result = try venn.run(["list", "volunteer"])
        #expect(result.status == 4)
        #expect(result.error.contains("venn init --group GROUP"))
    }

    @Test func aCopiedBinaryFindsItsSchemas() throws {
        let venn = try VennProcess()
        let elsewhere = venn.home.appendingPathComponent("bin/venn")
        try FileManager.default.createDirectory(
            at: elsewhere.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(at: VennProcess.builtProgram, to: elsewhere)
        venn.program = elsewhere

        _ = try venn.succeed(["init", "--group", "copy"])
        let id = try venn.succeed(["add", "volunteer", "--name", "Kari"])
        #expect(try venn.succeed(["show", "volunteer", id]).contains("Kari"))
        #expect(try venn.run(["add", "volunteer", "--name", "Kari", "--status", "flying"]).status == 2)
    }
}
