/// Why CSV text could not be read.
///
/// The code says what is wrong and `line` where: the 1-based line of the
/// file on which the problem starts. Cell contents are never included.
public struct CSVError: Error, Sendable, Hashable {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Hashable {
            case invalidEncoding, unterminatedQuote
        }

        private let value: Value

        /// The bytes are not UTF-8; save the file as "CSV UTF-8".
        public static let invalidEncoding = Code(value: .invalidEncoding)
        /// A quoted cell is not closed before the end of the file.
        public static let unterminatedQuote = Code(value: .unterminatedQuote)

        public var description: String { "\(value)" }
    }

    /// The kind of problem.
    public var code: Code
    /// The 1-based line of the file where the problem starts: the first
    /// invalid byte, or the opening quote of the unclosed cell.
    public var line: Int

    /// Describes a problem at `line`.
    public init(_ code: Code, line: Int) {
        self.code = code
        self.line = line
    }
}

extension CSVError: CustomStringConvertible {
    public var description: String {
        switch code {
        case .invalidEncoding:
            "line \(line): the file is not UTF-8 text; save it as CSV UTF-8"
        default:
            "line \(line): a quoted cell is not closed before the end of the file"
        }
    }
}
