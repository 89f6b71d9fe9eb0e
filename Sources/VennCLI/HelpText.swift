public import VennSchema

/// The help screens of `venn`, generated from the commands and the schemas,
/// in one language and wrapped to a width.
///
/// - `venn --help`: ``program(collections:)``
/// - `venn add --help`: ``command(_:collections:)``
/// - `venn add volunteer --help`: ``collection(_:command:)``
public struct HelpText: Sendable, Hashable {
    /// The language of the texts.
    public var language: Language
    /// The width lines are wrapped to.
    public var width: Int

    /// The width when output is not a terminal.
    public static let defaultWidth = 80
    /// Lines longer than this read poorly, however wide the terminal.
    public static let maximumWidth = 100
    /// Below this, the layout would fall apart; lines may then be wider
    /// than the terminal.
    public static let minimumWidth = 40

    /// Help in `language` for a terminal `terminalWidth` columns wide (nil
    /// when output is not a terminal).
    public init(language: Language, terminalWidth: Int?) {
        self.language = language
        let width = terminalWidth ?? Self.defaultWidth
        self.width = min(Self.maximumWidth, max(Self.minimumWidth, width))
    }

    /// `venn --help`: what the program is, its commands, collections,
    /// options, environment and exit codes.
    public func program(collections: [CollectionSchema]) -> String {
        let usage = ["venn", "[--store \(placeholder(.path))]", "[--json]",
                     placeholder(.command), "[\(placeholder(.arguments))]"]
        var lines = wrap(phrase(.programSummary))
        lines += [""] + usageLines(usage)
        for commandSection in Command.Section.allCases {
            let commands = Command.commands(in: commandSection)
            lines += section(.commandsHeading(commandSection), definitions(commands.map {
                ($0.name, phrase(.commandSummary($0)))
            }))
        }
        lines += [""] + wrap(phrase(.gettingStarted))
        lines += section(.collectionsHeading, collectionList(collections))
        lines += section(.globalOptionsHeading, globalOptions())
        lines += section(.environmentHeading, definitions([
            ("VENN_STORE", phrase(.storeVariable)),
            (Language.environmentVariables.joined(separator: ", "), phrase(.languageVariables)),
            ("COLUMNS", phrase(.columnsVariable)),
        ]))
        lines += section(.exitCodesHeading, definitions(ExitCode.allCases.map {
            (String($0.rawValue), phrase(.exitCode($0)))
        }))
        lines += [""] + wrap(phrase(.moreHelp))
        return lines.joined(separator: "\n")
    }

    /// `venn COMMAND --help`: usage, what the command does, its options and
    /// the collections it works on.
    public func command(_ command: Command, collections: [CollectionSchema]) -> String {
        var lines = usageLines(usage(of: command, collection: nil))
        lines += [""] + wrap(phrase(.commandDetails(command)))

        var options: [(String, String)] = []
        switch command {
        case .initialize:
            options.append(("--group \(placeholder(.group))", phrase(.groupOption)))
            options.append(("--server URL", phrase(.serverOption)))
            options.append(("--code CODE", phrase(.codeOption)))
        case .conflicts:
            options.append(("--take mine|theirs|\(placeholder(.value))", phrase(.takeOption)))
        case .add:
            options.append((fieldFlagsTerm, phrase(.fieldFlagsOption)))
        case .edit:
            options.append((fieldFlagsTerm, phrase(.fieldFlagsOption)))
            options.append(("--clear \(placeholder(.field))", phrase(.clearOption(clearable: nil))))
        case .import:
            options.append(("--dry-run", phrase(.dryRunOption)))
            options.append(("--skip-invalid", phrase(.skipInvalidOption)))
        case .export:
            options.append(("--format csv|json", phrase(.formatOption)))
        case .match:
            options.append(("--person ID", phrase(.personOption)))
            options.append(("--volunteer ID", phrase(.volunteerOption)))
            options.append(("--limit N", phrase(.limitOption)))
        case .demoData:
            options.append(("--size typical|city|stress", phrase(.sizeOption)))
            options.append(("--seed N", phrase(.seedOption)))
        case .list, .show, .delete, .history, .why, .sync, .status,
             .agreement, .member, .group, .volunteer, .person, .course, .followup, .consent,
             .activity, .gathering, .refund, .stats:
            break
        }
        if !options.isEmpty {
            lines += section(.optionsHeading, definitions(options))
        }
        lines += section(.globalOptionsHeading, globalOptions())
        if command.takesCollection {
            lines += section(.collectionsHeading, collectionList(collections))
        }
        return lines.joined(separator: "\n")
    }

