public import VennSchema

/// One version of one record with everything needed to merge it: its version
/// vector, and each field's surviving writes.
public struct RecordVersion: Sendable, Hashable {
    public var collection: String
    public var id: String
    public var versionVector: VersionVector
    /// Whether the record is deleted. A tombstone keeps no fields.
    public var isDeleted: Bool
    public var fields: [String: FieldState]

    public init(
        collection: String,
        id: String,
        versionVector: VersionVector = VersionVector(),
        isDeleted: Bool = false,
        fields: [String: FieldState] = [:]
    ) {
        self.collection = collection
        self.id = id
        self.versionVector = versionVector
        self.isDeleted = isDeleted
        self.fields = isDeleted ? [:] : fields
    }

    /// The fields' values under `policy`.
    public func values(under policy: MergePolicy) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        values.reserveCapacity(fields.count)
        for (name, state) in fields {
            values[name] = state.value(under: policy.rule(collection: collection, field: name))
        }
        return values
    }

    /// The greatest hybrid logical time of any write this version holds.
    public var latestTime: Timestamp {
        fields.values.map(\.latestTime).max() ?? .zero
    }

    // MARK: - Local writes

    /// This version with `changes` written as one write event.
    ///
    /// Each changed field's earlier writes are overwritten: the new version
    /// vector includes them, so no merge will bring them back.
    ///
    /// - Precondition: the record is not deleted, and `dot` is newer than
    ///   every write of its replica that this version includes.
    public func writing(_ changes: [String: JSONValue], dot: Dot, time: Timestamp) -> RecordVersion {
        precondition(!isDeleted, "a deleted record is never edited")
        var next = self
        next.versionVector.record(dot)
        for (name, value) in changes {
            next.fields[name] = FieldState(FieldWrite(dot: dot, time: time, value: value))
        }
        return next
    }

    /// This version deleted by the write event `dot`: a tombstone.
    public func deleting(dot: Dot) -> RecordVersion {
        var next = self
        next.versionVector.record(dot)
        next.isDeleted = true
        next.fields = [:]
        return next
    }
}

// MARK: - Codable

extension RecordVersion: Codable {
    private enum CodingKeys: String, CodingKey {
        case collection = "c"
        case id
        case versionVector = "vv"
        case isDeleted = "del"
        case fields = "f"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            collection: try container.decode(String.self, forKey: .collection),
            id: try container.decode(String.self, forKey: .id),
            versionVector: try container.decode(VersionVector.self, forKey: .versionVector),
            isDeleted: try container.decodeIfPresent(Bool.self, forKey: .isDeleted) ?? false,
            fields: try container.decodeIfPresent([String: FieldState].self, forKey: .fields) ?? [:]
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(collection, forKey: .collection)
        try container.encode(id, forKey: .id)
        try container.encode(versionVector, forKey: .versionVector)
        if isDeleted {
            try container.encode(true, forKey: .isDeleted)
        } else {
            try container.encode(fields, forKey: .fields)
        }
    }
}
