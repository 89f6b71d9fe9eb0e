import Dispatch
import Foundation
import Synchronization
import Testing
import VennHTTP
@testable import VennServer
import VennSync

struct ConcurrencyTests {
    @Test func eightThreadsPushingToOneGroupAllSucceedWithDistinctSequences() throws {
        let server = try ServerFixture()
        let devices = try (0..<8).map { _ in try server.enroll() }
        let requests = try devices.map { device in
            try server.pushRequest(
                (0..<25).map { _ in ServerFixture.activityType(by: device.replica) },
                token: device.token,
                replica: device.replica
            )
        }
        let statuses = Mutex<[Int]>([])
        let service = server.service

        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let status = service.handle(requests[index]).status
            statuses.withLock { $0.append(status) }
        }

        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 8))
        let sequences = try server.storedChanges().map(\.sequence)
        #expect(sequences == Array(1...200))
    }
}