    /// `venn NOUN --help` for the working group's commands: usage, what the
    /// noun is for, its verbs and its options.
    func workflow(_ command: Command, verbs: [(String, String)], options: [(String, String)]) -> String {
        var lines = usageLines(["venn", command.name, "VERB", "[ID]", "[\(placeholder(.arguments))]"])
        lines += [""] + wrap(phrase(.commandDetails(command)))
        lines += section(.verbsHeading, definitions(verbs))
        if !options.isEmpty {
            lines += section(.optionsHeading, definitions(options))
        }
        lines += section(.globalOptionsHeading, globalOptions())
        return lines.joined(separator: "\n")
    }

    /// `venn COMMAND COLLECTION --help`: usage with the collection, what it
    /// holds, and for `add` and `edit` one line per field flag with its
    /// type, allowed values, whether it is required, its default and help.
    public func collection(_ collection: CollectionSchema, command: Command) -> String {
        let label = SchemaLabel(collection)
        var lines: [String] = []
        let description = wrap(sentence(label.text(in: language)) + describe(collection))
        if collection.isSystem, command.takesRecordFlags {
            lines = description + [""] + wrap(phrase(.systemCollection))
            return lines.joined(separator: "\n")
        }

        lines += usageLines(usage(of: command, collection: collection))
        lines += [""] + wrap(phrase(.commandDetails(command)))
        lines += [""] + description
        switch command {
        case .add, .edit:
            var items = RecordFlags(collection: collection).flags.map { flag in
                (term(for: flag), describe(flag.field, in: collection, for: command))
            }
            if command == .edit {
                let clearable = collection.fields.filter(\.isNullable).map {
                    RecordFlags.flagName(forField: $0.name)
                }
                let clear = phrase(.clearOption(clearable: clearable))
                items.append(("--clear \(placeholder(.field))", clear))
            }
            lines += section(.fieldsHeading, definitions(items))
        case .why:
            lines += section(.fieldsHeading, definitions(collection.fields.map {
                ($0.name, sentence($0.label(in: language.code)))
            }))
        case .initialize, .list, .show, .delete, .history, .sync, .status, .conflicts,
             .import, .export, .match, .demoData,
             .agreement, .member, .group, .volunteer, .person, .course, .followup, .consent,
             .activity, .gathering, .refund, .stats:
            break
        }
        return lines.joined(separator: "\n")
    }
}

// MARK: - Pieces

extension HelpText {
    private func phrase(_ phrase: HelpPhrase) -> String {
        phrase.text(in: language)
    }

    private func placeholder(_ argument: ArgumentName) -> String {
        argument.placeholder(in: language)
    }

    private var fieldFlagsTerm: String {
        "--\(placeholder(.field)) \(placeholder(.value))"
    }

    /// The parts of the usage line of `command`, naming `collection` when
    /// known.
    private func usage(of command: Command, collection: CollectionSchema?) -> [String] {
        var parts = ["venn", command.name]
        for argument in command.arguments {
            let named = argument == .collection ? collection?.name : nil
            parts.append(named ?? placeholder(argument))
        }
        switch command {
        case .initialize:
            parts.append("--group \(placeholder(.group))")
            parts.append("[--server URL --code CODE]")
        case .sync:
            break
        case .status:
            parts.append("[--json]")
        case .conflicts:
            parts.append("[list | show ID | resolve ID --take mine|theirs|\(placeholder(.value))]")
        case .import:
            parts.append("[--dry-run] [--skip-invalid]")
        case .export:
            parts.append("[--format csv|json]")
        case .match:
            parts.append("suggest (--person ID | --volunteer ID) [--limit N] [--json]")
        case .demoData:
            parts.append("[--size typical|city|stress] [--seed N]")
        case .add:
            if let collection {
                parts += RecordFlags(collection: collection).flags
                    .filter { collection.required.contains($0.field.name) }
                    .map(term(for:))
            }
            parts.append("[\(fieldFlagsTerm) ...]")
        case .edit:
            parts.append("[\(fieldFlagsTerm) ...]")
            parts.append("[--clear \(placeholder(.field)) ...]")
        case .list, .show, .history, .why:
            parts.append("[--json]")
        case .delete:
            break
        case .agreement, .member, .group, .volunteer, .person, .course, .followup, .consent,
             .activity, .gathering, .refund, .stats:
            parts.append("VERB [ID] [...]")
        }
        return parts
    }

    /// A flag with its value placeholder: `--birth-year INTEGER`,
    /// `--is-minor[=yes|no]`, `--status VALUE`.
    private func term(for flag: RecordFlags.Flag) -> String {
        let field = flag.field
        let kind = ValueKind(field)
        if kind == .boolean {
            return flag.spelling + phrase(.valuePlaceholder(.boolean))
        }
        if field.kind == .string, field.string.allowed != nil {
            return flag.spelling + " " + phrase(.choicePlaceholder)
        }
        return flag.spelling + " " + phrase(.valuePlaceholder(kind))
    }

