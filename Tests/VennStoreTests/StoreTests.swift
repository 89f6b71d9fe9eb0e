import Foundation
import Testing
import VennSQLite
import VennSchema
import VennSync
@testable import VennStore

/// Opens a store in a temporary directory with a hand-moved clock.
struct StoreFixture {
    let directory: TemporaryDirectory
    let clock = ManualClock()
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("group.sqlite")
    }

    var options: Store.Options {
        let clock = self.clock
        return Store.Options(wallClock: { clock.milliseconds }, actor: "tester")
    }

    func create(_ name: String = "group.sqlite") throws -> Store {
        try Store.create(at: directory.path(name), group: "testgroup", options: options)
    }

    func open(_ name: String = "group.sqlite") throws -> Store {
        try Store.open(at: directory.path(name), options: options)
    }
}

func expectStoreError(_ code: StoreError.Code, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(code), but nothing was thrown")
    } catch let error as StoreError {
        #expect(error.code == code, "\(error)")
    } catch {
        Issue.record("expected \(code), got \(error)")
    }
}

struct StoreFileTests {
    @Test func createsAPrivateWALFile() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        _ = try store.add(collection: "activity_type", fields: ["code": "walk", "label": "Walks"])
        try store.close()

        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let database = try Database(path: fixture.path, options: .init(mode: .readOnly))
        #expect(try database.scalar(sql: "PRAGMA journal_mode")?.textValue == "wal")
        try database.close()
    }

    @Test func refusesToCreateOverAnExistingFile() throws {
        let fixture = try StoreFixture()
        try fixture.create().close()
        expectStoreError(.storeExists) { _ = try fixture.create() }
    }

    @Test func reportsAMissingStore() throws {
        let fixture = try StoreFixture()
        expectStoreError(.storeNotFound) { _ = try fixture.open() }
        #expect(!FileManager.default.fileExists(atPath: fixture.path))
    }

    @Test func refusesAFileThatIsNotSQLite() throws {
        let fixture = try StoreFixture()
        let junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try junk.write(to: URL(fileURLWithPath: fixture.path))
        expectStoreError(.notAStore) { _ = try fixture.open() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == junk)
    }

    @Test func refusesASQLiteFileThatIsNotAStore() throws {
        let fixture = try StoreFixture()
        let database = try Database(path: fixture.path, options: .init(mode: .readWriteCreate))
        try database.execute(sql: "CREATE TABLE notes (text TEXT)")
        try database.close()
        expectStoreError(.notAStore) { _ = try fixture.open() }

        let reopened = try Database(path: fixture.path, options: .init(mode: .readOnly))
        #expect(try reopened.query(sql: "SELECT name FROM sqlite_master WHERE type = 'table'").count == 1)
        try reopened.close()
    }

    @Test func refusesAStoreFromANewerProgramAndLeavesItAlone() throws {
        let fixture = try StoreFixture()
        try fixture.create().close()
        let database = try Database(path: fixture.path, options: .init(mode: .readWrite))
        try database.execute(
            sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')"
        )
        try database.close()

        do {
            _ = try fixture.open()
            Issue.record("a newer store was opened")
        } catch let error as StoreError {
            #expect(error.code == .storeTooNew)
            #expect(error.versions?.found == 99)
            #expect(error.versions?.supported == Store.fileVersion)
        }
        let check = try Database(path: fixture.path, options: .init(mode: .readOnly))
        #expect(try check.scalar(sql: "SELECT max(version) FROM schema_migrations")?.int64Value == 99)
        try check.close()
    }

    @Test func upgradesAnOldStoreAndKeepsItsRecords() throws {
        let fixture = try StoreFixture()
        try fixture.create().close()
        // Turn the file back into a version 1 store.
        let database = try Database(path: fixture.path, options: .init(mode: .readWrite))
        try database.execute(
            sql: "DROP TABLE sync_state; DROP TABLE rejections; DELETE FROM schema_migrations WHERE version > 1"
        )
        try database.close()

        let store = try fixture.open()
        let id = try store.add(collection: "activity_type", fields: ["code": "fishing", "label": "Fishing"])
        try store.close()
        let reopened = try fixture.open()
        #expect(try reopened.syncState("cursor") == nil)
        #expect(try reopened.record(collection: "activity_type", id: id)?.values["code"] == "fishing")
    }

    @Test func reportsAPathThatCannotBeCreated() throws {
        let fixture = try StoreFixture()
        let blocker = fixture.directory.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        expectStoreError(.cannotOpen) {
            _ = try Store.create(at: blocker + "/sub/group.sqlite", group: "g", options: fixture.options)
        }
        expectStoreError(.cannotOpen) {
            _ = try Store.create(at: blocker + "/group.sqlite", group: "g", options: fixture.options)
        }
    }
}

