import VennSchema
@testable import VennSync

/// A seeded generator, so a failing property names a seed that replays it.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The fields of the test collection, one per merge rule.
let testPolicy = MergePolicy(rules: [
    "thing": [
        "name": FieldRule(merge: .lww),
        "count": FieldRule(merge: .max),
        "low": FieldRule(merge: .min),
        "tags": FieldRule(merge: .union),
        "status": FieldRule(merge: .forward, order: ["new", "ready", "active", "ended"]),
        "note": FieldRule(merge: .manual),
    ],
])

let testFields = ["name", "count", "low", "tags", "status", "note"]

func randomValue(for field: String, using generator: inout SplitMix64) -> JSONValue {
    switch field {
    case "count", "low": return .int(Int64(generator.next() % 20))
    case "tags": return .array((0..<Int(generator.next() % 3)).map { _ in .string("t\(generator.next() % 5)") })
    case "status": return .string(["new", "ready", "active", "ended"][Int(generator.next() % 4)])
    default: return .string("v\(generator.next() % 6)")
    }
}

/// A replica holding its own copy of one record, with a wall clock that can
/// be skewed by days.
struct SimulatedReplica {
    let id: ReplicaID
    var counter: UInt64 = 0
    var clock = HybridLogicalClock()
    var skew: Int64
    var version: RecordVersion

    init(name: String, skew: Int64 = 0) {
        id = ReplicaID(name)!
        self.skew = skew
        version = RecordVersion(collection: "thing", id: "0190a000-0000-7000-8000-000000000001")
    }

    mutating func write(_ changes: [String: JSONValue], at wallClock: UInt64) {
        guard !version.isDeleted else { return }
        counter += 1
        let time = clock.tick(wallClock: UInt64(Int64(wallClock) + skew))
        version = version.writing(changes, dot: Dot(replica: id, counter: counter), time: time)
    }

    mutating func delete() {
        guard !version.isDeleted else { return }
        counter += 1
        version = version.deleting(dot: Dot(replica: id, counter: counter))
    }

    /// Takes in another replica's version, as a sync would.
    @discardableResult
    mutating func receive(_ other: RecordVersion) -> MergeResult {
        clock.observe(other.latestTime)
        let result = version.merged(with: other, policy: testPolicy)
        version = result.version
        return result
    }
}

/// Random versions of one record, reached by random writes and exchanges
/// among a few replicas whose clocks are days apart.
func randomVersions(seed: UInt64, replicas: Int = 3, steps: Int = 12) -> [RecordVersion] {
    var generator = SplitMix64(seed: seed)
    let day: Int64 = 86_400_000
    var nodes = (0..<replicas).map { index in
        SimulatedReplica(name: "r\(index)", skew: (Int64(generator.next() % 7) - 3) * day)
    }
    var wallClock: UInt64 = 1_780_000_000_000
    for _ in 0..<steps {
        wallClock += generator.next() % 5_000
        let index = Int(generator.next() % UInt64(replicas))
        switch generator.next() % 10 {
        case 0..<6:
            let field = testFields[Int(generator.next() % UInt64(testFields.count))]
            nodes[index].write([field: randomValue(for: field, using: &generator)], at: wallClock)
        case 6..<9:
            let source = Int(generator.next() % UInt64(replicas))
            nodes[index].receive(nodes[source].version)
        default:
            if generator.next() % 4 == 0 { nodes[index].delete() }
        }
    }
    return nodes.map(\.version)
}
