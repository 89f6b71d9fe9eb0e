public import VennSchema

/// The bodies of the sync protocol's requests and responses.
///
/// Both sides encode them as JSON; record versions use the compact keys of
/// `RecordVersion`'s coding.
public enum Wire {
    /// `POST /v1/groups/{group}/push`: local versions not yet pushed.
    public struct PushRequest: Sendable, Hashable, Codable {
        public var replica: ReplicaID
        public var schemaVersion: Int
        public var versions: [RecordVersion]

        public init(replica: ReplicaID, schemaVersion: Int, versions: [RecordVersion]) {
            self.replica = replica
            self.schemaVersion = schemaVersion
            self.versions = versions
        }
    }

    /// What the server did with one pushed version.
    public struct PushResult: Sendable, Hashable, Codable {
        public enum Outcome: String, Sendable, Hashable, Codable {
            /// Stored as sent.
            case accepted
            /// Merged with a concurrent version; `version` holds the result.
            case merged
            /// The server already has this version or a newer one.
            case stale
            /// Not stored; `issues` says why.
            case rejected
        }

        public var collection: String
        public var id: String
        public var outcome: Outcome
        public var version: RecordVersion?
        public var issues: [ValidationIssue]?

        public init(
            collection: String,
            id: String,
            outcome: Outcome,
            version: RecordVersion? = nil,
            issues: [ValidationIssue]? = nil
        ) {
            self.collection = collection
            self.id = id
            self.outcome = outcome
            self.version = version
            self.issues = issues
        }
    }

    public struct PushResponse: Sendable, Hashable, Codable {
        public var results: [PushResult]

        public init(results: [PushResult]) {
            self.results = results
        }
    }

    /// `GET /v1/groups/{group}/changes?since=SEQ`: versions after a cursor.
    public struct ChangesResponse: Sendable, Hashable, Codable {
        public struct Change: Sendable, Hashable, Codable {
            public var sequence: Int64
            public var version: RecordVersion

            public init(sequence: Int64, version: RecordVersion) {
                self.sequence = sequence
                self.version = version
            }
        }

        public var changes: [Change]
        /// The cursor to ask from next.
        public var next: Int64
        /// Whether more changes wait after `next`.
        public var hasMore: Bool

        public init(changes: [Change], next: Int64, hasMore: Bool) {
            self.changes = changes
            self.next = next
            self.hasMore = hasMore
        }
    }
}
