import Foundation
import Testing
import VennTestSupport
import VennSQLite
@testable import VennStore

/// A store written by a process that is killed mid-transaction stays
/// consistent.
struct CrashTests {
    /// The stress program built next to this test bundle.
    static var stressProgram: URL { builtProgram("VennStoreStress") }

    @Test func aKilledLargeWriteLeavesTheStoreConsistent() throws {
        let fixture = try StoreFixture()
        try fixture.create().close()
        let batch = 2_000

        let process = Process()
        process.executableURL = Self.stressProgram
        process.arguments = [fixture.path, "50", String(batch)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()

        // Kill it right after its first commit, while the second batch is being written.
        var received = Data()
        while !String(decoding: received, as: UTF8.self).contains("committed 1\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try fixture.open()
        let records = try store.records(collection: "activity_type")
        #expect(records.count >= batch)
        #expect(records.count % batch == 0)
        #expect(records.count < 50 * batch)
        #expect(try store.pendingCount() == records.count)
        try store.close()

        let database = try Database(path: fixture.path, options: .init(mode: .readOnly))
        #expect(try database.scalar(sql: "PRAGMA integrity_check")?.textValue == "ok")
        #expect(try database.scalar(sql: "SELECT count(*) FROM history")?.int64Value == Int64(records.count * 4))
        let counter = try database.scalar(sql: "SELECT value FROM meta WHERE key = 'counter'")?.textValue
        #expect(counter == String(records.count))
        try database.close()
    }
}
