/// How a field's value is chosen when two replicas wrote it concurrently.
///
/// Every rule is commutative, associative and idempotent over the set of
/// concurrent writes, so all replicas reach the same value in any order.
public enum MergeRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The write with the greater hybrid logical time wins, then the greater
    /// replica id.
    case lww
    /// The greatest value wins.
    case max
    /// The least value wins.
    case min
    /// Sets: the union of the concurrent values, so an element kept on one
    /// side survives its concurrent removal on the other.
    case union
    /// An enum that only moves forward in its declared order.
    case forward
    /// A provisional winner as with `lww`, plus an open conflict for a person
    /// to resolve.
    case manual
}

/// Who may read a collection or field centrally.
public enum Sensitivity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Organisational: may be read centrally.
    case org
    /// Personal but allowed centrally: working-group contact persons.
    case contact
    /// Personal data: sealed, the server stores only ciphertext.
    case personal
    /// Health data: sealed, the server stores only ciphertext.
    case health

    /// Whether the server may hold only ciphertext of such a field.
    public var isSealed: Bool { self == .personal || self == .health }

    public static func < (lhs: Sensitivity, rhs: Sensitivity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!  // every case is in allCases
    }
}
