import Foundation

/// A fresh directory under the system's temporary folder, removed when the
/// test is done with it.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}

/// A wall clock tests move by hand.
final class ManualClock: Sendable {
    private let now: LockedValue

    init(start: UInt64 = 1_780_000_000_000) {
        now = LockedValue(start)
    }

    var milliseconds: UInt64 { now.value }

    func advance(by milliseconds: UInt64) {
        now.add(milliseconds)
    }
}

import Synchronization

final class LockedValue: Sendable {
    private let storage: Mutex<UInt64>

    init(_ value: UInt64) {
        storage = Mutex(value)
    }

    var value: UInt64 { storage.withLock { $0 } }

    func add(_ amount: UInt64) {
        storage.withLock { $0 += amount }
    }
}
