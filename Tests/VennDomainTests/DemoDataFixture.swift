import Foundation
import VennStore

/// A store in a fresh temporary directory, removed with the fixture.
final class DemoDataFixture {
    /// 2026-06-01T12:00:00Z, so dates in the demo data do not move.
    static let now: UInt64 = 1_780_315_200_000

    let directory: URL
    let store: Store

    init(name: String = "demo.sqlite") throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-domain-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let options = Store.Options(wallClock: { DemoDataFixture.now }, actor: "test")
        store = try Store.create(at: directory.appendingPathComponent(name).path, group: "demo", options: options)
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
