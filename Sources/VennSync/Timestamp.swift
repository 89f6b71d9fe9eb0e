/// A hybrid logical clock time: wall-clock milliseconds in the high 48 bits
/// and a logical counter in the low 16.
///
/// It stays close to the wall clock yet never runs backwards on a replica,
/// and it moves past every time the replica has seen from others. It only
/// breaks ties between concurrent writes (`lww`); causality comes from
/// version vectors, so a skewed clock never lets an older write win.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public init(milliseconds: UInt64, logical: UInt16 = 0) {
        rawValue = (milliseconds << 16) | UInt64(logical)
    }

    /// Milliseconds since 1970 (the physical part).
    public var milliseconds: UInt64 { rawValue >> 16 }

    /// The logical part.
    public var logical: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    public static let zero = Timestamp(rawValue: 0)

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UInt64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A replica's hybrid logical clock.
///
/// The wall clock is passed in, so tests can skew it freely.
public struct HybridLogicalClock: Sendable, Hashable {
    /// The latest time this clock has issued or seen.
    public private(set) var latest: Timestamp

    public init(latest: Timestamp = .zero) {
        self.latest = latest
    }

    /// A time for a local event, later than every time seen so far.
    ///
    /// - Parameter wallClock: The current wall-clock time in milliseconds.
    public mutating func tick(wallClock: UInt64) -> Timestamp {
        latest = Self.next(after: latest, wallClock: wallClock)
        return latest
    }

    /// Moves the clock past a time received from another replica.
    public mutating func observe(_ remote: Timestamp) {
        if remote > latest { latest = remote }
    }

    private static func next(after latest: Timestamp, wallClock: UInt64) -> Timestamp {
        if wallClock > latest.milliseconds { return Timestamp(milliseconds: wallClock) }
        if latest.logical < UInt16.max { return Timestamp(rawValue: latest.rawValue + 1) }
        // The logical part is spent: borrow the next millisecond.
        return Timestamp(milliseconds: latest.milliseconds + 1)
    }
}
