/// The identity of one replica: one store file on one laptop, or the server.
///
/// A short random text of lowercase letters and digits. Replica ids are
/// compared as text wherever a deterministic tie-break is needed.
public struct ReplicaID: Sendable, Hashable, Comparable {
    /// The id's text, 1 to 32 characters of `a-z` and `0-9`.
    public let rawValue: String

    /// Wraps `rawValue` if it is a well-formed replica id.
    public init?(_ rawValue: String) {
        guard (1...32).contains(rawValue.utf8.count),
            rawValue.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        self.rawValue = rawValue
    }

    /// A new random id of 12 characters (60 bits).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> ReplicaID {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        let text = String((0..<12).map { _ in alphabet[Int(generator.next() % 32)] })
        return ReplicaID(text)!  // the alphabet only holds valid characters
    }

    /// A new random id from the system's random source.
    public static func random() -> ReplicaID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

extension ReplicaID: CustomStringConvertible {
    public var description: String { rawValue }
}

extension ReplicaID: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ReplicaID(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a replica id")
            )
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
