import Testing
@testable import VennCLI

struct ArgumentListTests {
    static let declarations = OptionDeclaration.global + [
        OptionDeclaration("name", kind: .value),
        OptionDeclaration("amount", kind: .value),
        OptionDeclaration("is-minor", kind: .boolean),
    ]

    typealias E = ArgumentList.Element

    @Test(arguments: [
        ([], []),
        (["volunteer"], [.positional("volunteer")]),
        (["add", "volunteer", "--name", "Kari"],
         [.positional("add"), .positional("volunteer"), .option(name: "name", value: "Kari")]),
        (["--name=Kari Nordmann"], [.option(name: "name", value: "Kari Nordmann")]),
        (["--name="], [.option(name: "name", value: "")]),
        (["--name", ""], [.option(name: "name", value: "")]),
        (["--name=a=b"], [.option(name: "name", value: "a=b")]),
        (["--name=--json"], [.option(name: "name", value: "--json")]),
        (["--json", "show"], [.option(name: "json", value: nil), .positional("show")]),
        (["-h"], [.option(name: "help", value: nil)]),
        (["show", "--help"], [.positional("show"), .option(name: "help", value: nil)]),
        (["--store", "/tmp/v.db", "list"], [.option(name: "store", value: "/tmp/v.db"), .positional("list")]),
        (["--", "--json", "-h"], [.positional("--json"), .positional("-h")]),
        (["a", "--", "--"], [.positional("a"), .positional("--")]),
        (["--is-minor"], [.option(name: "is-minor", value: nil)]),
        (["--is-minor", "nei"], [.option(name: "is-minor", value: "nei")]),
        (["--is-minor", "Yes"], [.option(name: "is-minor", value: "Yes")]),
        (["--is-minor", "volunteer"], [.option(name: "is-minor", value: nil), .positional("volunteer")]),
        (["--is-minor=false"], [.option(name: "is-minor", value: "false")]),
        (["--is-minor=kanskje"], [.option(name: "is-minor", value: "kanskje")]),
        (["--amount", "-5"], [.option(name: "amount", value: "-5")]),
        (["--name", "-"], [.option(name: "name", value: "-")]),
        (["-"], [.positional("-")]),
        (["-5"], [.positional("-5")]),
        (["--name", "A", "--name", "B"],
         [.option(name: "name", value: "A"), .option(name: "name", value: "B")]),
    ] as [([String], [E])])
    func parsesArgumentsInOrder(arguments: [String], expected: [E]) throws {
        let list = try ArgumentList(parsing: arguments, declarations: Self.declarations)
        #expect(list.elements == expected)
    }

    @Test(arguments: [
        (["--nmae", "Kari"], Message.unknownOption("--nmae", suggestion: "--name")),
        (["--nmae=Kari"], .unknownOption("--nmae", suggestion: "--name")),
        (["--jsn"], .unknownOption("--jsn", suggestion: "--json")),
        (["--colour"], .unknownOption("--colour", suggestion: nil)),
        (["-x"], .unknownOption("-x", suggestion: nil)),
        (["-hv"], .unknownOption("-hv", suggestion: nil)),
        (["--name"], .missingValue(flag: "--name")),
        (["--name", "--json"], .missingValue(flag: "--name")),
        (["--name", "-h"], .missingValue(flag: "--name")),
        (["--store"], .missingValue(flag: "--store")),
        (["--json=yes"], .unexpectedValue(flag: "--json")),
        (["--help=1"], .unexpectedValue(flag: "--help")),
    ] as [([String], Message)])
    func reportsUsageErrors(arguments: [String], expected: Message) {
        #expect {
            try ArgumentList(parsing: arguments, declarations: Self.declarations)
        } throws: { error in
            let error = error as? CLIError
            return error?.exitCode == .usage && error?.messages == [expected]
        }
    }

    @Test func unknownFlagsOfACollectionNameIt() throws {
        let flags = RecordFlags(collection: Fixtures.volunteer)
        let label = SchemaLabel(Fixtures.volunteer)
        let error = try #require(throws: CLIError.self) {
            try ArgumentList(
                parsing: ["volunteer", "--birth-yaer", "1950"],
                declarations: OptionDeclaration.global + flags.declarations(for: .add),
                collection: label
            )
        }
        #expect(error.messages == [.unknownFlag("--birth-yaer", collection: label, suggestion: "--birth-year")])
    }

    @Test func theFirstDeclarationOfANameWins() throws {
        let list = try ArgumentList(
            parsing: ["--json"],
            declarations: [.json, OptionDeclaration("json", kind: .value)]
        )
        #expect(list.elements == [.option(name: "json", value: nil)])
    }

    @Test func readsValuesByName() throws {
        let list = try ArgumentList(
            parsing: ["show", "--name", "A", "--json", "x", "--name", "B"],
            declarations: Self.declarations
        )
        #expect(list.positionals == ["show", "x"])
        #expect(list.contains("json"))
        #expect(!list.contains("help"))
        #expect(list.value(of: "name") == "B")
        #expect(list.values(of: "name") == ["A", "B"])
        #expect(list.value(of: "store") == nil)
        #expect(list.options.map(\.name) == ["name", "json", "name"])
    }

    @Test(arguments: [
        (["--store", "v.db", "add", "volunteer", "--name", "Kari"], ["add", "volunteer"]),
        (["add", "--json", "volunteer", "--birth-year=1950"], ["add", "volunteer"]),
        (["add", "volunteer", "--is-minor", "--", "x"], ["add", "volunteer"]),
        (["--store"], []),
    ] as [([String], [String])])
    func leadingPositionalsAreFoundBeforeTheFlagsAreKnown(arguments: [String], expected: [String]) {
        let positionals = ArgumentList.leadingPositionals(in: arguments, declarations: OptionDeclaration.global)
        #expect(Array(positionals.prefix(expected.count)) == expected)
    }
}
