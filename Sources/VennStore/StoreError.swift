public import VennSchema

/// Why a store operation failed.
///
/// The code says what kind of failure it was; `detail` carries context such
/// as a path or a record reference, never field values.
public struct StoreError: Error, Sendable, Hashable {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Hashable {
            case storeNotFound, storeExists, notAStore, storeTooNew, cannotOpen, corrupt
            case unknownCollection, recordNotFound, invalidData, readOnlyCollection
        }

        private let value: Value

        /// No store file at the path.
        public static let storeNotFound = Code(value: .storeNotFound)
        /// A file is already at the path where a store was to be created.
        public static let storeExists = Code(value: .storeExists)
        /// The file is not a Venn store (not SQLite, or SQLite without Venn's tables).
        public static let notAStore = Code(value: .notAStore)
        /// The store was written by a newer program.
        public static let storeTooNew = Code(value: .storeTooNew)
        /// The file could not be opened or created; `detail` says why.
        public static let cannotOpen = Code(value: .cannotOpen)
        /// A row does not hold what the store writes.
        public static let corrupt = Code(value: .corrupt)
        /// The collection is not declared by the schemas.
        public static let unknownCollection = Code(value: .unknownCollection)
        /// No live record with that id.
        public static let recordNotFound = Code(value: .recordNotFound)
        /// The record does not fit its schema; `issues` says how.
        public static let invalidData = Code(value: .invalidData)
        /// The collection is kept by the system, not edited directly.
        public static let readOnlyCollection = Code(value: .readOnlyCollection)

        public var description: String { "\(value)" }
    }

    public var code: Code
    /// Context for people: a path, a `collection/id`, or the underlying reason.
    public var detail: String
    /// For `invalidData`: each reason.
    public var issues: [ValidationIssue]
    /// For `storeTooNew`: the version found and the newest this program knows.
    public var versions: (found: Int, supported: Int)?

    public init(_ code: Code, detail: String = "", issues: [ValidationIssue] = [], versions: (Int, Int)? = nil) {
        self.code = code
        self.detail = detail
        self.issues = issues
        self.versions = versions.map { (found: $0.0, supported: $0.1) }
    }

    public static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.code == rhs.code && lhs.detail == rhs.detail && lhs.issues == rhs.issues
            && lhs.versions?.found == rhs.versions?.found && lhs.versions?.supported == rhs.versions?.supported
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(detail)
    }
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        detail.isEmpty ? "store error: \(code)" : "store error: \(code) (\(detail))"
    }
}
