import Foundation
import Testing
import VennSchema
@testable import VennSync

struct VersionVectorTests {
    let a = ReplicaID("a")!
    let b = ReplicaID("b")!

    @Test func comparesEqualDominatingAndConcurrentVectors() {
        let base = VersionVector([a: 2, b: 1])
        #expect(base.compare(to: VersionVector([a: 2, b: 1])) == .equal)
        #expect(base.compare(to: VersionVector([a: 1])) == .dominates)
        #expect(base.compare(to: VersionVector([a: 2, b: 3])) == .dominated)
        #expect(base.compare(to: VersionVector([a: 1, b: 2])) == .concurrent)
        #expect(VersionVector().compare(to: VersionVector([b: 1])) == .dominated)
    }

    @Test func includesDotsUpToItsCounter() {
        let vector = VersionVector([a: 3])
        #expect(vector.includes(Dot(replica: a, counter: 3)))
        #expect(!vector.includes(Dot(replica: a, counter: 4)))
        #expect(!vector.includes(Dot(replica: b, counter: 1)))
    }

    @Test func rejectsMalformedReplicaIDs() {
        #expect(ReplicaID("") == nil)
        #expect(ReplicaID("Upper") == nil)
        #expect(ReplicaID(String(repeating: "a", count: 33)) == nil)
        var generator = SplitMix64(seed: 7)
        #expect(ReplicaID.random(using: &generator).rawValue.count == 12)
    }
}

struct HybridLogicalClockTests {
    @Test func neverRunsBackwardsWhenTheWallClockDoes() {
        var clock = HybridLogicalClock()
        let first = clock.tick(wallClock: 10_000)
        let second = clock.tick(wallClock: 5_000)
        #expect(second > first)
        #expect(second.milliseconds == 10_000)
        #expect(second.logical == 1)
    }

    @Test func movesPastObservedTimes() {
        var clock = HybridLogicalClock()
        clock.observe(Timestamp(milliseconds: 99_000, logical: 4))
        let next = clock.tick(wallClock: 1_000)
        #expect(next > Timestamp(milliseconds: 99_000, logical: 4))
    }

    @Test func borrowsAMillisecondWhenTheLogicalPartIsSpent() {
        var clock = HybridLogicalClock(latest: Timestamp(milliseconds: 5, logical: .max))
        #expect(clock.tick(wallClock: 1) == Timestamp(milliseconds: 6))
    }
}

struct MergeRuleTests {
    let record = "0190a000-0000-7000-8000-000000000002"

    /// Two concurrent writes of one field, one per replica.
    func concurrent(
        _ field: String,
        _ left: JSONValue,
        _ right: JSONValue,
        leftTime: UInt64 = 1_000,
        rightTime: UInt64 = 2_000
    ) -> MergeResult {
        let base = RecordVersion(collection: "thing", id: record)
        let l = base.writing([field: left], dot: Dot(replica: ReplicaID("left")!, counter: 1),
                             time: Timestamp(milliseconds: leftTime))
        let r = base.writing([field: right], dot: Dot(replica: ReplicaID("right")!, counter: 1),
                             time: Timestamp(milliseconds: rightTime))
        return l.merged(with: r, policy: testPolicy)
    }

    @Test(arguments: [
        ("name", JSONValue.string("a"), JSONValue.string("b"), JSONValue.string("b")),
        ("note", .string("a"), .string("b"), .string("b")),
        ("count", .int(9), .int(3), .int(9)),
        ("low", .int(9), .int(3), .int(3)),
        ("tags", .array([.string("x"), .string("y")]), .array([.string("y"), .string("z")]),
         .array([.string("x"), .string("y"), .string("z")])),
        ("status", .string("ended"), .string("ready"), .string("ended")),
    ])
    func eachRuleDecidesConcurrentWrites(field: String, left: JSONValue, right: JSONValue, expected: JSONValue) throws {
        let result = concurrent(field, left, right)
        #expect(result.outcome == .merged)
        #expect(result.version.values(under: testPolicy)[field] == expected)
        let entry = try #require(result.conflicts.first)
        #expect(result.conflicts.count == 1)
        #expect(entry.winner == expected)
        #expect(entry.writes.map(\.value).sorted() == [left, right].sorted())
        #expect(entry.status == (field == "note" ? .open : .decided))
    }

