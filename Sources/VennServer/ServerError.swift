/// A failure of a server operation outside HTTP: an administrator's command
/// or the storage.
///
/// The message says what went wrong and what to do; it never holds a
/// token, a code or a record's values.
public struct ServerError: Error, Sendable, Hashable {
    /// What kind of failure it is; new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// A group with this id already exists.
        public static let groupExists = Code(rawValue: "group_exists")
        /// No group has this id.
        public static let groupNotFound = Code(rawValue: "group_not_found")
        /// No device has this id.
        public static let deviceNotFound = Code(rawValue: "device_not_found")
        /// An argument is malformed, e.g. a municipality number.
        public static let invalidArgument = Code(rawValue: "invalid_argument")
        /// The storage failed; the operation changed nothing.
        public static let storage = Code(rawValue: "storage")
        /// The storage was busy past its timeout; try again.
        public static let busy = Code(rawValue: "busy")
        /// The stored data is not what this program wrote.
        public static let corrupt = Code(rawValue: "corrupt")

        /// Lets callers write `catch ServerError.Code.groupExists`.
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            (error as? ServerError)?.code == pattern
        }
    }

    /// What kind of failure it is.
    public var code: Code
    /// An English sentence saying what went wrong.
    public var message: String
    /// The lower-level error, if any.
    public var underlyingError: (any Error)?

    /// Makes an error.
    public init(code: Code, message: String, underlyingError: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlyingError = underlyingError
    }

    public static func == (lhs: ServerError, rhs: ServerError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }
}

extension ServerError: CustomStringConvertible {
    public var description: String {
        "\(code.rawValue): \(message)"
    }
}
