import Testing
import VennSchema
@testable import VennCLI

struct MessageTests {
    static let volunteer = SchemaLabel(Fixtures.volunteer)

    /// One sample per case; `caseNumber` fails to compile when a case is
    /// added, and `samplesCoverEveryCase` fails when its sample is missing.
    static let samples: [Message] = [
        .unknownCommand("ad", suggestion: "add"),
        .unknownCollection("volunter", known: ["match", "volunteer"]),
        .unknownOption("--jsn", suggestion: "--json"),
        .unknownFlag("--birth-yaer", collection: volunteer, suggestion: "--birth-year"),
        .missingValue(flag: "--name"),
        .unexpectedValue(flag: "--json"),
        .missingArgument(.id),
        .unexpectedArgument("extra"),
        .unknownField("nmae", collection: volunteer, suggestion: "name"),
        .cannotClear(field: "name"),
        .clearedAndSet(field: "phone"),
        .readOnlyCollection(SchemaLabel(Fixtures.conflict)),
        .missingStorePath,
        .seeHelp(.add),
        .wrongType(flag: "--birth-year", value: "abc", expected: .integer),
        .invalidData(ValidationIssue(
            collection: "volunteer", id: "0190", pointer: "/name", expected: .required)),
        .recordNotFound(collection: volunteer, id: "0190"),
        .noHistory(collection: volunteer, id: "0190"),
        .noRecords(collection: volunteer),
        .storeNotFound(path: "/tmp/venn.db"),
        .storeAlreadyExists(path: "/tmp/venn.db"),
        .notAStore(path: "/tmp/notes.txt"),
        .storeTooNew(path: "/tmp/venn.db", found: 7, supported: 3),
        .storeUnavailable(path: "/tmp/venn.db", reason: "Permission denied"),
        .internalError("statement failed"),
        .storeInitialized(group: "Molde", path: "/tmp/venn.db"),
        .recordAdded(id: "0190"),
        .recordUpdated(collection: volunteer, id: "0190"),
        .recordDeleted(collection: volunteer, id: "0190"),
        .nothingToChange,
        .noStoreFound(directory: "/home/kari/.local/share/venn"),
        .severalStores(groups: ["askvoll", "molde"]),
        .invalidGroupName("../x"),
        .ambiguousID("8d41", matches: 2),
        .notEnrolled,
        .serverUnreachable(server: "https://venn.example.org", detail: "connection refused"),
        .deviceUnauthorized,
        .deviceForbidden,
        .invalidEnrollmentCode,
        .wrongGroup(expected: "askvoll", actual: "molde"),
        .schemaMismatch(detail: "client 1, server 2"),
        .serverRefused(detail: "HTTP 400"),
        .takeNeeded,
        .noValueFromThisLaptop,
        .conflictNotFound(id: "8d41"),
        .enrolled(group: "askvoll", server: "https://venn.example.org"),
        .syncDone(pushed: 3, pulled: 4, merged: 1, rejected: 0, kilobytes: 12, seconds: 0.4),
        .conflictResolved(id: "8d41"),
        .fileUnreadable(path: "/tmp/frivillige.csv"),
        .csvBroken(line: 3, reason: "unterminatedQuote"),
        .emptyFile,
        .unknownColumns(["Skostørrelse"], collection: volunteer),
        .duplicateColumns(["Navn"]),
        .badCell(line: 4, column: "Fødselsår", value: "gammel", expected: .integer),
        .invalidRow(line: 5, issue: ValidationIssue(collection: "volunteer", id: "", pointer: "/name",
                                                    expected: .required)),
        .unknownFormat("xml"),
        .matchNeedsSubject,
        .unknownSize("huge"),
        .importChecked(valid: 2, invalid: 1),
        .imported(count: 2, skipped: 1),
        .demoDataAdded(records: 120, volunteers: 15, persons: 12),
        .said(Phrase("Done.", nb: "Ferdig.")),
        .verbNeeded(.course, known: ["plan", "enrol"]),
        .unknownVerb("sgn", command: .agreement, suggestion: "sign"),
        .moveNotAllowed(verb: "send", current: "Signed", allowed: ["Anchored"]),
        .reasonRequired(verb: "terminate"),
        .unknownReason("moved", known: ["person_moved", "other"]),
        .moveNeeds(verb: "ready", missing: [Phrase("a signed pledge", nb: "et signert taushetsløfte")]),
        .invalidDate(flag: "--on", value: "31.12.2026"),
        .moved(collection: volunteer, id: "0190", from: "Ready", to: "Proposed"),
    ]

    static let caseCount = 70