    /// A field's line: label, required marker, help, allowed values,
    /// reference and default.
    private func describe(
        _ field: FieldSchema,
        in collection: CollectionSchema,
        for command: Command
    ) -> String {
        var text = field.label(in: language.code)
        if command == .add, collection.required.contains(field.name) {
            text += " (\(phrase(.required)))"
        }
        text = sentence(text)
        if let help = field.help[language.code] ?? field.help[Language.english.code] {
            text += " " + sentence(help)
        }

        switch field.kind {
        case .string:
            if let allowed = field.string.allowed {
                text += " " + phrase(.oneOf(allowed.map { choice($0, of: field) }))
            }
        case .array:
            let allowed = field.string.allowed.map { $0.map { choice($0, of: field) } }
            text += " " + phrase(allowed.map(HelpPhrase.itemsFrom) ?? .commaSeparated)
        case .integer, .number, .boolean, .any:
            break
        }
        if let reference = field.reference {
            text += " " + phrase(.reference(reference))
        }
        if command == .add, let value = field.defaultValue {
            let shown = if case .string(let code) = value, field.valueLabels[code] != nil {
                choice(code, of: field)
            } else {
                ValueFormatter(language: language).text(for: value)
            }
            if !shown.isEmpty { text += " " + phrase(.defaultValue(shown)) }
        }
        return text
    }

    /// An allowed value as typed and as read: `day_centre (Dagsenter)`, or
    /// just the code when it has no label or the label says the same.
    private func choice(_ code: String, of field: FieldSchema) -> String {
        let label = field.valueLabel(code, in: language.code)
        return label.lowercased() == code.lowercased() ? code : "\(code) (\(label))"
    }

    /// A collection's help sentence, with a leading space, or nothing.
    private func describe(_ collection: CollectionSchema) -> String {
        let help = collection.help[language.code] ?? collection.help[Language.english.code]
        return help.map { " " + sentence($0) } ?? ""
    }

    private func collectionList(_ collections: [CollectionSchema]) -> [String] {
        definitions(collections.sorted { $0.name < $1.name }.map {
            ($0.name, sentence($0.label(in: language.code)) + describe($0))
        })
    }

    private func globalOptions() -> [String] {
        definitions([
            ("--store \(placeholder(.path))", phrase(.storeOption)),
            ("--group \(placeholder(.group))", phrase(.groupOption)),
            ("--json", phrase(.jsonOption)),
            ("-h, --help", phrase(.helpOption)),
        ])
    }

    /// `text` ending in a full stop (or the mark it has).
    private func sentence(_ text: String) -> String {
        guard let last = text.last, !".!?:".contains(last) else { return text }
        return text + "."
    }
}

// MARK: - Layout

extension HelpText {
    /// The indentation of terms in a list.
    private static let indent = 2
    /// The widest a term column gets; longer terms put their text below.
    private static let maximumTermWidth = 28

    private func wrap(_ text: String) -> [String] {
        TextWrapper.wrap(text, width: width, firstIndent: 0, indent: 0)
    }

    /// "Usage: " and the parts, wrapped between parts only: `--name TEXT`
    /// stays on one line.
    private func usageLines(_ parts: [String]) -> [String] {
        let heading = phrase(.usageHeading)
        let indent = DisplayWidth.of(heading) + 1
        let glued = parts.map { String($0.map { $0 == " " ? Self.noBreakSpace : $0 }) }
        let lines = TextWrapper.wrap(
            glued.joined(separator: " "),
            width: width,
            firstIndent: indent,
            indent: indent + 2
        )
        return ([heading + " " + lines[0]] + lines.dropFirst()).map { line in
            String(line.map { $0 == Self.noBreakSpace ? " " : $0 })
        }
    }

    private static let noBreakSpace: Character = "\u{00A0}"

    private func section(_ heading: HelpPhrase, _ body: [String]) -> [String] {
        ["", phrase(heading)] + body
    }

    /// Terms in a column and their texts wrapped beside them; a term too
    /// wide for the column (or a narrow width) puts its text on the next
    /// lines.
    private func definitions(_ items: [(term: String, text: String)]) -> [String] {
        let widest = items.map { DisplayWidth.of($0.term) }.max() ?? 0
        let termWidth = min(widest, Self.maximumTermWidth)
        var textStart = Self.indent + termWidth + 2
        if width - textStart < 30 { textStart = Self.indent + 4 }

        let margin = String(repeating: " ", count: Self.indent)
        var lines: [String] = []
        for (term, text) in items {
            let termColumns = DisplayWidth.of(term)
            let fitsBeside = Self.indent + termColumns + 2 <= textStart
            if !fitsBeside {
                lines.append(margin + term)
            }
            let wrapped = TextWrapper.wrap(
                text,
                width: width,
                firstIndent: textStart,
                indent: textStart
            )
            let lead = fitsBeside
                ? margin + DisplayWidth.pad(term, to: textStart - Self.indent)
                : String(repeating: " ", count: textStart)
            lines.append(lead + wrapped[0])
            lines += wrapped.dropFirst()
        }
        return lines
    }
}
