/// For each replica, the highest counter of its writes that a version of a
/// record includes.
public struct VersionVector: Sendable, Hashable {
    /// How two versions of one record relate.
    public enum Order: Sendable, Hashable {
        case equal
        /// The left version includes everything the right one does, and more.
        case dominates
        /// The right version includes everything the left one does, and more.
        case dominated
        /// Each has writes the other lacks.
        case concurrent
    }

    /// The counters by replica; a missing replica counts as zero.
    public private(set) var counters: [ReplicaID: UInt64]

    public init(_ counters: [ReplicaID: UInt64] = [:]) {
        self.counters = counters.filter { $0.value > 0 }
    }

    /// The counter for `replica`, zero when absent.
    public subscript(replica: ReplicaID) -> UInt64 {
        counters[replica] ?? 0
    }

    /// Whether this version includes the write `dot`.
    public func includes(_ dot: Dot) -> Bool {
        self[dot.replica] >= dot.counter
    }

    /// Records the write `dot`.
    ///
    /// - Precondition: `dot` is newer than every write of its replica that
    ///   this vector includes.
    public mutating func record(_ dot: Dot) {
        precondition(dot.counter > self[dot.replica], "a replica's counter only grows")
        counters[dot.replica] = dot.counter
    }

    /// The pointwise maximum of both vectors.
    public func merging(_ other: VersionVector) -> VersionVector {
        VersionVector(counters.merging(other.counters, uniquingKeysWith: Swift.max))
    }

    /// How this version relates to `other`.
    public func compare(to other: VersionVector) -> Order {
        var hasMore = false
        var hasLess = false
        for (replica, counter) in counters {
            let theirs = other[replica]
            if counter > theirs { hasMore = true } else if counter < theirs { hasLess = true }
        }
        for (replica, counter) in other.counters where counters[replica] == nil && counter > 0 {
            hasLess = true
        }
        switch (hasMore, hasLess) {
        case (false, false): return .equal
        case (true, false): return .dominates
        case (false, true): return .dominated
        case (true, true): return .concurrent
        }
    }
}

extension VersionVector: Codable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: UInt64].self)
        var counters: [ReplicaID: UInt64] = [:]
        for (key, counter) in raw {
            guard let replica = ReplicaID(key) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a replica id")
                )
            }
            counters[replica] = counter
        }
        self.init(counters)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: counters.map { ($0.key.rawValue, $0.value) }))
    }
}
