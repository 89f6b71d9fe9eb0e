public import VennSchema

/// A record of concurrent writes to one field that a merge rule decided.
///
/// Its id is derived from the record, the field and the dots of the writes,
/// so two replicas that merge the same writes make the same entry. The
/// conflict ledger stores entries as records of the system collection
/// `conflict`.
public struct ConflictEntry: Sendable, Hashable, Codable {
    /// Where an entry stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// A `manual` field waits for a person to choose.
        case open
        /// The field's rule chose; nothing is asked of anyone.
        case decided
        /// A person chose.
        case resolved
    }

    /// The ledger collection's name.
    public static let collection = "conflict"

    public var id: String
    public var collection: String
    public var recordID: String
    public var field: String
    public var rule: MergeRule
    /// The concurrent writes, sorted by dot.
    public var writes: [FieldWrite]
    /// The value the rule gave (the provisional winner for `manual`).
    public var winner: JSONValue
    public var status: Status

    public init(collection: String, recordID: String, field: String, state: FieldState, rule: FieldRule) {
        self.id = Self.makeID(collection: collection, recordID: recordID, field: field, dots: state.writes.map(\.dot))
        self.collection = collection
        self.recordID = recordID
        self.field = field
        self.rule = rule.merge
        self.writes = state.writes
        self.winner = state.value(under: rule)
        self.status = rule.merge == .manual ? .open : .decided
    }

    /// The entry as the fields of a record in the ledger collection.
    public var recordFields: [String: JSONValue] {
        [
            "collection": .string(collection),
            "record_id": .string(recordID),
            "field": .string(field),
            "rule": .string(rule.rawValue),
            "values": .array(writes.map(\.value)),
            "dots": .array(writes.map { .string($0.dot.description) }),
            "times": .array(writes.map { .int(Int64(bitPattern: $0.time.rawValue)) }),
            "winner": winner,
            "status": .string(status.rawValue),
        ]
    }

    /// A UUID-shaped id (version 8, RFC 9562) hashed from the record, the
    /// field and the sorted dots.
    static func makeID(collection: String, recordID: String, field: String, dots: [Dot]) -> String {
        let key = ([collection, recordID, field] + dots.sorted().map(\.description)).joined(separator: "\u{1F}")
        var high = StableHash.fnv1a64(key, seed: 0xcbf2_9ce4_8422_2325)
        var low = StableHash.fnv1a64(key, seed: 0x8422_2325_cbf2_9ce4)
        high = (high & ~0xF000) | 0x8000  // version 8
        low = (low & ~(0b11 << 62)) | (0b10 << 62)  // RFC 9562 variant
        let hex = String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

/// A hash that is the same on every platform and run, unlike `Hasher`.
enum StableHash {
    static func fnv1a64(_ text: String, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        // Final avalanche (from SplitMix64) so nearby inputs spread out.
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: Swift.max(0, length - count)) + self
    }
}
