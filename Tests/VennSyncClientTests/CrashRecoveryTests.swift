import Foundation
import Testing
import VennTestSupport

/// Killing the server during a push, or a laptop during a pull, loses no
/// acknowledged write: a later sync brings every replica to the same records.
@Suite(.serialized) struct CrashRecoveryTests {
    static let batches = 3
    static let batchSize = 1_000

    /// Adds `batches * batchSize` activity types to a laptop's store.
    func fill(_ laptop: Laptop) throws {
        let result = try runProgram(
            builtProgram("VennStoreStress"),
            [laptop.storePath, String(Self.batches), String(Self.batchSize)],
            environment: ["PATH": "/usr/bin:/bin"],
            scratch: laptop.home
        )
        #expect(result.status == 0, "\(result.error)")
    }

    /// Starts `venn sync` on a laptop without waiting for it.
    func startSync(_ laptop: Laptop) throws -> Process {
        let process = Process()
        process.executableURL = builtProgram("venn")
        process.arguments = ["sync"]
        process.environment = laptop.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until the server has logged `count` requests to `route`.
    func waitForRequests(_ server: ServerProcess, route: String, count: Int = 1) throws {
        let deadline = Date().addingTimeInterval(60)
        while server.log.components(separatedBy: "venn.request.route=\(route) ").count - 1 < count {
            guard Date() < deadline else {
                Issue.record("the server never logged \(count) request(s) to \(route)")
                return
            }
            usleep(2_000)
        }
    }

    @Test func aServerKilledDuringAPushLosesNoAcknowledgedWrite() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        try fill(a)

        let sync = try startSync(a)
        try waitForRequests(world.server, route: "/v1/groups/{group}/push")
        world.server.kill()
        sync.waitUntilExit()

        // The same data folder, the same port, so the laptops find it again.
        let port = world.server.port
        try world.server.start(port: port)
        _ = try a.succeed(["sync"])
        _ = try b.succeed(["sync"])

        let onA = try a.records("activity_type")
        let onB = try b.records("activity_type")
        #expect(onA.count == Self.batches * Self.batchSize)
        #expect(onB == onA)
        let status = try #require(try a.json(["status"]) as? [String: Any])
        #expect(status["pending"] as? Int == 0)
    }

    @Test func aLaptopKilledDuringAPullResumesWhereItStopped() throws {
        let world = try SyncWorld(laptops: 2)
        let (a, b) = (world.laptops[0], world.laptops[1])
        try fill(a)
        _ = try a.succeed(["sync"])

        let sync = try startSync(b)
        try waitForRequests(world.server, route: "/v1/groups/{group}/changes", count: 3)
        kill(sync.processIdentifier, SIGKILL)
        sync.waitUntilExit()
        #expect(sync.terminationReason == .uncaughtSignal || sync.terminationStatus == 0)

        _ = try b.succeed(["sync"])
        let onA = try a.records("activity_type")
        #expect(try b.records("activity_type") == onA)
        #expect(onA.count == Self.batches * Self.batchSize)
    }
}
