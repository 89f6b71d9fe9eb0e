import VennSchema

/// The result of merging two versions of one record.
public struct MergeResult: Sendable, Hashable {
    /// Which input the result equals, if either.
    public enum Outcome: Sendable, Hashable {
        /// Both inputs were the same version.
        case unchanged
        /// The result is the left input (the right one adds nothing).
        case keptLeft
        /// The result is the right input (the left one adds nothing).
        case tookRight
        /// The result combines writes from both.
        case merged
    }

    public var version: RecordVersion
    public var outcome: Outcome
    /// An entry for each field whose concurrent writes a rule decided in this
    /// merge. Empty when nothing was concurrent.
    public var conflicts: [ConflictEntry]
}

extension RecordVersion {
    /// Merges two versions of one record.
    ///
    /// A version whose vector dominates the other's is taken whole: a
    /// causally later write wins whatever the clocks say. Concurrent versions
    /// are joined field by field: a write survives unless the other side has
    /// seen it (its vector includes the write's dot) without keeping it, and
    /// the field's rule decides the value among the survivors. The merged
    /// vector is the pointwise maximum. A deletion on either side wins.
    ///
    /// The join is commutative, associative and idempotent, so replicas that
    /// merge the same versions in any order hold the same version.
    ///
    /// - Precondition: both versions are of the same record.
    public func merged(with other: RecordVersion, policy: MergePolicy) -> MergeResult {
        precondition(collection == other.collection && id == other.id, "merging versions of different records")

        switch versionVector.compare(to: other.versionVector) {
        case .equal where self == other:
            return MergeResult(version: self, outcome: .unchanged, conflicts: [])
        case .dominates:
            return MergeResult(version: self, outcome: .keptLeft, conflicts: [])
        case .dominated:
            return MergeResult(version: other, outcome: .tookRight, conflicts: [])
        case .equal, .concurrent:
            break
        }

        var result = RecordVersion(
            collection: collection,
            id: id,
            versionVector: versionVector.merging(other.versionVector),
            isDeleted: isDeleted || other.isDeleted
        )
        var conflicts: [ConflictEntry] = []
        if !result.isDeleted {
            for name in Set(fields.keys).union(other.fields.keys) {
                let mine = fields[name]
                let theirs = other.fields[name]
                guard let joined = Self.join(mine, versionVector, theirs, other.versionVector) else { continue }
                result.fields[name] = joined
                if joined.isConflicted, joined != mine, joined != theirs {
                    let rule = policy.rule(collection: collection, field: name)
                    conflicts.append(
                        ConflictEntry(collection: collection, recordID: id, field: name, state: joined, rule: rule)
                    )
                }
            }
        }

        let outcome: MergeResult.Outcome =
            result == self ? .keptLeft : result == other ? .tookRight : .merged
        conflicts.sort { $0.id < $1.id }
        return MergeResult(version: result, outcome: outcome, conflicts: conflicts)
    }

    /// Joins one field's surviving writes from two versions.
    private static func join(
        _ mine: FieldState?,
        _ myVector: VersionVector,
        _ theirs: FieldState?,
        _ theirVector: VersionVector
    ) -> FieldState? {
        let myWrites = mine?.writes ?? []
        let theirWrites = theirs?.writes ?? []
        let myDots = Set(myWrites.map(\.dot))
        let theirDots = Set(theirWrites.map(\.dot))

        var survivors = myWrites.filter { theirDots.contains($0.dot) || !theirVector.includes($0.dot) }
        survivors += theirWrites.filter { !myDots.contains($0.dot) && !myVector.includes($0.dot) }
        return survivors.isEmpty ? nil : FieldState(writes: survivors)
    }
}
