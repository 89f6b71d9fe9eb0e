import Testing
import VennSchema
@testable import VennCLI

struct RecordFlagsTests {
    static let flags = RecordFlags(collection: Fixtures.volunteer)

    static func fields(_ arguments: [String], command: Command = .add) throws -> [String: JSONValue] {
        let list = try ArgumentList(
            parsing: arguments,
            declarations: OptionDeclaration.global + flags.declarations(for: command),
            collection: SchemaLabel(Fixtures.volunteer)
        )
        return try flags.fields(from: list)
    }

    static func error(_ arguments: [String], command: Command = .add) -> CLIError? {
        do {
            _ = try fields(arguments, command: command)
            return nil
        } catch let error as CLIError {
            return error
        } catch {
            return nil
        }
    }

    @Test func flagsFollowTheFieldsInKebabCase() {
        #expect(Self.flags.flags.map(\.spelling) == [
            "--name", "--birth-year", "--phone", "--email", "--is-minor", "--interests",
            "--languages", "--travel-km", "--pledge-signed", "--contact-member", "--status",
        ])
        #expect(Self.flags.flag(named: "birth-year")?.field.name == "birth_year")
        #expect(Self.flags.field(named: "birth-year")?.name == "birth_year")
        #expect(Self.flags.field(named: "birth_year")?.name == "birth_year")
    }

    @Test func onlyAddAndEditTakeFlags() {
        #expect(Self.flags.declarations(for: .add).count == 11)
        #expect(Self.flags.declarations(for: .edit).map(\.name).last == "clear")
        #expect(Self.flags.declarations(for: .list).isEmpty)
        #expect(Self.flags.declarations(for: .add).first { $0.name == "is-minor" }?.kind == .boolean)
    }

    @Test func systemCollectionsHaveNoFlags() {
        let flags = RecordFlags(collection: Fixtures.conflict)
        #expect(flags.flags.isEmpty)
        #expect(flags.declarations(for: .add).isEmpty)
        #expect(flags.declarations(for: .edit).isEmpty)
    }

    @Test(arguments: [
        (["--name", "  Kari Nordmann "], ["name": .string("  Kari Nordmann ")]),
        (["--birth-year", "1950"], ["birth_year": .int(1950)]),
        (["--birth-year=-12"], ["birth_year": .int(-12)]),
        (["--birth-year", "+7"], ["birth_year": .int(7)]),
        (["--travel-km", "12.5"], ["travel_km": .double(12.5)]),
        (["--travel-km", "12"], ["travel_km": .int(12)]),
        (["--travel-km", "-0.5"], ["travel_km": .double(-0.5)]),
        (["--travel-km", ".5"], ["travel_km": .double(0.5)]),
        (["--travel-km", "1e3"], ["travel_km": .double(1000)]),
        (["--is-minor"], ["is_minor": .bool(true)]),
        (["--is-minor=true"], ["is_minor": .bool(true)]),
        (["--is-minor=false"], ["is_minor": .bool(false)]),
        (["--is-minor=ja"], ["is_minor": .bool(true)]),
        (["--is-minor=NEI"], ["is_minor": .bool(false)]),
        (["--is-minor=yes"], ["is_minor": .bool(true)]),
        (["--is-minor=no"], ["is_minor": .bool(false)]),
        (["--is-minor", "nei"], ["is_minor": .bool(false)]),
        (["--interests", "tur,musikk"], ["interests": .array([.string("tur"), .string("musikk")])]),
        (["--interests", " tur , ,musikk, "], ["interests": .array([.string("tur"), .string("musikk")])]),
        (["--interests", ""], ["interests": .array([])]),
        (["--interests=,"], ["interests": .array([])]),
        (["--interests", "tur", "--interests", "fiske"],
         ["interests": .array([.string("tur"), .string("fiske")])]),
        (["--languages", "norsk,klingon"], ["languages": .array([.string("norsk"), .string("klingon")])]),
        (["--status", "unknown-status"], ["status": .string("unknown-status")]),
        (["--email", "not-an-address"], ["email": .string("not-an-address")]),
        (["--name", "A", "--name", "B"], ["name": .string("B")]),
        (["--json", "--name", "A"], ["name": .string("A")]),
    ] as [([String], [String: JSONValue])])
    func valuesBecomeJSONOfTheFieldsType(arguments: [String], expected: [String: JSONValue]) throws {
        #expect(try Self.fields(arguments) == expected)
    }

    @Test(arguments: [
        (["--birth-year", "19x"], "--birth-year", "19x", ValueKind.integer),
        (["--birth-year", "1950.0"], "--birth-year", "1950.0", .integer),
        (["--birth-year", " 1950"], "--birth-year", " 1950", .integer),
        (["--birth-year", "99999999999999999999"], "--birth-year", "99999999999999999999", .integer),
        (["--birth-year="], "--birth-year", "", .integer),
        (["--travel-km", "12,5"], "--travel-km", "12,5", .number),
        (["--travel-km", "nan"], "--travel-km", "nan", .number),
        (["--travel-km", "inf"], "--travel-km", "inf", .number),
        (["--travel-km", "0x10"], "--travel-km", "0x10", .number),
        (["--travel-km", "1e"], "--travel-km", "1e", .number),
        (["--travel-km", "."], "--travel-km", ".", .number),
        (["--travel-km", "1.2.3"], "--travel-km", "1.2.3", .number),
        (["--travel-km", "1e999"], "--travel-km", "1e999", .number),
        (["--is-minor=kanskje"], "--is-minor", "kanskje", .boolean),
        (["--is-minor="], "--is-minor", "", .boolean),
    ] as [([String], String, String, ValueKind)])
    func wrongTypesAreInvalidData(arguments: [String], flag: String, value: String, kind: ValueKind) throws {
        let error = try #require(Self.error(arguments))
        #expect(error.exitCode == .invalidData)
        #expect(error.messages == [.wrongType(flag: flag, value: value, expected: kind)])
    }

    @Test func everyWrongTypeIsReported() throws {
        let error = try #require(Self.error(["--birth-year", "x", "--name", "Kari", "--travel-km", "y"]))
        #expect(error.messages == [
            .wrongType(flag: "--birth-year", value: "x", expected: .integer),
            .wrongType(flag: "--travel-km", value: "y", expected: .number),
        ])
    }

    @Test func unknownFlagsAreUsageErrorsWithASuggestion() throws {
        let error = try #require(Self.error(["--intrests", "tur"]))
        #expect(error.exitCode == .usage)
        #expect(error.messages == [
            .unknownFlag("--intrests", collection: SchemaLabel(Fixtures.volunteer), suggestion: "--interests"),
        ])
    }

    @Test(arguments: [
        (["--clear", "phone"], ["phone": JSONValue.null]),
        (["--clear", "birth-year"], ["birth_year": .null]),
        (["--clear=birth_year", "--name", "Kari"], ["birth_year": .null, "name": .string("Kari")]),
        (["--clear", "phone", "--clear", "email"], ["phone": .null, "email": .null]),
    ] as [([String], [String: JSONValue])])
    func clearSetsNullableFieldsToNullOnEdit(arguments: [String], expected: [String: JSONValue]) throws {
        #expect(try Self.fields(arguments, command: .edit) == expected)
    }

    @Test(arguments: [
        (["--clear", "name"], Message.cannotClear(field: "name")),
        (["--clear", "is-minor"], .cannotClear(field: "is-minor")),
        (["--clear", "phnoe"], .unknownField(
            "phnoe", collection: SchemaLabel(Fixtures.volunteer), suggestion: "phone")),
        (["--clear", "birth-yaer"], .unknownField(
            "birth-yaer", collection: SchemaLabel(Fixtures.volunteer), suggestion: "birth-year")),
        (["--clear", "phone", "--phone", "123"], .clearedAndSet(field: "phone")),
        (["--phone", "123", "--clear", "phone"], .clearedAndSet(field: "phone")),
    ] as [([String], Message)])
    func clearMistakesAreUsageErrors(arguments: [String], expected: Message) throws {
        let error = try #require(Self.error(arguments, command: .edit))
        #expect(error.exitCode == .usage)
        #expect(error.messages == [expected])
    }

    @Test func clearIsNotAnOptionOfAdd() throws {
        let error = try #require(Self.error(["--clear", "phone"], command: .add))
        #expect(error.exitCode == .usage)
        guard case .unknownFlag("--clear", _, _) = error.messages.first else {
            Issue.record("expected an unknown flag, got \(error.messages)")
            return
        }
    }
}
