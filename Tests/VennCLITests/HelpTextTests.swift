import Testing
import VennSchema
@testable import VennCLI

struct HelpTextTests {
    static let widths = [40, 60, 80, 100]

    static func help(_ language: Language, width: Int? = 80) -> HelpText {
        HelpText(language: language, terminalWidth: width)
    }

    @Test(arguments: Language.allCases)
    func programHelpListsCommandsOptionsAndExitCodes(language: Language) {
        let text = Self.help(language).program(collections: Fixtures.collections)
        for command in Command.allCases {
            #expect(text.contains("  \(command.name) "), "command \(command.name)")
        }
        for option in ["--store", "--json", "--help", "-h", "VENN_STORE", "LANG", "COLUMNS"] {
            #expect(text.contains(option), "option \(option)")
        }
        for code in ExitCode.allCases {
            #expect(text.contains("  \(code.rawValue)  "), "exit code \(code)")
        }
        for collection in Fixtures.collections {
            #expect(text.contains(collection.name))
            #expect(text.contains(collection.label(in: language.code)))
        }
    }

    @Test func everyCommandIsListedInExactlyOneSection() {
        let listed = Command.Section.allCases.flatMap(Command.commands(in:))
        #expect(listed.count == Command.allCases.count)
        #expect(Set(listed) == Set(Command.allCases))
    }

    @Test func programHelpIsTranslated() {
        let english = Self.help(.english).program(collections: Fixtures.collections)
        let bokmal = Self.help(.bokmal).program(collections: Fixtures.collections)
        #expect(english.contains("Usage: venn [--store PATH] [--json] COMMAND"))
        #expect(bokmal.contains("Bruk: venn [--store STI] [--json] KOMMANDO [ARGUMENTER]"))
        #expect(english.contains("Frivillig") == false)
        #expect(bokmal.contains("Frivillig. En kurset aktivitetsvenn."))
        #expect(bokmal.contains("Kobling"))
    }

    @Test(arguments: Language.allCases, Command.allCases)
    func commandHelpHasUsageAndDetails(language: Language, command: Command) {
        let text = Self.help(language).command(command, collections: Fixtures.collections)
        let usage = HelpPhrase.usageHeading.text(in: language)
        #expect(text.hasPrefix("\(usage) venn \(command.name)"))
        #expect(text.contains("--store"))
        #expect(text.contains(String(HelpPhrase.commandDetails(command).text(in: language).prefix(20))))
        let collections = HelpPhrase.collectionsHeading.text(in: language)
        #expect(text.contains(collections) == command.takesCollection)
    }

    @Test(arguments: Language.allCases)
    func addHelpShowsEveryFieldFlagWithItsLabel(language: Language) {
        let text = Self.help(language).collection(Fixtures.volunteer, command: .add)
        for field in Fixtures.volunteer.fields {
            #expect(text.contains("--" + RecordFlags.flagName(forField: field.name)), "flag of \(field.name)")
            #expect(text.contains(field.label(in: language.code)), "label of \(field.name)")
        }
        #expect(text.contains(Fixtures.volunteer.label(in: language.code)))
    }

    @Test func addHelpDescribesTypesValuesRequiredAndDefaults() {
        let english = Self.help(.english, width: 100).collection(Fixtures.volunteer, command: .add)
        #expect(english.hasPrefix("Usage: venn add volunteer --name TEXT --status VALUE [--FIELD VALUE ...]"))
        #expect(english.contains("--birth-year INTEGER"))
        #expect(english.contains("--is-minor[=yes|no]"))
        #expect(english.contains("--travel-km NUMBER"))
        #expect(english.contains("--pledge-signed DATE"))
        #expect(english.contains("--contact-member ID"))
        #expect(english.contains("--interests LIST"))
        #expect(english.contains("Name (required). Full name."))
        #expect(english.contains("One of: interested, enrolled, course_done, ready."))
        #expect(english.contains("Comma-separated, from: norsk, engelsk, arabisk."))
        #expect(english.contains("Default: interested."))
        #expect(english.contains("Default: no."))
        #expect(english.contains("The id of a record in member."))
        #expect(english.contains("Needs a guardian's consent."))

        let bokmal = Self.help(.bokmal, width: 100).collection(Fixtures.volunteer, command: .add)
        #expect(bokmal.hasPrefix("Bruk: venn add volunteer --name TEKST --status VERDI [--FELT VERDI ...]"))
        #expect(bokmal.contains("--is-minor[=ja|nei]"))
        #expect(bokmal.contains("--birth-year HELTALL"))
        #expect(bokmal.contains("Navn (påkrevd). Fullt navn."))
        #expect(bokmal.contains("Én av: interested, enrolled, course_done, ready."))
        #expect(bokmal.contains("Standard: nei."))
        #expect(bokmal.contains("Trenger samtykke fra foresatte."))
    }

    @Test func editHelpOffersClearForNullableFields() throws {
        let text = Self.help(.english, width: 100).collection(Fixtures.volunteer, command: .edit)
        #expect(text.hasPrefix("Usage: venn edit volunteer ID [--FIELD VALUE ...] [--clear FIELD ...]"))
        #expect(text.contains("--clear FIELD"))
        let clearLine = try #require(text.split(separator: "\n").lastIndex { $0.contains("--clear FIELD ") })
        let clearText = text.split(separator: "\n")[clearLine...].joined(separator: " ")
        for field in ["birth-year", "phone", "email", "travel-km", "pledge-signed", "contact-member"] {
            #expect(clearText.contains(field))
        }
        #expect(!clearText.contains("--name") && !clearText.contains(" name,"))
        #expect(!text.contains("(required)"))
        #expect(!text.contains("Default:"))
    }

