#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The width of the terminal the program writes to.
public enum TerminalSize {
    /// The number of columns to fit output to, or nil when standard output is
    /// not a terminal (a pipe or file), where nothing should be cut.
    ///
    /// A positive `COLUMNS` in the environment wins; otherwise the terminal
    /// is asked (`ioctl` with `TIOCGWINSZ` on standard output).
    public static func columns(environment: [String: String]) -> Int? {
        columns(environment: environment, askingTerminal: terminalColumns)
    }

    /// `columns(environment:)` with the terminal query injected, for tests.
    static func columns(environment: [String: String], askingTerminal: () -> Int?) -> Int? {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        return askingTerminal()
    }

    /// The columns of the terminal on standard output, if it is one.
    ///
    /// The corresponding C call is `ioctl(STDOUT_FILENO, TIOCGWINSZ, &size)`.
    static func terminalColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }
}
