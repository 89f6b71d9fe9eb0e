public import Foundation
public import VennSchema

/// Reading record versions from parsed JSON, in the same layout as their
/// `Codable` form, without `Decodable`'s cost per value.
extension RecordVersion {
    /// Why a JSON value is not a record version.
    public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String

        public var description: String { "not a record version: \(reason)" }
    }

    /// Reads a version from its JSON form: `{"c", "id", "vv", "del"?, "f"?}`.
    public init(json: JSONValue) throws(FormatError) {
        guard case .object(let members) = json else { throw FormatError(reason: "expected an object") }
        guard let collection = members["c"]?.stringValue, let id = members["id"]?.stringValue else {
            throw FormatError(reason: "collection and id are required")
        }
        guard case .object(let vector)? = members["vv"] else { throw FormatError(reason: "vv must be an object") }
        var counters: [ReplicaID: UInt64] = [:]
        for (key, value) in vector {
            guard let replica = ReplicaID(key), let counter = value.intValue, counter >= 0 else {
                throw FormatError(reason: "vv holds a bad entry")
            }
            counters[replica] = UInt64(counter)
        }

        var fields: [String: FieldState] = [:]
        if case .object(let encoded)? = members["f"] {
            for (name, list) in encoded {
                guard case .array(let items) = list, !items.isEmpty else {
                    throw FormatError(reason: "field \(name) has no writes")
                }
                var writes: [FieldWrite] = []
                writes.reserveCapacity(items.count)
                for item in items {
                    guard case .array(let parts) = item, parts.count == 4, let text = parts[0].stringValue,
                        let replica = ReplicaID(text), let counter = parts[1].intValue, counter > 0,
                        let time = parts[2].intValue, time >= 0
                    else { throw FormatError(reason: "field \(name) holds a bad write") }
                    writes.append(FieldWrite(
                        dot: Dot(replica: replica, counter: UInt64(counter)),
                        time: Timestamp(rawValue: UInt64(time)),
                        value: parts[3]
                    ))
                }
                guard Set(writes.map(\.dot)).count == writes.count else {
                    throw FormatError(reason: "field \(name) repeats a write")
                }
                fields[name] = FieldState(writes: writes)
            }
        }
        self.init(
            collection: collection,
            id: id,
            versionVector: VersionVector(counters),
            isDeleted: members["del"]?.boolValue ?? false,
            fields: fields
        )
    }
}

extension Wire.ChangesResponse {
    /// Reads a changes page from its JSON text.
    ///
    /// - Throws: `JSONParseError` or `RecordVersion.FormatError`.
    public init(parsing data: Data) throws {
        guard case .object(let members) = try JSONValue(parsing: data),
            case .array(let items)? = members["changes"], let next = members["next"]?.intValue
        else { throw RecordVersion.FormatError(reason: "not a changes page") }
        var changes: [Change] = []
        changes.reserveCapacity(items.count)
        for item in items {
            guard let sequence = item["sequence"]?.intValue, let version = item["version"] else {
                throw RecordVersion.FormatError(reason: "a change needs a sequence and a version")
            }
            changes.append(Change(sequence: sequence, version: try RecordVersion(json: version)))
        }
        self.init(changes: changes, next: next, hasMore: members["hasMore"]?.boolValue ?? false)
    }
}
