import Foundation
import Testing
import VennHTTP
@testable import VennServer
import VennSync

struct ChangesTests {
    @Test func changesArePagedByLimitWithACursor() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        let versions = (0..<5).map { _ in ServerFixture.activityType(by: device.replica) }
        _ = try server.push(versions, as: device)

        var pages: [Wire.ChangesResponse] = []
        var cursor: Int64 = 0
        repeat {
            let page = try server.changes(since: cursor, limit: 2, as: device)
            pages.append(page)
            cursor = page.next
        } while pages.last?.hasMore == true && pages.count < 10

        #expect(pages.map { $0.changes.map(\.sequence) } == [[1, 2], [3, 4], [5]])
        #expect(pages.map(\.next) == [2, 4, 5])
        #expect(pages.map(\.hasMore) == [true, true, false])
        #expect(pages.flatMap { $0.changes.map(\.version) } == versions)
    }

    @Test func aCursorAtTheEndGivesNothingAndKeepsTheCursor() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        _ = try server.push([ServerFixture.activityType(by: device.replica)], as: device)

        let page = try server.changes(since: 1, as: device)
        let beyond = try server.changes(since: 40, as: device)

        #expect(page.changes.isEmpty)
        #expect(page.next == 1)
        #expect(!page.hasMore)
        #expect(beyond.next == 40)
    }

    @Test func aPageStopsOnceItPassesTheByteLimit() throws {
        let server = try ServerFixture(limits: SyncService.Limits(maxChangesBytes: 1))
        let device = try server.enroll()
        _ = try server.push((0..<3).map { _ in ServerFixture.activityType(by: device.replica) }, as: device)

        let page = try server.changes(since: 0, as: device)

        #expect(page.changes.map(\.sequence) == [1])
        #expect(page.hasMore)
    }

    @Test func aLimitAboveTheMaximumIsLowered() throws {
        let server = try ServerFixture(limits: SyncService.Limits(maxChangesLimit: 2))
        let device = try server.enroll()
        _ = try server.push((0..<3).map { _ in ServerFixture.activityType(by: device.replica) }, as: device)

        let page = try server.changes(since: 0, limit: 100, as: device)

        #expect(page.changes.count == 2)
        #expect(page.hasMore)
    }
}