struct StoreRecordTests {
    @Test func addsAndReadsARecordWithDefaults() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let id = try store.add(collection: "volunteer", fields: ["name": "Kari Nordmann", "phone": "41234567"])
        #expect(RecordID.isValid(id))
        let record = try #require(try store.record(collection: "volunteer", id: id))
        #expect(record.values["name"] == "Kari Nordmann")
        #expect(record.values["status"] == "interested")
        #expect(try store.records(collection: "volunteer").map(\.id) == [id])
        #expect(try store.pendingCount() == 1)
    }

    @Test func rejectsInvalidDataAndWritesNothing() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        do {
            _ = try store.add(collection: "volunteer", fields: ["phone": "not a phone"])
            Issue.record("invalid data was accepted")
        } catch let error as StoreError {
            #expect(error.code == .invalidData)
            #expect(error.issues.map(\.pointer).contains("/name"))
            #expect(error.issues.map(\.pointer).contains("/phone"))
        }
        #expect(try store.records(collection: "volunteer").isEmpty)
        #expect(try store.pendingCount() == 0)
    }

    @Test func refusesUnknownAndSystemCollections() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        expectStoreError(.unknownCollection) { _ = try store.add(collection: "dragon", fields: [:]) }
        expectStoreError(.readOnlyCollection) { _ = try store.add(collection: "conflict", fields: [:]) }
    }

    @Test func updatesOnlyWhatChangedAndKeepsHistory() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let id = try store.add(collection: "volunteer", fields: ["name": "Kari", "phone": "41234567"])
        fixture.clock.advance(by: 1_000)
        let changed = try store.update(collection: "volunteer", id: id, changes: ["phone": "98765432", "name": "Kari"])
        #expect(changed == .changed)
        #expect(try store.update(collection: "volunteer", id: id, changes: ["phone": "98765432"]) == .unchanged)
        #expect(try store.update(collection: "volunteer", id: id, changes: ["phone": .null]) == .changed)

        let history = try store.history(collection: "volunteer", id: id)
        let updates = history.filter { $0.action == .update }
        #expect(updates.map(\.field) == ["phone", "phone"])
        #expect(updates[0].oldValue == "41234567")
        #expect(updates[0].newValue == "98765432")
        #expect(updates[1].newValue == .null)
        #expect(history.allSatisfy { $0.actor == "tester" })
        #expect(try store.record(collection: "volunteer", id: id)?.values["phone"] == .null)
    }

    @Test func rejectsAnEditThatBreaksTheSchemaAndKeepsTheRecord() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let id = try store.add(collection: "volunteer", fields: ["name": "Kari"])
        expectStoreError(.invalidData) {
            _ = try store.update(collection: "volunteer", id: id, changes: ["name": .null])
        }
        expectStoreError(.invalidData) {
            _ = try store.update(collection: "volunteer", id: id, changes: ["birth_year": "old"])
        }
        #expect(try store.record(collection: "volunteer", id: id)?.values["name"] == "Kari")
        #expect(try store.history(collection: "volunteer", id: id).count(where: { $0.action == .update }) == 0)
    }

    @Test func deletesToATombstoneAndErasesTheHistoryValues() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let id = try store.add(collection: "volunteer", fields: ["name": "Kari", "phone": "41234567"])
        try store.delete(collection: "volunteer", id: id)

        #expect(try store.record(collection: "volunteer", id: id) == nil)
        #expect(try store.isDeleted(collection: "volunteer", id: id))
        let history = try store.history(collection: "volunteer", id: id)
        #expect(history.last?.action == .delete)
        #expect(history.allSatisfy { $0.oldValue == nil && $0.newValue == nil })
        expectStoreError(.recordNotFound) { try store.delete(collection: "volunteer", id: id) }
        expectStoreError(.recordNotFound) {
            _ = try store.update(collection: "volunteer", id: id, changes: ["name": "X"])
        }
    }

    @Test func historyRefusesToBeRewritten() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        _ = try store.add(collection: "volunteer", fields: ["name": "Kari"])
        try store.close()
        let database = try Database(path: fixture.path, options: .init(mode: .readWrite))
        #expect(throws: SQLiteError.self) { try database.execute(sql: "UPDATE history SET actor = 'someone else'") }
        #expect(throws: SQLiteError.self) { try database.execute(sql: "DELETE FROM history") }
        try database.close()
    }

    @Test func acknowledgingAPushKeepsLaterEditsQueued() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let first = try store.add(collection: "volunteer", fields: ["name": "Kari"])
        let second = try store.add(collection: "volunteer", fields: ["name": "Ola"])
        let pushed = try store.pendingVersions()
        #expect(Set(pushed.map(\.id)) == [first, second])

        _ = try store.update(collection: "volunteer", id: second, changes: ["name": "Ola Nordmann"])
        try store.acknowledge(pushed)
        #expect(try store.pendingVersions().map(\.id) == [second])
    }

    @Test func storedVersionsRoundTripThroughTheTable() throws {
        let fixture = try StoreFixture()
        let store = try fixture.create()
        let id = try store.add(
            collection: "volunteer",
            fields: ["name": "Kari", "phone": "41234567", "area": "Sentrum"]
        )
        _ = try store.update(collection: "volunteer", id: id, changes: ["area": "Nord"])
        let version = try #require(try store.loadVersion(collection: "volunteer", id: id))
        #expect(version.fields["area"]?.writes.first?.dot.counter == 2)
        #expect(version.fields["name"]?.writes.first?.dot.counter == 1)
        let stored = StoredRecord(version: version, policy: store.policy)
        #expect(try stored.version(collection: "volunteer", id: id, isDeleted: false) == version)
    }
}
