import Foundation
public import VennHTTP
public import VennStore
import VennSchema
import VennSync

/// Syncs one store with its server: push the outbox, then pull changes,
/// until both are empty.
///
/// - Note: Not `Sendable`: it holds the store and an HTTP client, each with
///   one owner.
public final class SyncClient {
    /// Counts for a progress display and the closing summary.
    public struct Progress: Sendable, Hashable {
        public var pushed = 0
        public var pulled = 0
        public var merged = 0
        public var rejected = 0
        public var bytesSent = 0
        public var bytesReceived = 0
        public var elapsed: Duration = .zero
    }

    /// Sizes of one round.
    public struct Limits: Sendable {
        public var pushBatch = 500
        public var pullBatch = 2_000

        public init(pushBatch: Int = 500, pullBatch: Int = 2_000) {
            self.pushBatch = pushBatch
            self.pullBatch = pullBatch
        }
    }

    private let store: Store
    private let client: HTTPClient
    private let token: String
    private let retry: RetryPolicy
    private let limits: Limits
    private let clock = ContinuousClock()

    /// A client for a store enrolled with a server.
    ///
    /// - Throws: `SyncError` `.notEnrolled` when the store has no server.
    public init(
        store: Store,
        retry: RetryPolicy = RetryPolicy(),
        limits: Limits = Limits(),
        configure: (inout HTTPClient.Configuration) -> Void = { _ in }
    ) throws {
        guard let server = try store.syncState(Store.SyncStateKey.server),
            let token = try store.syncState(Store.SyncStateKey.token)
        else { throw SyncError(.notEnrolled) }
        var configuration = HTTPClient.Configuration(baseURL: server)
        configure(&configuration)
        do {
            client = try HTTPClient(configuration: configuration)
        } catch {
            throw SyncError(.unreachable, detail: "\(error)")
        }
        self.store = store
        self.token = token
        self.retry = retry
        self.limits = limits
    }

    /// Runs push and pull rounds until nothing is left to send or fetch.
    ///
    /// Each pulled batch is applied together with its cursor, so a broken
    /// link loses at most one batch; the next run resumes there.
    ///
    /// - Parameter progress: Called after each batch.
    public func sync(progress: (Progress) -> Void = { _ in }) throws -> Progress {
        let start = clock.now
        var totals = Progress()
        while true {
            let pushed = try pushRound(&totals)
            var pulled = 0
            var hasMore = true
            while hasMore {
                let round = try pullRound(&totals)
                pulled += round.count
                hasMore = round.hasMore
                totals.elapsed = clock.now - start
                progress(totals)
            }
            totals.elapsed = clock.now - start
            progress(totals)
            if pushed == 0 && pulled == 0 { break }
        }
        try store.setSyncState(Store.SyncStateKey.lastSync, String(store.options.wallClock()))
        return totals
    }

    // MARK: - Push

    /// Pushes one batch of the outbox; returns how many versions were sent.
    private func pushRound(_ totals: inout Progress) throws -> Int {
        let versions = try store.pendingVersions(limit: limits.pushBatch)
        guard !versions.isEmpty else { return 0 }

        let request = Wire.PushRequest(replica: store.replica, schemaVersion: store.schemas.version, versions: versions)
        let body = try JSONEncoder().encode(request)
        let response = try send(HTTPRequest(method: "POST", path: "/v1/groups/\(store.group)/push", body: body),
                                &totals)
        let answer: Wire.PushResponse
        do {
            answer = try JSONDecoder().decode(Wire.PushResponse.self, from: response.body)
        } catch {
            throw SyncError(.badResponse, detail: "push: \(error)")
        }
        guard answer.results.count == versions.count else {
            let detail = "push: \(answer.results.count) results for \(versions.count) versions"
            throw SyncError(.badResponse, detail: detail)
        }

        var held: [RecordVersion] = []
        var mergedVersions: [RecordVersion] = []
        for (version, result) in zip(versions, answer.results) {
            switch result.outcome {
            case .accepted, .stale:
                held.append(version)
            case .merged:
                if let merged = result.version {
                    mergedVersions.append(merged)
                    held.append(merged)
                }
            case .rejected:
                try store.recordRejection(version, issues: result.issues ?? [])
                totals.rejected += 1
            }
        }
        if !mergedVersions.isEmpty {
            _ = try store.applyRemote(mergedVersions)
            totals.merged += mergedVersions.count
        }
        try store.acknowledge(held)
        totals.pushed += versions.count
        return versions.count
    }

    // MARK: - Pull

    private func pullRound(_ totals: inout Progress) throws -> (count: Int, hasMore: Bool) {
        let cursor = try store.syncCursor()
        let request = HTTPRequest(
            method: "GET",
            path: "/v1/groups/\(store.group)/changes",
            query: ["since": String(cursor), "limit": String(limits.pullBatch)]
        )
        let response = try send(request, &totals)
        let answer: Wire.ChangesResponse
        do {
            answer = try Wire.ChangesResponse(parsing: response.body)
        } catch {
            throw SyncError(.badResponse, detail: "changes: \(error)")
        }
        guard answer.next >= cursor else {
            throw SyncError(.badResponse, detail: "changes: the cursor went back")
        }
        if !answer.changes.isEmpty || answer.next != cursor {
            _ = try store.applyPulled(answer.changes.map(\.version), cursor: answer.next)
        }
        totals.pulled += answer.changes.count
        return (answer.changes.count, answer.hasMore && !answer.changes.isEmpty)
    }

    // MARK: - Transport

    private func send(_ request: HTTPRequest, _ totals: inout Progress) throws -> HTTPResponse {
        var request = request
        request.headers["authorization"] = "Bearer " + token
        request.headers["venn-schema-version"] = String(store.schemas.version)
        request.headers["content-type"] = "application/json"

        let response: HTTPResponse
        do {
            response = try retry.run { try client.send(request) }
        } catch {
            throw SyncError(.unreachable, detail: "\(error)")
        }
        let statistics = client.lastStatistics
        totals.bytesSent += statistics.bytesSent
        totals.bytesReceived += statistics.bytesReceived
        guard (200..<300).contains(response.status) else { throw SyncError.from(response) }
        return response
    }
}
