import Foundation
import Testing
import VennTestSupport

/// Status moves made on laptops apart, converging through the real server,
/// with every move recorded on every laptop.
@Suite(.serialized) struct StatusMoveSyncTests {
    @Test func movesMadeApartConvergeAndEveryLaptopKeepsEveryMove() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        let volunteer = try a.succeed(["add", "volunteer", "--name", "Per Berg", "--status", "ready"])
        let course = try a.succeed(["add", "course", "--kind", "e_learning"])
        try world.syncAll()

        _ = try a.succeed(["volunteer", "pause", volunteer])
        _ = try b.succeed(["volunteer", "withdraw", volunteer, "--reason", "moved away"])
        _ = try a.succeed(["course", "open", course])
        _ = try b.succeed(["course", "cancel", course, "--reason", "too few"])
        try world.syncAll()

        for laptop in [a, b] {
            let volunteers = try laptop.records("volunteer")
            #expect(volunteers[volunteer]?["status"] as? String == "withdrawn", "\(laptop.name)")
            #expect(try laptop.records("course")[course]?["status"] as? String == "cancelled", "\(laptop.name)")
            let moves = try laptop.records("transition").values.compactMap { $0["verb"] as? String }
            #expect(moves.sorted() == ["cancel", "open", "pause", "withdraw"], "\(laptop.name)")
        }
    }

    @Test func aStartAgainstADeclineWaitsForAPersonAndTheirDecisionReachesEveryone() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        let volunteer = try a.succeed(["add", "volunteer", "--name", "Kari", "--status", "proposed"])
        let person = try a.succeed(["add", "person", "--name", "Ola", "--status", "proposed"])
        _ = try a.succeed(["consent", "give", person, "--by-whom", "self"])
        let match = try a.succeed([
            "add", "match", "--volunteer", volunteer, "--person", person, "--status", "proposed",
        ])
        try world.syncAll()

        _ = try a.succeed(["match", "start", match])
        _ = try b.succeed(["match", "decline", match, "--reason", "the person said no"])
        try world.syncAll()

        let statuses = try [a, b].map { try $0.records("match")[match]?["status"] as? String }
        #expect(statuses[0] == statuses[1])
        let open = try a.records("conflict").filter { $0.value["status"] as? String == "open" }
        let entry = try #require(open.first(where: { $0.value["field"] as? String == "status" })?.key)
        _ = try b.succeed(["conflicts", "resolve", entry, "--take", "active"])
        try world.syncAll()
        for laptop in [a, b] {
            #expect(try laptop.records("match")[match]?["status"] as? String == "active", "\(laptop.name)")
        }
    }
}
