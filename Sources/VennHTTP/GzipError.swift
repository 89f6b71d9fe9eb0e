/// An error from ``Gzip/decompress(_:limit:)``.
///
/// The description never contains the data itself.
public struct GzipError: Error, Sendable, Equatable {
    /// What went wrong, as an extensible set of values.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case corrupt
            case tooLarge
        }

        private let value: Value

        /// The input is not valid gzip or zlib data, or it ends early.
        public static let corrupt = Code(value: .corrupt)
        /// The decompressed data would exceed the caller's limit.
        public static let tooLarge = Code(value: .tooLarge)

        public var description: String {
            switch value {
            case .corrupt: "corrupt"
            case .tooLarge: "tooLarge"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// An English sentence saying what went wrong.
    public var message: String

    /// Creates an error with a code and a message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}

extension GzipError: CustomStringConvertible {
    public var description: String {
        "gzip \(code): \(message)"
    }
}
