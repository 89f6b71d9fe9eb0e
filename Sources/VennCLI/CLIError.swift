public import VennSchema

/// How the program ends, as its process exit status.
public enum ExitCode: Int32, Sendable, Hashable, CaseIterable {
    /// The command did what was asked.
    case success = 0
    /// The command line was wrong: unknown command, option or collection, a
    /// missing argument or value.
    case usage = 1
    /// A value or record does not fit the schema.
    case invalidData = 2
    /// The record (or other thing asked for) does not exist.
    case notFound = 3
    /// The store is missing, unreadable, newer than the program, or broken.
    case storeProblem = 4
    /// The server could not be reached, or refused the sync.
    case syncProblem = 5
}

/// An error the program reports to the person who ran it: one or more lines
/// on standard error, and an exit code.
///
/// The messages are kept apart from the exit code, and are rendered in the
/// person's language only when printed.
public struct CLIError: Error, Sendable, Hashable {
    /// The exit status the program ends with.
    public var exitCode: ExitCode
    /// One message per line, most important first; never empty.
    public var messages: [Message]

    /// An error with the given lines.
    ///
    /// - Precondition: `messages` is not empty.
    public init(_ exitCode: ExitCode, _ messages: [Message]) {
        precondition(!messages.isEmpty, "a CLIError says at least one thing")
        self.exitCode = exitCode
        self.messages = messages
    }

    /// An error with one line.
    public init(_ exitCode: ExitCode, _ message: Message) {
        self.init(exitCode, [message])
    }

    /// The lines to print, in `language`.
    public func lines(in language: Language) -> [String] {
        messages.map { $0.text(in: language) }
    }

    /// The lines to print, in `language`, joined by newlines.
    public func text(in language: Language) -> String {
        lines(in: language).joined(separator: "\n")
    }
}

// MARK: - Common errors

extension CLIError {
    /// A command-line mistake (exit code 1).
    public static func usage(_ message: Message) -> CLIError {
        CLIError(.usage, message)
    }

    /// The command is not one of the program's.
    public static func unknownCommand(_ name: String) -> CLIError {
        let suggestion = EditDistance.closest(to: name, among: Command.allCases.map(\.name))
        return .usage(.unknownCommand(name, suggestion: suggestion))
    }

    /// The collection is not declared, listing those that are.
    public static func unknownCollection(_ name: String, known: some Sequence<String>) -> CLIError {
        .usage(.unknownCollection(name, known: known.sorted()))
    }

    /// A field name the collection lacks, with the closest one as suggestion.
    public static func unknownField(_ name: String, in collection: CollectionSchema) -> CLIError {
        let suggestion = EditDistance.closest(to: name, among: collection.fields.map(\.name))
        let label = SchemaLabel(collection)
        return .usage(.unknownField(name, collection: label, suggestion: suggestion))
    }

    /// The collection is kept by the program: `add`, `edit` and `delete`
    /// refuse it.
    public static func readOnlyCollection(_ collection: CollectionSchema) -> CLIError {
        .usage(.readOnlyCollection(SchemaLabel(collection)))
    }

    /// A positional argument is missing.
    public static func missingArgument(_ argument: ArgumentName) -> CLIError {
        .usage(.missingArgument(argument))
    }

    /// Records that do not fit their schema (exit code 2), one line per issue.
    ///
    /// - Precondition: `issues` is not empty.
    public static func invalidData(_ issues: [ValidationIssue]) -> CLIError {
        CLIError(.invalidData, issues.map(Message.invalidData))
    }

    /// No record of `collection` has this id (exit code 3).
    public static func recordNotFound(_ collection: CollectionSchema, id: String) -> CLIError {
        CLIError(.notFound, .recordNotFound(collection: SchemaLabel(collection), id: id))
    }

    /// A problem with the store file (exit code 4).
    public static func storeProblem(_ message: Message) -> CLIError {
        CLIError(.storeProblem, message)
    }

    /// A bug in the program; reported as a store problem since the store is
    /// the only thing it touches.
    public static func internalError(_ detail: String) -> CLIError {
        CLIError(.storeProblem, .internalError(detail))
    }
}