    @Test func lastWriterWinsBreaksTimeTiesByReplica() {
        let result = concurrent("name", .string("from-left"), .string("from-right"), leftTime: 5, rightTime: 5)
        #expect(result.version.values(under: testPolicy)["name"] == .string("from-right"))
    }

    @Test func equalConcurrentValuesAreNoConflict() {
        let result = concurrent("name", .string("same"), .string("same"))
        #expect(result.conflicts.isEmpty)
        #expect(result.version.values(under: testPolicy)["name"] == .string("same"))
    }

    @Test func deleteWinsOverConcurrentUpdateAndStaysDeleted() {
        var left = SimulatedReplica(name: "left")
        var right = SimulatedReplica(name: "right")
        left.write(["name": .string("Kari")], at: 1_000)
        right.receive(left.version)
        left.delete()
        right.write(["name": .string("Kari N")], at: 2_000)

        right.receive(left.version)
        left.receive(right.version)
        #expect(left.version.isDeleted)
        #expect(right.version.isDeleted)
        #expect(left.version == right.version)
        #expect(left.version.fields.isEmpty)
    }

    @Test func conflictIDsAreUUIDShapedAndDependOnTheDots() {
        let a = Dot(replica: ReplicaID("a")!, counter: 1)
        let b = Dot(replica: ReplicaID("b")!, counter: 1)
        let id = ConflictEntry.makeID(collection: "thing", recordID: record, field: "name", dots: [a, b])
        #expect(id == ConflictEntry.makeID(collection: "thing", recordID: record, field: "name", dots: [b, a]))
        #expect(id != ConflictEntry.makeID(collection: "thing", recordID: record, field: "note", dots: [a, b]))
        #expect(UUID(uuidString: id) != nil)
        #expect(Array(id)[14] == "8")
    }
}

struct WireCodingTests {
    @Test func recordVersionsRoundTripThroughJSON() throws {
        for seed in UInt64(1)...40 {
            for version in randomVersions(seed: seed) {
                let data = try JSONEncoder().encode(version)
                #expect(try JSONDecoder().decode(RecordVersion.self, from: data) == version)
            }
        }
    }

    @Test func rejectsFieldsWithoutWrites() {
        let text = #"{"c":"thing","id":"x","vv":{"a":1},"f":{"name":[]}}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RecordVersion.self, from: Data(text.utf8))
        }
    }

    @Test func pushRequestsRoundTrip() throws {
        let request = Wire.PushRequest(replica: ReplicaID("abc")!, schemaVersion: 1, versions: randomVersions(seed: 3))
        let data = try JSONEncoder().encode(request)
        #expect(try JSONDecoder().decode(Wire.PushRequest.self, from: data) == request)
    }
}

struct WireParsingTests {
    @Test func versionsReadFromParsedJSONEqualTheirDecodedForm() throws {
        for seed in UInt64(1)...40 {
            for version in randomVersions(seed: seed) {
                let data = try JSONEncoder().encode(version)
                #expect(try RecordVersion(json: try JSONValue(parsing: data)) == version)
            }
        }
    }

    @Test func changesPagesParse() throws {
        let versions = randomVersions(seed: 9)
        let changes = versions.enumerated().map { index, version in
            Wire.ChangesResponse.Change(sequence: Int64(index + 1), version: version)
        }
        let page = Wire.ChangesResponse(
            changes: changes,
            next: Int64(versions.count),
            hasMore: true
        )
        #expect(try Wire.ChangesResponse(parsing: try JSONEncoder().encode(page)) == page)
    }

    @Test(arguments: [
        #"{"id":"x","vv":{}}"#,
        #"{"c":"thing","id":"x","vv":{"Bad":1}}"#,
        #"{"c":"thing","id":"x","vv":{},"f":{"name":[]}}"#,
        #"{"c":"thing","id":"x","vv":{},"f":{"name":[["a",0,1,"v"]]}}"#,
        #"{"c":"thing","id":"x","vv":{},"f":{"name":[["a",1,1,"v"],["a",1,2,"w"]]}}"#,
    ])
    func malformedVersionsAreRefused(text: String) throws {
        let json = try JSONValue(parsing: Data(text.utf8))
        #expect(throws: RecordVersion.FormatError.self) { try RecordVersion(json: json) }
    }
}
