extension Database {
    /// How a database connection is opened and configured.
    ///
    /// The defaults suit a local store holding data that must not be lost:
    /// create the file if needed, write-ahead logging, `synchronous = FULL`,
    /// enforced foreign keys, and a five-second wait for locks.
    public struct OpenOptions: Sendable, Hashable {
        /// Whether the connection may write, and may create the file.
        public var mode: Mode

        /// The journal mode set at open. Ignored for read-only connections,
        /// which use whatever mode the file already has.
        public var journal: JournalMode

        /// How often SQLite waits for data to reach the disk.
        public var synchronous: Synchronous

        /// Whether foreign key constraints are enforced.
        public var foreignKeys: Bool

        /// How long a statement waits for another connection's lock before
        /// failing with `SQLITE_BUSY`. Zero fails at once.
        public var busyTimeout: Duration

        /// Makes options; every parameter has the store's default.
        public init(
            mode: Mode = .readWriteCreate,
            journal: JournalMode = .wal,
            synchronous: Synchronous = .full,
            foreignKeys: Bool = true,
            busyTimeout: Duration = .seconds(5)
        ) {
            self.mode = mode
            self.journal = journal
            self.synchronous = synchronous
            self.foreignKeys = foreignKeys
            self.busyTimeout = busyTimeout
        }
    }
}

extension Database.OpenOptions {
    /// Access to the database file.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/open.html>
    public enum Mode: Sendable, Hashable {
        /// Read only; the file must exist (`SQLITE_OPEN_READONLY`).
        case readOnly
        /// Read and write; the file must exist (`SQLITE_OPEN_READWRITE`).
        case readWrite
        /// Read and write, creating the file with mode 0600 when absent.
        case readWriteCreate
    }

    /// The journal that makes transactions atomic.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/wal.html>
    public enum JournalMode: String, Sendable, Hashable {
        /// Write-ahead logging: readers and one writer work at the same time.
        case wal
        /// A rollback journal deleted at the end of each transaction.
        case delete
    }

    /// The `synchronous` setting.
    ///
    /// Related SQLite documentation:
    /// <https://www.sqlite.org/pragma.html#pragma_synchronous>
    public enum Synchronous: String, Sendable, Hashable {
        /// In WAL mode, a power loss may undo the last transactions, but
        /// never corrupts the file.
        case normal
        /// Every commit reaches the disk before it returns.
        case full
    }
}