    static func caseNumber(_ message: Message) -> Int {
        switch message {
        case .unknownCommand: 0
        case .unknownCollection: 1
        case .unknownOption: 2
        case .unknownFlag: 3
        case .missingValue: 4
        case .unexpectedValue: 5
        case .missingArgument: 6
        case .unexpectedArgument: 7
        case .unknownField: 8
        case .cannotClear: 9
        case .clearedAndSet: 10
        case .readOnlyCollection: 11
        case .missingStorePath: 12
        case .seeHelp: 13
        case .wrongType: 14
        case .invalidData: 15
        case .recordNotFound: 16
        case .noHistory: 17
        case .noRecords: 18
        case .storeNotFound: 19
        case .storeAlreadyExists: 20
        case .notAStore: 21
        case .storeTooNew: 22
        case .storeUnavailable: 23
        case .internalError: 24
        case .storeInitialized: 25
        case .recordAdded: 26
        case .recordUpdated: 27
        case .recordDeleted: 28
        case .nothingToChange: 29
        case .noStoreFound: 30
        case .severalStores: 31
        case .invalidGroupName: 32
        case .ambiguousID: 33
        case .notEnrolled: 34
        case .serverUnreachable: 35
        case .deviceUnauthorized: 36
        case .deviceForbidden: 37
        case .invalidEnrollmentCode: 38
        case .wrongGroup: 39
        case .schemaMismatch: 40
        case .serverRefused: 41
        case .takeNeeded: 42
        case .noValueFromThisLaptop: 43
        case .conflictNotFound: 44
        case .enrolled: 45
        case .syncDone: 46
        case .conflictResolved: 47
        case .fileUnreadable: 48
        case .csvBroken: 49
        case .emptyFile: 50
        case .unknownColumns: 51
        case .duplicateColumns: 52
        case .badCell: 53
        case .invalidRow: 54
        case .unknownFormat: 55
        case .matchNeedsSubject: 56
        case .unknownSize: 57
        case .importChecked: 58
        case .imported: 59
        case .demoDataAdded: 60
        case .said: 61
        case .verbNeeded: 62
        case .unknownVerb: 63
        case .moveNotAllowed: 64
        case .reasonRequired: 65
        case .unknownReason: 66
        case .moveNeeds: 67
        case .invalidDate: 68
        case .moved: 69
        }
    }

    @Test func samplesCoverEveryCase() {
        #expect(Set(Self.samples.map(Self.caseNumber)) == Set(0..<Self.caseCount))
    }

    @Test(arguments: samples)
    func everyMessageReadsInBothLanguagesOnOneLine(message: Message) {
        for language in Language.allCases {
            let text = message.text(in: language)
            #expect(!text.isEmpty)
            #expect(!text.contains("\n"))
        }
    }

    @Test(arguments: samples)
    func bokmalDiffersFromEnglishExceptForABareId(message: Message) {
        let english = message.text(in: .english)
        let bokmal = message.text(in: .bokmal)
        if case .recordAdded = message {
            #expect(english == "0190")
            #expect(bokmal == "0190")
        } else {
            #expect(english != bokmal)
        }
    }

    @Test func messagesUseTheSchemaLabelsOfTheLanguage() {
        let message = Message.recordNotFound(collection: Self.volunteer, id: "0190")
        #expect(message.text(in: .english) == "No volunteer with id 0190.")
        #expect(message.text(in: .bokmal) == "Fant ingen frivillig med id 0190.")
    }

    @Test func unknownCollectionListsTheKnownOnes() {
        let message = Message.unknownCollection("volunter", known: ["match", "volunteer"])
        #expect(message.text(in: .english).hasSuffix("Known collections: match, volunteer."))
        #expect(message.text(in: .bokmal).hasSuffix("Kjente samlinger: match, volunteer."))
    }

    @Test func suggestionsAreOffered() {
        let message = Message.unknownFlag(
            "--birth-yaer", collection: Self.volunteer, suggestion: "--birth-year")
        #expect(message.text(in: .english)
            == "Unknown flag --birth-yaer for volunteer. Did you mean --birth-year?")
        #expect(message.text(in: .bokmal) == "Ukjent valg --birth-yaer for frivillig. Mente du --birth-year?")
        let without = Message.unknownFlag("--xyz", collection: Self.volunteer, suggestion: nil)
        #expect(!without.text(in: .english).contains("Did you mean"))
    }

    @Test func storeNotFoundSuggestsInit() {
        let message = Message.storeNotFound(path: "/tmp/venn.db")
        #expect(message.text(in: .english).contains("venn init --group GROUP"))
        #expect(message.text(in: .bokmal).contains("venn init --group GRUPPE"))
    }

    @Test func storeTooNewNamesBothVersions() {
        let text = Message.storeTooNew(path: "p", found: 7, supported: 3).text(in: .bokmal)
        #expect(text.contains("7") && text.contains("3"))
    }

    @Test(arguments: ValueKind.allCases)
    func everyValueKindHasAPhraseInBothLanguages(kind: ValueKind) {
        let message = Message.wrongType(flag: "--x", value: "v", expected: kind)
        let english = message.text(in: .english)
        let bokmal = message.text(in: .bokmal)
        #expect(english.hasPrefix("--x expects "))
        #expect(bokmal.hasPrefix("--x skal være "))
        #expect(english != bokmal)
    }
}

