public import Foundation
public import VennSync

/// Where the server keeps groups, devices, enrollment codes and records.
///
/// An implementation must be safe to call from many threads at once. Each
/// method is one transaction: it happens entirely or not at all.
///
/// Ordering: a group's sequence numbers come from the group's own row
/// (`next_seq`), taken inside the transaction that writes the records. A
/// backend with concurrent writers (PostgreSQL) locks that row at the start
/// of `withGroupTransaction`, so two pushes to one group commit one after
/// the other and a reader's cursor never skips a version committed later
/// under a smaller number.
public protocol ServerStorage: Sendable {
    // MARK: Groups and devices

    /// Adds a group.
    ///
    /// - Throws: `ServerError` `.groupExists` when the id is taken.
    func createGroup(_ group: GroupInfo) throws

    /// The group with `id`, if any.
    func group(id: String) throws -> GroupInfo?

    /// Stores an enrollment code's hash for `group`.
    ///
    /// - Throws: `ServerError` `.groupNotFound` for an unknown group.
    func addEnrollmentCode(hash: [UInt8], group: String, expires: Date) throws

    /// Redeems an unused, unexpired code for a new device, in one
    /// transaction: the code is marked used by that device.
    ///
    /// - Returns: The code's group, or nil when no usable code has `codeHash`.
    func redeemEnrollmentCode(codeHash: [UInt8], device: NewDevice, now: Date) throws -> String?

    /// The device whose token hashes to `tokenHash`, revoked or not.
    func device(tokenHash: [UInt8]) throws -> DeviceCredential?

    /// Sets a device's last-seen time.
    func touchDevice(id: String, at time: Date) throws

    /// The devices of a group, oldest first.
    func devices(group: String) throws -> [DeviceInfo]

    /// Revokes a device; its token is refused from then on.
    ///
    /// - Throws: `ServerError` `.deviceNotFound` for an unknown device.
    func revokeDevice(id: String) throws

    // MARK: Records

    /// Runs `body` in one write transaction on `group`'s records.
    ///
    /// Commits when `body` returns, rolls back everything when it throws.
    ///
    /// - Throws: `ServerError` `.groupNotFound` for an unknown group, what
    ///   `body` throws, or a storage error.
    func withGroupTransaction<T>(group: String, _ body: (any GroupTransaction) throws -> T) throws -> T

    /// The stored versions of `group` with a sequence above `since`, in
    /// sequence order: at most `limit`, and no more once their JSON passes
    /// `maxBytes` (at least one is returned when there is one).
    func changes(group: String, since: Int64, limit: Int, maxBytes: Int) throws -> ChangesPage
}

/// The record operations available inside `ServerStorage.withGroupTransaction`.
///
/// Valid only inside the closure it is passed to.
public protocol GroupTransaction {
    /// The stored version of a record, if any.
    func version(collection: String, id: String) throws -> RecordVersion?

    /// Stores a version, replacing the record's previous one, under the
    /// group's next sequence number.
    ///
    /// - Returns: The sequence number.
    @discardableResult
    func store(_ version: RecordVersion) throws -> Int64

    /// A new write event of the server's own replica.
    ///
    /// - Parameter wallClock: The current time in milliseconds since 1970.
    func nextServerEvent(wallClock: UInt64) throws -> (dot: Dot, time: Timestamp)
}

/// A working group (arbeidsgruppe) as the server knows it.
public struct GroupInfo: Sendable, Hashable {
    /// A short id, used in URLs.
    public var id: String
    public var name: String
    /// The municipality number, four digits.
    public var municipality: String
    public var created: Date

    public init(id: String, name: String, municipality: String, created: Date) {
        self.id = id
        self.name = name
        self.municipality = municipality
        self.created = created
    }
}

/// A device as an administrator sees it.
public struct DeviceInfo: Sendable, Hashable {
    public var id: String
    public var group: String
    /// The replica id of the device's store.
    public var replica: String
    /// A label the device gave itself, e.g. the laptop's name.
    public var label: String?
    public var created: Date
    public var lastSeen: Date?
    public var isRevoked: Bool

    public init(
        id: String,
        group: String,
        replica: String,
        label: String?,
        created: Date,
        lastSeen: Date?,
        isRevoked: Bool
    ) {
        self.id = id
        self.group = group
        self.replica = replica
        self.label = label
        self.created = created
        self.lastSeen = lastSeen
        self.isRevoked = isRevoked
    }
}

/// A device about to be enrolled.
public struct NewDevice: Sendable, Hashable {
    public var id: String
    public var replica: String
    public var label: String?
    public var tokenHash: [UInt8]

    public init(id: String, replica: String, label: String?, tokenHash: [UInt8]) {
        self.id = id
        self.replica = replica
        self.label = label
        self.tokenHash = tokenHash
    }
}

/// What the server needs to authenticate a device.
public struct DeviceCredential: Sendable, Hashable {
    public var id: String
    public var group: String
    public var tokenHash: [UInt8]
    public var isRevoked: Bool

    public init(id: String, group: String, tokenHash: [UInt8], isRevoked: Bool) {
        self.id = id
        self.group = group
        self.tokenHash = tokenHash
        self.isRevoked = isRevoked
    }
}

/// One stored version, as JSON text, with its sequence number.
public struct StoredChange: Sendable, Hashable {
    public var sequence: Int64
    /// The JSON of a `RecordVersion`, as stored.
    public var versionJSON: String

    public init(sequence: Int64, versionJSON: String) {
        self.sequence = sequence
        self.versionJSON = versionJSON
    }
}

/// A page of a group's changes.
public struct ChangesPage: Sendable, Hashable {
    public var changes: [StoredChange]
    /// Whether more changes follow the last one.
    public var hasMore: Bool

    public init(changes: [StoredChange], hasMore: Bool) {
        self.changes = changes
        self.hasMore = hasMore
    }
}
