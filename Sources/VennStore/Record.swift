public import VennSchema
public import VennSync

/// A record as people see it: its values, without sync metadata.
public struct Record: Sendable, Hashable {
    public var collection: String
    public var id: String
    public var values: [String: JSONValue]
    /// The time of the latest write to the record.
    public var updated: Timestamp

    public init(collection: String, id: String, values: [String: JSONValue], updated: Timestamp) {
        self.collection = collection
        self.id = id
        self.values = values
        self.updated = updated
    }
}

/// One row of a record's history.
public struct HistoryEntry: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable {
        case create, update, delete, merge
    }

    public var sequence: Int64
    public var action: Action
    /// The field, or nil for a whole-record event such as a delete.
    public var field: String?
    /// nil when there was no value, or when the record's deletion erased it.
    public var oldValue: JSONValue?
    public var newValue: JSONValue?
    /// The replica whose write this was.
    public var replica: String
    public var counter: UInt64
    public var time: Timestamp
    /// Who made the change: the local user, or `sync` for merged changes.
    public var actor: String
}

/// Why a field holds its value: the writes that survive, and what they won
/// over.
public struct FieldProvenance: Sendable, Hashable {
    public var field: String
    public var value: JSONValue?
    public var rule: MergeRule
    /// The writes the value comes from; several while concurrent writes are
    /// kept side by side.
    public var writes: [FieldWrite]
    /// Who made each surviving write, where this store's history knows.
    public var actors: [Dot: String]
    /// The value the latest change of the field replaced, from the history;
    /// nil when the field was set when the record was made.
    public var replaced: JSONValue?
    /// Conflict ledger entries for this field, oldest first.
    public var conflicts: [ConflictRecord]
}

/// A conflict ledger entry as stored.
public struct ConflictRecord: Sendable, Hashable {
    public var id: String
    public var collection: String
    public var recordID: String
    public var field: String
    public var rule: String
    public var values: [JSONValue]
    public var dots: [String]
    public var times: [Timestamp]
    public var winner: JSONValue
    public var status: String

    init?(id: String, values fields: [String: JSONValue]) {
        guard let collection = fields["collection"]?.stringValue,
            let recordID = fields["record_id"]?.stringValue,
            let field = fields["field"]?.stringValue
        else { return nil }
        self.id = id
        self.collection = collection
        self.recordID = recordID
        self.field = field
        self.rule = fields["rule"]?.stringValue ?? ""
        self.values = fields["values"]?.arrayValue ?? []
        self.dots = (fields["dots"]?.arrayValue ?? []).compactMap(\.stringValue)
        self.times = (fields["times"]?.arrayValue ?? []).compactMap(\.intValue).map {
            Timestamp(rawValue: UInt64(bitPattern: $0))
        }
        self.winner = fields["winner"] ?? .null
        self.status = fields["status"]?.stringValue ?? ""
    }
}

/// What a change did.
public enum ChangeResult: Sendable, Hashable {
    case changed
    /// Every given value equalled the stored one; nothing was written.
    case unchanged
}
