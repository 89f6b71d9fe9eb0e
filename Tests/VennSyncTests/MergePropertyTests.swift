import Testing
import VennSchema
@testable import VennSync

/// Properties of merge over many random histories; each seed replays one.
struct MergePropertyTests {
    static let seeds = Array(UInt64(1)...300)

    func merge(_ a: RecordVersion, _ b: RecordVersion) -> RecordVersion {
        a.merged(with: b, policy: testPolicy).version
    }

    @Test(arguments: seeds)
    func mergeIsCommutative(seed: UInt64) {
        let versions = randomVersions(seed: seed)
        let left = versions[0].merged(with: versions[1], policy: testPolicy)
        let right = versions[1].merged(with: versions[0], policy: testPolicy)
        #expect(left.version == right.version)
        #expect(left.conflicts == right.conflicts)
    }

    @Test(arguments: seeds)
    func mergeIsAssociative(seed: UInt64) {
        let v = randomVersions(seed: seed)
        #expect(merge(merge(v[0], v[1]), v[2]) == merge(v[0], merge(v[1], v[2])))
    }

    @Test(arguments: seeds)
    func mergeIsIdempotent(seed: UInt64) {
        let v = randomVersions(seed: seed)
        let result = v[0].merged(with: v[0], policy: testPolicy)
        #expect(result.version == v[0])
        #expect(result.outcome == .unchanged)
        #expect(result.conflicts.isEmpty)
        let twice = merge(merge(v[0], v[1]), v[1])
        #expect(twice == merge(v[0], v[1]))
    }

    @Test(arguments: seeds)
    func valuesAgreeWhateverTheMergeOrder(seed: UInt64) {
        let v = randomVersions(seed: seed, replicas: 4, steps: 20)
        let orders = [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]
        let results = orders.map { order in order.dropFirst().reduce(v[order[0]]) { merge($0, v[$1]) } }
        for result in results.dropFirst() {
            #expect(result == results[0])
            #expect(result.values(under: testPolicy) == results[0].values(under: testPolicy))
        }
    }

    @Test(arguments: seeds)
    func causallyLaterWriteWinsWhateverTheClocks(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let day: Int64 = 86_400_000
        // The later writer's clock is days behind the earlier one's.
        var early = SimulatedReplica(name: "early", skew: Int64(1 + generator.next() % 30) * day)
        var late = SimulatedReplica(name: "late", skew: -Int64(1 + generator.next() % 30) * day)
        let field = testFields[Int(generator.next() % UInt64(testFields.count))]
        early.write([field: randomValue(for: field, using: &generator)], at: 1_780_000_000_000)
        late.receive(early.version)
        let laterValue = randomValue(for: field, using: &generator)
        late.write([field: laterValue], at: 1_780_000_000_000)

        let result = early.receive(late.version)
        #expect(result.conflicts.isEmpty)
        #expect(early.version.values(under: testPolicy)[field] == laterValue)
    }

    @Test(arguments: seeds)
    func sequentialWritesPassedAroundNeverConflict(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let day: Int64 = 86_400_000
        var nodes = (0..<4).map { SimulatedReplica(name: "s\($0)", skew: (Int64(generator.next() % 9) - 4) * day) }
        var holder = 0
        var wallClock: UInt64 = 1_780_000_000_000
        for _ in 0..<30 {
            // Only the replica holding the newest version writes, then hands it on.
            let field = testFields[Int(generator.next() % UInt64(testFields.count))]
            wallClock += generator.next() % 10_000
            nodes[holder].write([field: randomValue(for: field, using: &generator)], at: wallClock)
            let next = Int(generator.next() % 4)
            let result = nodes[next].receive(nodes[holder].version)
            #expect(result.conflicts.isEmpty)
            // Stale copies merging in must not raise conflicts either.
            let bystander = Int(generator.next() % 4)
            #expect(nodes[next].receive(nodes[bystander].version).conflicts.isEmpty)
            holder = next
        }
    }

    @Test(arguments: seeds)
    func replicasMergingTheSamePairMakeTheSameEntry(seed: UInt64) {
        let v = randomVersions(seed: seed)
        let atOne = v[0].merged(with: v[1], policy: testPolicy)
        let atOther = v[1].merged(with: v[0], policy: testPolicy)
        #expect(Set(atOne.conflicts.map(\.id)) == Set(atOther.conflicts.map(\.id)))
        #expect(atOne.conflicts == atOther.conflicts)
    }

    @Test func randomHistoriesProduceConcurrencyAndConflicts() {
        // Guards the generator itself: the properties above mean little if the
        // histories never contain concurrent writes.
        var concurrent = 0
        var conflicts = 0
        for seed in Self.seeds {
            let v = randomVersions(seed: seed)
            if v[0].versionVector.compare(to: v[1].versionVector) == .concurrent { concurrent += 1 }
            conflicts += v[0].merged(with: v[1], policy: testPolicy).conflicts.count
        }
        #expect(concurrent > 50)
        #expect(conflicts > 20)
    }
}
