import Foundation

/// Where the program writes: standard output for results, standard error
/// for errors. Tests capture both.
public struct Console: Sendable {
    public var writeOutput: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// The terminal's width, or nil when standard output is not a terminal.
    public var terminalWidth: Int?

    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        terminalWidth: Int?
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.terminalWidth = terminalWidth
    }

    /// The process's standard output and error.
    public static func standard(environment: [String: String]) -> Console {
        Console(
            writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            terminalWidth: TerminalSize.columns(environment: environment)
        )
    }

    func print(_ text: String) {
        writeOutput(text.hasSuffix("\n") ? text : text + "\n")
    }

    func printError(_ text: String) {
        writeError(text.hasSuffix("\n") ? text : text + "\n")
    }
}
