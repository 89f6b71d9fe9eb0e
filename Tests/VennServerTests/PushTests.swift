import Foundation
import Testing
import VennHTTP
import VennSchema
@testable import VennServer
import VennSync

struct PushTests {
    @Test func anAcceptedVersionIsPulledWithItsSequence() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        let version = ServerFixture.activityType(by: device.replica)

        let results = try server.push([version], as: device)
        let pulled = try server.changes(as: device)

        #expect(results.map(\.outcome) == [.accepted])
        #expect(pulled.changes.map(\.sequence) == [1])
        #expect(pulled.changes.first?.version == version)
        #expect(pulled.next == 1)
        #expect(!pulled.hasMore)
    }

    @Test func concurrentVersionsAreMergedAndTheConflictIsLedgered() throws {
        let server = try ServerFixture()
        let first = try server.enroll()
        let second = try server.enroll()
        let id = UUID().uuidString.lowercased()
        let base = ServerFixture.activityType(id: id, by: first.replica)
        _ = try server.push([base], as: first)

        // Both laptops edit the same field without seeing each other's edit.
        let mine = base.writing(["code": "swim"], dot: Dot(replica: first.replica, counter: 2),
                                time: Timestamp(milliseconds: 2_000))
        let theirs = base.writing(["code": "dance"], dot: Dot(replica: second.replica, counter: 1),
                                  time: Timestamp(milliseconds: 3_000))
        let firstResults = try server.push([mine], as: first)
        let secondResults = try server.push([theirs], as: second)

        #expect(firstResults.map(\.outcome) == [.accepted])
        let merged = try #require(secondResults.first)
        #expect(merged.outcome == .merged)
        let version = try #require(merged.version)
        #expect(version.versionVector[first.replica] == 2)
        #expect(version.versionVector[second.replica] == 1)
        #expect(version.values(under: server.service.policy)["code"] == "dance")

        let pulled = try server.changes(as: first)
        let conflicts = pulled.changes.filter { $0.version.collection == ConflictEntry.collection }
        let conflict = try #require(conflicts.first)
        #expect(conflicts.count == 1)
        #expect(conflict.version.fields["record_id"]?.lastWrite.value == .string(id))
        #expect(conflict.version.fields["field"]?.lastWrite.value == "code")
        #expect(pulled.changes.map(\.sequence) == [3, 4])
        let record = try #require(pulled.changes.first { $0.version.id == id })
        #expect(record.version == version)
    }

    @Test func aReplayedBatchIsStaleAndChangesNothing() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        let batch = (0..<3).map { _ in ServerFixture.activityType(by: device.replica) }
        _ = try server.push(batch, as: device)
        let before = try server.storedChanges()

        let replay = try server.push(batch, as: device)

        #expect(replay.map(\.outcome) == [.stale, .stale, .stale])
        #expect(try server.storedChanges() == before)
    }

    @Test func aReplayedMergeIsStaleToo() throws {
        let server = try ServerFixture()
        let first = try server.enroll()
        let second = try server.enroll()
        let base = ServerFixture.activityType(by: first.replica)
        let mine = base.writing(["label": "A"], dot: Dot(replica: first.replica, counter: 2),
                                time: Timestamp(milliseconds: 2_000))
        let theirs = base.writing(["label": "B"], dot: Dot(replica: second.replica, counter: 1),
                                  time: Timestamp(milliseconds: 3_000))
        _ = try server.push([mine], as: first)
        _ = try server.push([theirs], as: second)
        let before = try server.storedChanges()

        let replay = try server.push([theirs], as: second)

        #expect(replay.map(\.outcome) == [.stale])
        #expect(try server.storedChanges() == before)
    }

    @Test func aNewerVersionReplacesAndAnOlderOneIsStale() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        let old = ServerFixture.activityType(by: device.replica)
        let new = old.writing(["label": "Long walk"], dot: Dot(replica: device.replica, counter: 2),
                              time: Timestamp(milliseconds: 5_000))

        let outcomes = try server.push([old, new, old], as: device).map(\.outcome)

        #expect(outcomes == [.accepted, .accepted, .stale])
        let stored = try server.changes(as: device).changes
        #expect(stored.map(\.version) == [new])
        #expect(stored.map(\.sequence) == [2])
    }

    @Test func anInvalidVersionIsRejectedAndTheOthersAccepted() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        let good = ServerFixture.activityType(by: device.replica)
        let bad = RecordVersion(collection: "activity_type", id: UUID().uuidString.lowercased())
            .writing(["code": .int(7)], dot: Dot(replica: device.replica, counter: 1), time: .zero)
        let alsoGood = ServerFixture.activityType(code: "chess", by: device.replica)

        let results = try server.push([good, bad, alsoGood], as: device)

        #expect(results.map(\.outcome) == [.accepted, .rejected, .accepted])
        let issues = try #require(results[1].issues)
        #expect(issues.contains { $0.pointer == "/code" })
        #expect(issues.contains { $0.pointer == "/label" && $0.expected == .required })
        #expect(try server.changes(as: device).changes.map(\.version.id) == [good.id, alsoGood.id])
    }

    @Test func aVersionOfAnUnknownCollectionIsRejectedAndNotStored() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        let version = RecordVersion(collection: "secret_notes", id: UUID().uuidString.lowercased())
            .writing(["text": "hei"], dot: Dot(replica: device.replica, counter: 1), time: .zero)
        let tombstone = RecordVersion(collection: "secret_notes", id: UUID().uuidString.lowercased())
            .deleting(dot: Dot(replica: device.replica, counter: 1))

        let results = try server.push([version, tombstone], as: device)

        #expect(results.map(\.outcome) == [.rejected, .rejected])
        #expect(results.first?.issues?.first?.expected == .knownCollection)
        #expect(try server.storedChanges().isEmpty)
    }

    @Test func aTombstoneIsAcceptedWithoutFieldsAndWinsOverAConcurrentEdit() throws {
        let server = try ServerFixture()
        let first = try server.enroll()
        let second = try server.enroll()
        let base = ServerFixture.activityType(by: first.replica)
        _ = try server.push([base], as: first)
        let deleted = base.deleting(dot: Dot(replica: first.replica, counter: 2))
        let edited = base.writing(["label": "Run"], dot: Dot(replica: second.replica, counter: 1),
                                  time: Timestamp(milliseconds: 9_000))

        let deleteResults = try server.push([deleted], as: first)
        let editResults = try server.push([edited], as: second)

        #expect(deleteResults.map(\.outcome) == [.accepted])
        #expect(editResults.map(\.outcome) == [.merged])
        #expect(editResults.first?.version?.isDeleted == true)
    }

    @Test func sequencesGrowByOnePerStoredVersionWithoutGaps() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        let other = try server.enroll(group: ServerFixture.otherGroup)

        for size in [1, 4, 2] {
            _ = try server.push((0..<size).map { _ in ServerFixture.activityType(by: device.replica) }, as: device)
            let response = server.service.handle(
                try server.pushRequest(
                    [ServerFixture.activityType(by: other.replica)],
                    token: other.token,
                    group: ServerFixture.otherGroup
                )
            )
            #expect(response.status == 200)
        }

        #expect(try server.storedChanges().map(\.sequence) == Array(1...7))
        #expect(try server.storedChanges(group: ServerFixture.otherGroup).map(\.sequence) == [1, 2, 3])
    }
}