    @Test func whyHelpListsFieldNames() {
        let text = Self.help(.bokmal).collection(Fixtures.volunteer, command: .why)
        #expect(text.contains("  birth_year"))
        #expect(text.contains("Fødselsår."))
    }

    @Test(arguments: Language.allCases)
    func systemCollectionsOfferNoFlags(language: Language) {
        let text = Self.help(language).collection(Fixtures.conflict, command: .add)
        #expect(text.contains(HelpPhrase.systemCollection.text(in: language)))
        #expect(!text.contains("--field"))
        #expect(!text.contains(HelpPhrase.usageHeading.text(in: language)))
    }

    @Test func usageLinesBreakBetweenParts() {
        let text = Self.help(.english, width: 50).collection(Fixtures.volunteer, command: .add)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Usage: venn add volunteer --name TEXT")
        #expect(lines[1] == "         --status VALUE [--FIELD VALUE ...]")
    }

    @Test(arguments: widths)
    func helpIsWrappedToTheWidth(width: Int) {
        for language in Language.allCases {
            let help = Self.help(language, width: width)
            let texts = [help.program(collections: Fixtures.collections)]
                + Command.allCases.map { help.command($0, collections: Fixtures.collections) }
                + Command.allCases.map { help.collection(Fixtures.volunteer, command: $0) }
            for line in texts.joined(separator: "\n").split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(line)")
            }
        }
    }

    @Test(arguments: [(nil, 80), (20, 40), (60, 60), (300, 100)] as [(Int?, Int)])
    func widthIsKeptReadable(terminal: Int?, expected: Int) {
        #expect(HelpText(language: .english, terminalWidth: terminal).width == expected)
    }
}

struct HelpPhraseTests {
    static let samples: [HelpPhrase] = [
        .programSummary, .usageHeading, .commandsHeading(.work), .commandsHeading(.records),
        .commandsHeading(.sync), .gettingStarted, .collectionsHeading, .optionsHeading,
        .globalOptionsHeading, .environmentHeading, .exitCodesHeading, .fieldsHeading,
        .storeOption, .jsonOption, .helpOption, .groupOption, .fieldFlagsOption,
        .clearOption(clearable: nil), .clearOption(clearable: []), .clearOption(clearable: ["phone"]),
        .storeVariable, .languageVariables, .columnsVariable, .moreHelp,
        .required, .defaultValue("x"), .oneOf(["a", "b"]), .itemsFrom(["a"]), .commaSeparated,
        .reference("member"), .systemCollection, .choicePlaceholder,
        .serverOption, .codeOption, .takeOption,
        .dryRunOption, .skipInvalidOption, .formatOption, .personOption, .volunteerOption, .limitOption,
        .sizeOption, .seedOption, .verbsHeading,
    ]
        + Command.allCases.flatMap { [HelpPhrase.commandSummary($0), .commandDetails($0)] }
        + ExitCode.allCases.map(HelpPhrase.exitCode)
        + ValueKind.allCases.map(HelpPhrase.valuePlaceholder)

    static let caseCount = 44

    static func caseNumber(_ phrase: HelpPhrase) -> Int {
        switch phrase {
        case .programSummary: 0
        case .usageHeading: 1
        case .commandsHeading: 2
        case .collectionsHeading: 3
        case .optionsHeading: 4
        case .globalOptionsHeading: 5
        case .environmentHeading: 6
        case .exitCodesHeading: 7
        case .fieldsHeading: 8
        case .commandSummary: 9
        case .commandDetails: 10
        case .storeOption: 11
        case .jsonOption: 12
        case .helpOption: 13
        case .groupOption: 14
        case .fieldFlagsOption: 15
        case .clearOption: 16
        case .storeVariable: 17
        case .languageVariables: 18
        case .columnsVariable: 19
        case .exitCode: 20
        case .moreHelp: 21
        case .required: 22
        case .defaultValue: 23
        case .oneOf: 24
        case .itemsFrom: 25
        case .commaSeparated: 26
        case .reference: 27
        case .systemCollection: 28
        case .valuePlaceholder: 29
        case .choicePlaceholder: 30
        case .serverOption: 31
        case .codeOption: 32
        case .takeOption: 33
        case .dryRunOption: 34
        case .skipInvalidOption: 35
        case .formatOption: 36
        case .personOption: 37
        case .volunteerOption: 38
        case .limitOption: 39
        case .sizeOption: 40
        case .seedOption: 41
        case .verbsHeading: 42
        case .gettingStarted: 43
        }
    }

    @Test func samplesCoverEveryCase() {
        #expect(Set(Self.samples.map(Self.caseNumber)) == Set(0..<Self.caseCount))
    }

    @Test(arguments: samples)
    func everyPhraseIsTranslated(phrase: HelpPhrase) {
        let english = phrase.text(in: .english)
        let bokmal = phrase.text(in: .bokmal)
        #expect(!english.isEmpty)
        #expect(!bokmal.isEmpty)
        let sameInBoth: Set<String> = ["ID", "JSON", "null"]
        if !sameInBoth.contains(english) {
            #expect(english != bokmal)
        }
    }

    @Test(arguments: ArgumentName.allCases)
    func placeholdersAreCapitalsInBothLanguages(argument: ArgumentName) {
        for language in Language.allCases {
            let text = argument.placeholder(in: language)
            #expect(!text.isEmpty)
            #expect(text == text.uppercased())
        }
    }
}
