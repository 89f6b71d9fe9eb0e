import Foundation
import Testing
import VennTestSupport
import VennStore

/// Laptops converging through a real `venn-server` process on loopback.
@Suite(.serialized) struct SyncEndToEndTests {
    @Test func differentFieldsEditedOfflineMergeWithoutAConflict() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        let id = try a.succeed(["add", "volunteer", "--name", "Kari Nordmann", "--phone", "41234567"])
        try world.syncAll()

        _ = try a.succeed(["edit", "volunteer", id, "--phone", "90000000"])
        _ = try b.succeed(["edit", "volunteer", id, "--area", "Nord"])
        try world.syncAll()

        let onA = try a.records("volunteer")
        let onB = try b.records("volunteer")
        #expect(onA == onB)
        #expect(onA[id]?["phone"] as? String == "90000000")
        #expect(onA[id]?["area"] as? String == "Nord")
        #expect(try a.records("conflict").isEmpty)
        #expect(try b.records("conflict").isEmpty)
    }

    @Test func theSameFieldFollowsItsRuleAndEveryLedgerHoldsBothValues() throws {
        let world = try SyncWorld(laptops: 3)
        let (a, b, c) = (world.laptops[0], world.laptops[1], world.laptops[2])
        let id = try a.succeed(["add", "volunteer", "--name", "Kari"])
        try world.syncAll()

        _ = try a.succeed(["edit", "volunteer", id, "--phone", "41111111"])
        _ = try b.succeed(["edit", "volunteer", id, "--phone", "42222222"])
        try world.syncAll()

        let values = try [a, b, c].map { try $0.records("volunteer")[id]?["phone"] as? String }
        #expect(Set(values).count == 1)
        #expect(values[0] == "42222222" || values[0] == "41111111")
        for laptop in [a, b, c] {
            let ledger = try laptop.records("conflict")
            #expect(ledger.count == 1, "\(laptop.name)")
            let held = (ledger.values.first?["values"] as? [String]) ?? []
            #expect(Set(held) == ["41111111", "42222222"], "\(laptop.name)")
        }
    }

    @Test func aManualConflictIsResolvedOnOneLaptopForAll() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        let id = try a.succeed(["add", "person", "--name", "Astrid"])
        try world.syncAll()
        _ = try a.succeed(["edit", "person", id, "--residence", "home"])
        _ = try b.succeed(["edit", "person", id, "--residence", "institution"])
        try world.syncAll()

        let entries = try a.records("conflict")
        let entryID = try #require(entries.keys.first)
        #expect(entries[entryID]?["status"] as? String == "open")
        #expect(try a.succeed(["status"]).contains("Open conflicts: 1"))
        #expect(try a.succeed(["conflicts"]).contains(String(entryID.suffix(8))))

        _ = try a.succeed(["conflicts", "resolve", String(entryID.suffix(8)), "--take", "day_centre"])
        try world.syncAll()
        #expect(try b.records("person")[id]?["residence"] as? String == "day_centre")
        #expect(try b.records("conflict")[entryID]?["status"] as? String == "resolved")
        #expect(try b.succeed(["status"]).contains("Open conflicts: 0"))
    }

    @Test func aDeleteOnOneLaptopWinsOverAnEditOnAnother() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        let id = try a.succeed(["add", "volunteer", "--name", "Kari"])
        try world.syncAll()

        _ = try a.succeed(["delete", "volunteer", id])
        _ = try b.succeed(["edit", "volunteer", id, "--area", "Nord"])
        try world.syncAll()

        #expect(try a.records("volunteer")[id] == nil)
        #expect(try b.records("volunteer")[id] == nil)
    }

    @Test func aSecondSyncFindsNothingLeft() throws {
        let world = try SyncWorld(laptops: 1)
        let a = world.laptops[0]
        _ = try a.succeed(["add", "volunteer", "--name", "Kari"])
        let first = try a.succeed(["sync"])
        #expect(first.contains("sent 1"))
        let second = try a.succeed(["sync"])
        #expect(second.contains("sent 0, received 0"))
        let status = try #require(try a.json(["status"]) as? [String: Any])
        #expect(status["pending"] as? Int == 0)
        #expect(status["lastSync"] is String)
    }

    @Test func aRevokedLaptopIsRefusedAndKeepsItsChanges() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        let devices = try world.server.admin(["device", "list", "--group", "askvoll"])
        let firstDevice = try #require(devices.split(separator: "\n").first?.split(separator: " ").first)
        // Which laptop is the first device does not matter: revoke it and find out.
        _ = try world.server.admin(["device", "revoke", String(firstDevice)])

        _ = try a.succeed(["add", "volunteer", "--name", "Kari"])
        _ = try b.succeed(["add", "volunteer", "--name", "Ola"])
        let results = try [a, b].map { try $0.run(["sync"]) }
        let refused = results.filter { $0.status == 5 }
        #expect(refused.count == 1)
        #expect(refused.first?.error.contains("revoked") == true)
        let refusedLaptop = results[0].status == 5 ? a : b
        let status = try #require(try refusedLaptop.json(["status"]) as? [String: Any])
        #expect(status["pending"] as? Int == 1)

        // Nothing from the revoked laptop reached the other one.
        let other = refusedLaptop.name == a.name ? b : a
        _ = try other.succeed(["sync"])
        #expect(try other.records("volunteer").count == 1)
    }

    @Test func aStoreMadeOfflineIsEnrolledLaterWithItsRecords() throws {
        let world = try SyncWorld(laptops: 1)
        let home = world.directory.appendingPathComponent("offline", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let late = Laptop(name: "offline", home: home)
        _ = try late.succeed(["init", "--group", "askvoll"])
        let id = try late.succeed(["add", "volunteer", "--name", "Kari"])
        #expect(try late.run(["sync"]).status == 5)

        let code = try world.server.admin(["code", "create", "--group", "askvoll"])
        let enrolled = try late.succeed(["init", "--group", "askvoll", "--server", world.server.url, "--code", code])
        #expect(enrolled.contains("Enrolled"))
        let again = try late.run(["init", "--group", "askvoll", "--server", world.server.url, "--code", code])
        #expect(again.status == 4)
        _ = try late.succeed(["sync"])
        _ = try world.laptops[0].succeed(["sync"])
        #expect(try world.laptops[0].records("volunteer")[id]?["name"] as? String == "Kari")
    }

    @Test func aWrongCodeLeavesNoStoreBehind() throws {
        let world = try SyncWorld(laptops: 0)
        let home = world.directory.appendingPathComponent("stranger", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let stranger = Laptop(name: "stranger", home: home)
        let result = try stranger.run(["init", "--group", "askvoll", "--server", world.server.url,
                                       "--code", "AAAA-BBBB-CCCC"])
        #expect(result.status == 5)
        #expect(result.error.contains("code"))
        #expect(!FileManager.default.fileExists(atPath: stranger.storePath))
    }

    @Test func theServerStopsCleanlyOnSIGTERMAndLogsNoPersonalData() throws {
        let world = try SyncWorld(laptops: 1)
        _ = try world.laptops[0].succeed(["add", "volunteer", "--name", "Kari Nordmann", "--phone", "41234567"])
        _ = try world.laptops[0].succeed(["sync"])
        #expect(world.server.stop() == 0)
        let log = world.server.log
        #expect(log.contains("msg=stopped"))
        #expect(log.contains("venn.request.route=/v1/groups/{group}/push"))
        #expect(!log.contains("Kari"))
        #expect(!log.contains("41234567"))
        let token = try #require(try Store.open(at: world.laptops[0].storePath).syncState(Store.SyncStateKey.token))
        #expect(!log.contains(token))
    }

    @Test func anUnreachableServerKeepsEverything() throws {
        let world = try SyncWorld(laptops: 1)
        let a = world.laptops[0]
        _ = try a.succeed(["add", "volunteer", "--name", "Kari"])
        world.server.stop()
        let result = try a.run(["sync"])
        #expect(result.status == 5)
        #expect(result.error.contains("Cannot reach the server"))
        #expect(try a.records("volunteer").count == 1)
        let status = try #require(try a.json(["status"]) as? [String: Any])
        #expect(status["pending"] as? Int == 1)
    }
}
