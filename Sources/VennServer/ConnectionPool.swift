import Synchronization
import VennSQLite

/// A set of open connections to one database file, lent out one at a time.
///
/// A connection is used by one thread at a time: `withConnection(_:)` takes
/// one out under the lock and puts it back afterwards, opening a new one
/// when none is free. At most `maxIdle` are kept open between uses.
final class ConnectionPool: Sendable {
    /// A connection in transit between threads.
    private struct Lent: @unchecked Sendable {
        // Safe: a connection is only touched by the thread that took it out
        // of the pool, and the mutex orders the hand-over.
        let database: Database
    }

    private let idle = Mutex<[Lent]>([])
    private let open: @Sendable () throws -> Database
    private let maxIdle: Int

    init(maxIdle: Int = 16, open: @escaping @Sendable () throws -> Database) {
        self.maxIdle = maxIdle
        self.open = open
    }

    /// Runs `body` with a connection no other thread uses meanwhile.
    func withConnection<T>(_ body: (Database) throws -> T) throws -> T {
        let lent = try idle.withLock { $0.popLast() } ?? Lent(database: open())
        defer { giveBack(lent) }
        return try body(lent.database)
    }

    private func giveBack(_ lent: Lent) {
        // A connection left inside a transaction (it should not happen)
        // would block every writer: close it instead of keeping it.
        if lent.database.isInsideTransaction {
            try? lent.database.close()
            return
        }
        let kept = idle.withLock { connections -> Bool in
            guard connections.count < maxIdle else { return false }
            connections.append(lent)
            return true
        }
        if !kept { try? lent.database.close() }
    }
}
