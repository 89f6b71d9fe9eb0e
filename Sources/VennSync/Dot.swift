/// One write event: the replica that made it and that replica's counter.
///
/// A replica's counter only grows, so a dot names exactly one write.
public struct Dot: Sendable, Hashable, Comparable {
    public var replica: ReplicaID
    public var counter: UInt64

    public init(replica: ReplicaID, counter: UInt64) {
        self.replica = replica
        self.counter = counter
    }

    /// Orders by counter, then replica: a total order for tie-breaks only,
    /// which says nothing about causality.
    public static func < (lhs: Dot, rhs: Dot) -> Bool {
        (lhs.counter, lhs.replica) < (rhs.counter, rhs.replica)
    }
}

extension Dot: CustomStringConvertible {
    /// `replica:counter`, as the conflict ledger writes dots.
    public var description: String { "\(replica.rawValue):\(counter)" }
}
