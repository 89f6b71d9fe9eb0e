import Foundation
import VennHTTP
import VennSchema
import VennSync

extension SyncService {
    /// `POST /v1/groups/{group}/push`: stores a batch of versions in one
    /// transaction and says what became of each.
    func push(_ request: HTTPRequest, group: String, context: inout RequestContext) throws -> HTTPResponse {
        _ = try authenticate(request, group: group, context: &context)
        try checkSchemaVersion(request, isRequired: true)

        let batch = try decodeBody(Wire.PushRequest.self, from: request, maxBytes: limits.maxBodyBytes)
        try checkSchemaVersion(batch.schemaVersion)
        guard batch.versions.count <= limits.maxBatchVersions else {
            throw APIError.tooLarge(
                "A push may carry at most \(limits.maxBatchVersions) versions; send the rest in another batch.",
                limit: limits.maxBatchVersions
            )
        }

        let results = try apply(batch.versions, group: group)
        return .json(status: 200, body: try JSONEncoder.api.encode(Wire.PushResponse(results: results)))
    }

    /// Stores `versions` in `group`, all in one transaction.
    ///
    /// Each version is checked against its schema first, outside the
    /// transaction; then, under the group's lock, it is compared with the
    /// stored version: new or newer is stored, older or equal is stale,
    /// concurrent is merged, and every conflict the merge decided is added
    /// to the group's conflict ledger.
    func apply(_ versions: [RecordVersion], group: String) throws -> [Wire.PushResult] {
        let issues = versions.map(issues(of:))

        return try storage.withGroupTransaction(group: group) { transaction in
            var results: [Wire.PushResult] = []
            results.reserveCapacity(versions.count)
            for (pushed, found) in zip(versions, issues) {
                guard found.isEmpty else {
                    results.append(
                        Wire.PushResult(
                            collection: pushed.collection,
                            id: pushed.id,
                            outcome: .rejected,
                            issues: found
                        )
                    )
                    continue
                }
                results.append(try apply(pushed, in: transaction))
            }
            return results
        }
    }

    /// Stores one valid version, merging it with the stored one.
    private func apply(_ pushed: RecordVersion, in transaction: any GroupTransaction) throws -> Wire.PushResult {
        guard let stored = try transaction.version(collection: pushed.collection, id: pushed.id) else {
            try transaction.store(pushed)
            return Wire.PushResult(collection: pushed.collection, id: pushed.id, outcome: .accepted)
        }

        let merge = stored.merged(with: pushed, policy: policy)
        switch merge.outcome {
        case .unchanged, .keptLeft:
            return Wire.PushResult(collection: pushed.collection, id: pushed.id, outcome: .stale)
        case .tookRight:
            try transaction.store(merge.version)
            return Wire.PushResult(collection: pushed.collection, id: pushed.id, outcome: .accepted)
        case .merged:
            try transaction.store(merge.version)
            for entry in merge.conflicts {
                try addToLedger(entry, after: merge.version.latestTime, in: transaction)
            }
            return Wire.PushResult(
                collection: pushed.collection,
                id: pushed.id,
                outcome: .merged,
                version: merge.version
            )
        }
    }

    /// Writes a conflict entry as a record of the ledger collection, with a
    /// write of the server's own replica, unless the entry is there already.
    private func addToLedger(
        _ entry: ConflictEntry,
        after time: Timestamp,
        in transaction: any GroupTransaction
    ) throws {
        guard try transaction.version(collection: ConflictEntry.collection, id: entry.id) == nil else { return }

        // The server's clock moves past the writes it saw, like any replica's.
        let wallClock = UInt64(max(0, (now().timeIntervalSince1970 * 1000).rounded(.down)))
        let event = try transaction.nextServerEvent(wallClock: max(wallClock, time.milliseconds))
        let record = RecordVersion(collection: ConflictEntry.collection, id: entry.id)
            .writing(entry.recordFields, dot: event.dot, time: event.time)
        try transaction.store(record)
    }

    /// Why a pushed version cannot be stored; empty when it can.
    private func issues(of version: RecordVersion) -> [ValidationIssue] {
        guard schemas.collection(named: version.collection) != nil else {
            return [issue(version, pointer: "", expected: .knownCollection)]
        }
        guard !version.id.isEmpty, version.id.utf8.count <= 128 else {
            return [issue(version, pointer: "/id", expected: .maxLength(128))]
        }
        if version.isDeleted { return [] }
        return schemas.validate(collection: version.collection, id: version.id, fields: version.values(under: policy))
    }

    private func issue(
        _ version: RecordVersion,
        pointer: String,
        expected: ValidationIssue.Expectation
    ) -> ValidationIssue {
        ValidationIssue(collection: version.collection, id: version.id, pointer: pointer, expected: expected)
    }
}
