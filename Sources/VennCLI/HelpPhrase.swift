/// The words and sentences of the help texts.
///
/// Like ``Message``, each language is an exhaustive switch
/// (`HelpPhrase+English.swift`, `HelpPhrase+Bokmal.swift`), so a phrase
/// without a translation does not compile. ``HelpText`` lays them out.
public enum HelpPhrase: Sendable, Hashable {
    /// What the program is, in one sentence.
    case programSummary

    // MARK: - Headings

    /// "Usage:", before a usage line.
    case usageHeading
    /// Above a section of the list of commands.
    case commandsHeading(Command.Section)
    /// Where a new working group starts, after the commands.
    case gettingStarted
    /// Above the list of collections.
    case collectionsHeading
    /// Above a command's own options.
    case optionsHeading
    /// Above the options every command takes.
    case globalOptionsHeading
    /// Above the environment variables.
    case environmentHeading
    /// Above the exit codes.
    case exitCodesHeading
    /// Above a collection's field flags.
    case fieldsHeading
    /// Above the verbs of a working-group command.
    case verbsHeading

    // MARK: - Commands

    /// A command in a few words, for the list of commands.
    case commandSummary(Command)
    /// A command in a paragraph, for its own help.
    case commandDetails(Command)

    // MARK: - Options and environment

    /// `--store PATH`.
    case storeOption
    /// `--json`.
    case jsonOption
    /// `--help`, `-h`.
    case helpOption
    /// `--group GROUP` of `init`.
    case groupOption
    /// `--server URL` of `init`.
    case serverOption
    /// `--code CODE` of `init`.
    case codeOption
    /// `--take` of `conflicts resolve`.
    case takeOption
    /// `--dry-run` of `import`.
    case dryRunOption
    /// `--skip-invalid` of `import`.
    case skipInvalidOption
    /// `--format` of `export`.
    case formatOption
    /// `--person` of `match suggest`.
    case personOption
    /// `--volunteer` of `match suggest`.
    case volunteerOption
    /// `--limit` of `match suggest`.
    case limitOption
    /// `--size` of `demo-data`.
    case sizeOption
    /// `--seed` of `demo-data`.
    case seedOption
    /// `--FIELD VALUE` in a command's help.
    case fieldFlagsOption
    /// `--clear FIELD`, naming the fields that may be cleared (nil when the
    /// collection is not known yet).
    case clearOption(clearable: [String]?)
    /// `VENN_STORE`.
    case storeVariable
    /// `LC_ALL`, `LC_MESSAGES`, `LANG`.
    case languageVariables
    /// `COLUMNS`.
    case columnsVariable
    /// What an exit code means.
    case exitCode(ExitCode)
    /// Where to find more help.
    case moreHelp

    // MARK: - Fields

    /// The marker of a field a new record must have.
    case required
    /// The value a new record gets when none is given.
    case defaultValue(String)
    /// The values a field allows.
    case oneOf([String])
    /// The values an array field's items may take.
    case itemsFrom([String])
    /// An array field without a list of allowed items.
    case commaSeparated
    /// A field holding the id of a record in another collection.
    case reference(String)
    /// A collection people cannot write to.
    case systemCollection
    /// The placeholder for a flag's value, such as `INTEGER`.
    case valuePlaceholder(ValueKind)
    /// The placeholder for a value from a list of allowed values.
    case choicePlaceholder

    /// The phrase in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .english: englishText
        case .bokmal: bokmalText
        }
    }
}
