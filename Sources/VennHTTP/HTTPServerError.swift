/// An error from starting an ``HTTPServer``.
public struct HTTPServerError: Error, Sendable, Equatable {
    /// What went wrong, as an extensible set of values.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case invalidHost
            case couldNotStart
        }

        private let value: Value

        /// The host is not an IPv4 address in dotted form.
        public static let invalidHost = Code(value: .invalidHost)
        /// libmicrohttpd could not start, most often because the port is taken.
        public static let couldNotStart = Code(value: .couldNotStart)

        public var description: String {
            switch value {
            case .invalidHost: "invalidHost"
            case .couldNotStart: "couldNotStart"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// An English sentence saying what went wrong and what to check.
    public var message: String

    /// Creates an error with a code and a message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}

extension HTTPServerError: CustomStringConvertible {
    public var description: String {
        "HTTP server \(code): \(message)"
    }
}
