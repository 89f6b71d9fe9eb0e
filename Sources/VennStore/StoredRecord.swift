import Foundation
import VennSchema
import VennSync

/// How a record version is laid out in the store's `records` table.
///
/// The resolved values go in `fields` as plain JSON, so reading a record
/// needs no merge logic. The sync metadata goes in `clock`, kept small since
/// most fields of a record share the write event that created it:
///
/// ```
/// [[replica, counter, time], [replica, counter, time, "field", ...], ...]
/// ```
///
/// The first event holds every field not listed by a later one. A field
/// with concurrent writes still undecided by a person is listed in
/// `concurrent` with each write in full: `{"field": [[replica, counter,
/// time, value], ...]}`.
struct StoredRecord {
    var fields: String
    var clock: String
    var concurrent: String?
    var versionVector: String

    init(version: RecordVersion, policy: MergePolicy) {
        let values = version.values(under: policy)
        fields = JSONValue.object(values).canonicalText
        versionVector = Self.encode(version.versionVector)

        // Group single-write fields by their write event.
        var events: [FieldWrite: [String]] = [:]
        var concurrentWrites: [String: JSONValue] = [:]
        for (name, state) in version.fields {
            if state.writes.count == 1 {
                var event = state.writes[0]
                event.value = .null
                events[event, default: []].append(name)
            } else {
                concurrentWrites[name] = .array(state.writes.map(Self.encodeFull))
            }
        }
        // The event with the most fields goes first, since its fields are not listed.
        let ordered = events.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key.dot < $1.key.dot
        }
        var clockArray: [JSONValue] = []
        for (index, (event, names)) in ordered.enumerated() {
            var entry = Self.encodeEvent(event)
            if index > 0 { entry += names.sorted().map(JSONValue.string) }
            clockArray.append(.array(entry))
        }
        clock = JSONValue.array(clockArray).canonicalText
        concurrent = concurrentWrites.isEmpty ? nil : JSONValue.object(concurrentWrites).canonicalText
    }

    init(fields: String, clock: String, concurrent: String?, versionVector: String) {
        self.fields = fields
        self.clock = clock
        self.concurrent = concurrent
        self.versionVector = versionVector
    }

    /// Rebuilds the version.
    ///
    /// - Throws: `StoreError` with code `.corrupt` when the text does not
    ///   hold what this type writes.
    func version(collection: String, id: String, isDeleted: Bool) throws -> RecordVersion {
        let corrupt = StoreError(.corrupt, detail: "\(collection)/\(id)")
        guard case .object(let values) = try JSONValue(parsing: fields),
            case .array(let events) = try JSONValue(parsing: clock),
            case .object(let vector) = try JSONValue(parsing: versionVector)
        else { throw corrupt }

        var counters: [ReplicaID: UInt64] = [:]
        for (key, value) in vector {
            guard let replica = ReplicaID(key), let counter = value.intValue else { throw corrupt }
            counters[replica] = UInt64(counter)
        }

        var states: [String: FieldState] = [:]
        var owner: [String: FieldWrite] = [:]
        for (index, event) in events.enumerated() {
            guard case .array(let parts) = event, parts.count >= 3, let write = Self.decodeEvent(parts) else {
                throw corrupt
            }
            if index == 0 {
                for name in values.keys { owner[name] = write }
            } else {
                for part in parts.dropFirst(3) {
                    guard let name = part.stringValue else { throw corrupt }
                    owner[name] = write
                }
            }
        }
        for (name, write) in owner {
            guard let value = values[name] else { continue }
            states[name] = FieldState(FieldWrite(dot: write.dot, time: write.time, value: value))
        }
        if let concurrent {
            guard case .object(let members) = try JSONValue(parsing: concurrent) else { throw corrupt }
            for (name, list) in members {
                guard case .array(let items) = list else { throw corrupt }
                let writes = try items.map { item -> FieldWrite in
                    guard case .array(let parts) = item, parts.count == 4, var write = Self.decodeEvent(parts) else {
                        throw corrupt
                    }
                    write.value = parts[3]
                    return write
                }
                guard !writes.isEmpty else { throw corrupt }
                states[name] = FieldState(writes: writes)
            }
        }
        return RecordVersion(
            collection: collection,
            id: id,
            versionVector: VersionVector(counters),
            isDeleted: isDeleted,
            fields: states
        )
    }

    // MARK: - Pieces

    static func encode(_ vector: VersionVector) -> String {
        JSONValue.object(
            Dictionary(uniqueKeysWithValues: vector.counters.map { ($0.key.rawValue, JSONValue.int(Int64($0.value))) })
        ).canonicalText
    }

    private static func encodeEvent(_ write: FieldWrite) -> [JSONValue] {
        [
            .string(write.dot.replica.rawValue),
            .int(Int64(write.dot.counter)),
            .int(Int64(bitPattern: write.time.rawValue)),
        ]
    }

    private static func encodeFull(_ write: FieldWrite) -> JSONValue {
        .array(encodeEvent(write) + [write.value])
    }

    private static func decodeEvent(_ parts: [JSONValue]) -> FieldWrite? {
        guard let text = parts[0].stringValue, let replica = ReplicaID(text),
            let counter = parts[1].intValue, counter > 0, let time = parts[2].intValue
        else { return nil }
        return FieldWrite(
            dot: Dot(replica: replica, counter: UInt64(counter)),
            time: Timestamp(rawValue: UInt64(bitPattern: time)),
            value: .null
        )
    }
}