struct ValidationMessageTests {
    static let samples: [ValidationIssue.Expectation] = [
        .required,
        .type("integer"),
        .type("tuple"),
        .oneOf(["interested", "enrolled"]),
        .format("date"),
        .format("ipv4"),
        .pattern("^[0-9]{4}$"),
        .minLength(1),
        .maxLength(200),
        .minimum(1900),
        .maximum(2.5),
        .minItems(1),
        .maxItems(10),
        .uniqueItems,
        .knownCollection,
    ]

    static let caseCount = 13

    static func caseNumber(_ expectation: ValidationIssue.Expectation) -> Int {
        switch expectation {
        case .required: 0
        case .type: 1
        case .oneOf: 2
        case .format: 3
        case .pattern: 4
        case .minLength: 5
        case .maxLength: 6
        case .minimum: 7
        case .maximum: 8
        case .minItems: 9
        case .maxItems: 10
        case .uniqueItems: 11
        case .knownCollection: 12
        }
    }

    @Test func samplesCoverEveryExpectation() {
        #expect(Set(Self.samples.map(Self.caseNumber)) == Set(0..<Self.caseCount))
    }

    @Test(arguments: samples)
    func everyExpectationIsLocalised(expectation: ValidationIssue.Expectation) {
        let issue = ValidationIssue(
            collection: "volunteer", id: "0190", pointer: "/field", expected: expectation)
        let english = Message.invalidData(issue).text(in: .english)
        let bokmal = Message.invalidData(issue).text(in: .bokmal)
        #expect(english.hasPrefix("volunteer 0190: /field: "))
        #expect(bokmal.hasPrefix("volunteer 0190: /field: "))
        #expect(english != bokmal)
    }

    @Test func theLineNamesRecordPointerAndExpectation() {
        let issue = ValidationIssue(
            collection: "volunteer", id: "0190", pointer: "/birth_year", expected: .minimum(1900))
        #expect(Message.invalidData(issue).text(in: .english)
            == "volunteer 0190: /birth_year: expected at least 1900.")
        #expect(Message.invalidData(issue).text(in: .bokmal)
            == "volunteer 0190: /birth_year: forventet minst 1900.")
    }

    @Test func anIssueAboutTheWholeRecordHasNoPointer() {
        let issue = ValidationIssue(collection: "nothing", id: "0190", pointer: "", expected: .knownCollection)
        #expect(Message.invalidData(issue).text(in: .english) == "nothing 0190: expected a known collection.")
    }

    @Test func decimalsFollowTheLanguage() {
        let issue = ValidationIssue(collection: "c", id: "1", pointer: "/x", expected: .maximum(2.5))
        #expect(Message.invalidData(issue).text(in: .english).hasSuffix("at most 2.5."))
        #expect(Message.invalidData(issue).text(in: .bokmal).hasSuffix("høyst 2,5."))
    }

    @Test func invalidDataErrorsHaveOneLinePerIssue() {
        let issues = [
            ValidationIssue(collection: "volunteer", id: "1", pointer: "/name", expected: .required),
            ValidationIssue(collection: "volunteer", id: "1", pointer: "/status", expected: .oneOf(["ready"])),
        ]
        let error = CLIError.invalidData(issues)
        #expect(error.exitCode == .invalidData)
        #expect(error.lines(in: .english).count == 2)
        #expect(error.exitCode.rawValue == 2)
    }
}

struct CLIErrorTests {
    @Test func exitCodesHaveTheirNumbers() {
        #expect(ExitCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
    }

    @Test func helpersChooseTheExitCode() {
        #expect(CLIError.unknownCommand("lst").exitCode == .usage)
        #expect(CLIError.unknownCommand("lst").messages == [.unknownCommand("lst", suggestion: "list")])
        #expect(CLIError.unknownCollection("x", known: ["volunteer", "match"]).messages
            == [.unknownCollection("x", known: ["match", "volunteer"])])
        #expect(CLIError.recordNotFound(Fixtures.volunteer, id: "1").exitCode == .notFound)
        #expect(CLIError.storeProblem(.notAStore(path: "p")).exitCode == .storeProblem)
        #expect(CLIError.internalError("x").exitCode == .storeProblem)
        #expect(CLIError.readOnlyCollection(Fixtures.conflict).exitCode == .usage)
        #expect(CLIError.missingArgument(.collection).exitCode == .usage)
    }

    @Test func unknownFieldSuggestsTheClosest() {
        let error = CLIError.unknownField("brith_year", in: Fixtures.volunteer)
        #expect(error.messages == [
            .unknownField("brith_year", collection: SchemaLabel(Fixtures.volunteer), suggestion: "birth_year"),
        ])
    }

    @Test func textJoinsLines() {
        let error = CLIError(.usage, [.missingArgument(.collection), .seeHelp(.add)])
        #expect(error.text(in: .english) == "Missing argument COLLECTION.\nRun \"venn add --help\" for help.")
    }
}
