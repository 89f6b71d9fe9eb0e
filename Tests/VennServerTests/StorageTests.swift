import Foundation
import Testing
import VennHTTP
@testable import VennServer
import VennSync

struct StorageTests {
    @Test func theDatabaseFileIsPrivate() throws {
        let server = try ServerFixture()

        let attributes = try FileManager.default.attributesOfItem(atPath: server.storage.path)

        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(server.storage.path.hasSuffix("/venn-server.sqlite"))
    }

    @Test func aDuplicateGroupIsRefused() throws {
        let server = try ServerFixture()

        #expect(throws: ServerError.self) {
            try server.admin.createGroup(id: ServerFixture.group, name: "Again", municipality: "4645")
        }
    }

    @Test(arguments: [("ok-id", "464"), ("ok-id", "46a5"), ("Bad Id", "4645"), ("", "4645"), ("-x", "4645")])
    func malformedGroupArgumentsAreRefused(id: String, municipality: String) throws {
        let server = try ServerFixture()

        #expect(throws: ServerError.self) {
            try server.admin.createGroup(id: id, name: "Gruppe", municipality: municipality)
        }
    }

    @Test func aCodeForAnUnknownGroupIsRefused() throws {
        let server = try ServerFixture()

        #expect(throws: ServerError.self) { try server.admin.createEnrollmentCode(group: "nowhere") }
    }

    @Test func dataSurvivesReopening() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        _ = try server.push([ServerFixture.activityType(by: device.replica)], as: device)

        let reopened = try SQLiteServerStorage(directory: server.directory.path)

        #expect(try reopened.group(id: ServerFixture.group)?.municipality == "4645")
        let page = try reopened.changes(group: ServerFixture.group, since: 0, limit: 10, maxBytes: .max)
        #expect(page.changes.count == 1)
    }

    @Test func theServerWritesWithItsOwnGrowingDots() throws {
        let server = try ServerFixture()

        let events = try server.storage.withGroupTransaction(group: ServerFixture.group) { transaction in
            [try transaction.nextServerEvent(wallClock: 5), try transaction.nextServerEvent(wallClock: 5)]
        }

        #expect(events.map(\.dot.counter) == [1, 2])
        #expect(events[0].dot.replica == events[1].dot.replica)
        #expect(events[0].time < events[1].time)
    }

    @Test func aFailedTransactionLeavesNothingBehind() throws {
        let server = try ServerFixture()
        let replica = try #require(ReplicaID("laptop"))

        #expect(throws: FixtureError.self) {
            try server.storage.withGroupTransaction(group: ServerFixture.group) { transaction in
                try transaction.store(ServerFixture.activityType(by: replica))
                throw FixtureError(message: "stop")
            }
        }

        #expect(try server.storedChanges().isEmpty)
        let after = try server.storage.withGroupTransaction(group: ServerFixture.group) { transaction in
            try transaction.store(ServerFixture.activityType(by: replica))
        }
        #expect(after == 1)
    }

    @Test func tokensAreLongRandomAndComparedByHash() {
        let first = Secrets.makeToken()
        let second = Secrets.makeToken()

        #expect(first.count == 43)
        #expect(first != second)
        #expect(Secrets.constantTimeEquals(Secrets.hash(first), Secrets.hash(first)))
        #expect(!Secrets.constantTimeEquals(Secrets.hash(first), Secrets.hash(second)))
    }
}
