public import Foundation

/// What an administrator does on the server: create groups, hand out
/// enrollment codes, list and revoke devices.
///
/// ```swift
/// let admin = ServerAdmin(storage: storage)
/// try admin.createGroup(id: "askvoll", name: "Aktivitetsvenn Askvoll", municipality: "4645")
/// let code = try admin.createEnrollmentCode(group: "askvoll")  // e.g. "7KQ2-M9XD-4T8B"
/// ```
public struct ServerAdmin: Sendable {
    /// The storage the operations act on.
    public let storage: any ServerStorage
    private let now: @Sendable () -> Date

    /// Makes the administrator's operations over `storage`.
    ///
    /// - Parameters:
    ///   - storage: Where groups, codes and devices live.
    ///   - now: The clock; tests inject their own.
    public init(storage: any ServerStorage, now: @escaping @Sendable () -> Date = { Date() }) {
        self.storage = storage
        self.now = now
    }

    /// Creates a working group.
    ///
    /// - Parameters:
    ///   - id: 1 to 64 characters of `a-z`, `0-9` and `-`, starting with a
    ///     letter or digit; it appears in URLs.
    ///   - name: The group's name, not empty.
    ///   - municipality: The municipality number, four digits.
    /// - Returns: The new group.
    /// - Throws: `ServerError` `.invalidArgument` for a malformed argument,
    ///   `.groupExists` when the id is taken.
    @discardableResult
    public func createGroup(id: String, name: String, municipality: String) throws -> GroupInfo {
        guard Self.isValidGroupID(id) else {
            throw ServerError(
                code: .invalidArgument,
                message: "A group id has 1 to 64 characters a-z, 0-9 and '-', and starts with a letter or digit."
            )
        }
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ServerError(code: .invalidArgument, message: "A group needs a name.")
        }
        guard municipality.utf8.count == 4, municipality.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw ServerError(code: .invalidArgument, message: "A municipality number has four digits, e.g. 4645.")
        }
        let group = GroupInfo(id: id, name: name, municipality: municipality, created: now())
        try storage.createGroup(group)
        return group
    }

    /// Creates a single-use enrollment code for a group.
    ///
    /// The code is shown once; the server keeps only its hash.
    ///
    /// - Parameters:
    ///   - group: The group the code enrolls into.
    ///   - validFor: How long the code can be redeemed; seven days by default.
    /// - Returns: The code, as `XXXX-XXXX-XXXX`.
    /// - Throws: `ServerError` `.groupNotFound` for an unknown group.
    public func createEnrollmentCode(group: String, validFor: Duration = .seconds(7 * 24 * 3600)) throws -> String {
        let code = Secrets.makeEnrollmentCode()
        let seconds = Double(validFor.components.seconds) + Double(validFor.components.attoseconds) / 1e18
        try storage.addEnrollmentCode(
            hash: Secrets.hash(Secrets.normalizedCode(code)),
            group: group,
            expires: now().addingTimeInterval(seconds)
        )
        return code
    }

    /// The devices enrolled in a group, oldest first.
    ///
    /// - Throws: `ServerError` `.groupNotFound` for an unknown group.
    public func devices(group: String) throws -> [DeviceInfo] {
        guard try storage.group(id: group) != nil else {
            throw ServerError(code: .groupNotFound, message: "No group has the id '\(group)'.")
        }
        return try storage.devices(group: group)
    }

    /// Revokes a device: its token is refused from the next request on.
    ///
    /// - Throws: `ServerError` `.deviceNotFound` for an unknown device.
    public func revokeDevice(id: String) throws {
        try storage.revokeDevice(id: id)
    }

    /// Whether `id` is a well-formed group id.
    static func isValidGroupID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count), bytes[0] != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
    }
}
