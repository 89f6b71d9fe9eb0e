public import VennSchema

/// One write of one field: its dot, its hybrid logical time and the value.
public struct FieldWrite: Sendable, Hashable {
    public var dot: Dot
    public var time: Timestamp
    public var value: JSONValue

    public init(dot: Dot, time: Timestamp, value: JSONValue) {
        self.dot = dot
        self.time = time
        self.value = value
    }

    /// Whether this write wins a last-writer-wins comparison against `other`:
    /// the greater time, then the greater replica id, then the greater counter.
    func winsLastWriter(over other: FieldWrite) -> Bool {
        (time, dot.replica, dot.counter) > (other.time, other.dot.replica, other.dot.counter)
    }
}

extension FieldWrite: Codable {
    /// Encoded as `[replica, counter, time, value]` to keep metadata small.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let replica = try container.decode(ReplicaID.self)
        let counter = try container.decode(UInt64.self)
        dot = Dot(replica: replica, counter: counter)
        time = try container.decode(Timestamp.self)
        value = try container.decode(JSONValue.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(dot.replica)
        try container.encode(dot.counter)
        try container.encode(time)
        try container.encode(value)
    }
}

/// The writes of one field that no replica has yet overwritten, with the
/// value they give under the field's rule.
///
/// A field usually holds one write. It holds several after a merge of
/// concurrent writes, until a replica writes the field again: keeping them
/// all (rather than picking one and forgetting the rest) is what makes merge
/// associative, since a later merge may still need to know each write's dot.
public struct FieldState: Sendable, Hashable {
    /// The surviving writes, sorted by dot; never empty.
    public private(set) var writes: [FieldWrite]

    public init(_ write: FieldWrite) {
        writes = [write]
    }

    /// - Precondition: `writes` is not empty and has no two writes with one dot.
    public init(writes: [FieldWrite]) {
        precondition(!writes.isEmpty, "a field has at least one write")
        self.writes = writes.sorted { $0.dot < $1.dot }
    }

    /// Whether the surviving writes disagree on the value.
    public var isConflicted: Bool {
        let first = writes[0].value
        return writes.dropFirst().contains { $0.value != first }
    }

    /// The greatest hybrid logical time among the writes.
    public var latestTime: Timestamp {
        writes.map(\.time).max()!  // never empty
    }

    /// The write the field's value comes from under last-writer-wins, which
    /// is also the provisional winner of a `manual` conflict.
    public var lastWrite: FieldWrite {
        writes.dropFirst().reduce(writes[0]) { $1.winsLastWriter(over: $0) ? $1 : $0 }
    }

    /// The field's value under `rule`.
    public func value(under rule: FieldRule) -> JSONValue {
        guard isConflicted else { return writes[0].value }
        switch rule.merge {
        case .lww, .manual:
            return lastWrite.value
        case .max:
            return writes.map(\.value).max()!  // never empty
        case .min:
            return writes.map(\.value).min()!  // never empty
        case .union:
            var elements = Set<JSONValue>()
            for write in writes {
                if let array = write.value.arrayValue {
                    elements.formUnion(array)
                } else if !write.value.isNull {
                    elements.insert(write.value)
                }
            }
            return .array(elements.sorted())
        case .forward:
            // The value furthest along the declared order; values the order
            // does not know rank lowest; ties go to the last writer.
            let ranked = writes.map { (rank: rule.rank(of: $0.value), write: $0) }
            let best = ranked.dropFirst().reduce(ranked[0]) { best, next in
                if next.rank != best.rank { return next.rank > best.rank ? next : best }
                return next.write.winsLastWriter(over: best.write) ? next : best
            }
            return best.write.value
        }
    }
}

extension FieldState: Codable {
    public init(from decoder: any Decoder) throws {
        let writes = try decoder.singleValueContainer().decode([FieldWrite].self)
        guard !writes.isEmpty, Set(writes.map(\.dot)).count == writes.count else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a field needs distinct writes")
            )
        }
        self.init(writes: writes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(writes)
    }
}
