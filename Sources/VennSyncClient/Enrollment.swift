import Foundation
import VennSync
public import VennHTTP
public import VennStore

/// Enrolls a laptop's store with a sync server.
public enum Enrollment {
    /// What the server answered.
    public struct Result: Sendable, Hashable {
        public var group: String
        public var device: String
    }

    /// Redeems a one-time enrollment code for a device token and keeps the
    /// server's address and the token in the store. The token is never
    /// printed.
    ///
    /// - Throws: `SyncError` `.invalidCode`, `.wrongGroup` (the code is for
    ///   another group than the store's), `.unreachable`, ...
    @discardableResult
    public static func enroll(
        store: Store,
        server: String,
        code: String,
        label: String,
        retry: RetryPolicy = RetryPolicy()
    ) throws -> Result {
        struct Request: Encodable {
            var code: String
            var replica: String
            var label: String
        }
        struct Response: Decodable {
            var group: String
            var device: String
            var token: String
        }

        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        let client: HTTPClient
        do {
            client = try HTTPClient(configuration: HTTPClient.Configuration(baseURL: base))
        } catch {
            throw SyncError(.unreachable, detail: "\(error)")
        }
        let body = try JSONEncoder().encode(Request(code: code, replica: store.replica.rawValue, label: label))
        let request = HTTPRequest(
            method: "POST",
            path: "/v1/enroll",
            headers: ["content-type": "application/json"],
            body: body
        )

        let response: HTTPResponse
        do {
            response = try retry.run { try client.send(request) }
        } catch {
            throw SyncError(.unreachable, detail: "\(error)")
        }
        if response.status == 401 { throw SyncError(.invalidCode, detail: ServerErrorBody.message(in: response)) }
        guard response.status == 200 else { throw SyncError.from(response) }
        guard let answer = try? JSONDecoder().decode(Response.self, from: response.body) else {
            throw SyncError(.badResponse, detail: "enroll")
        }
        guard answer.group == store.group else {
            throw SyncError(.wrongGroup, detail: answer.group)
        }

        try store.setSyncState(Store.SyncStateKey.server, base)
        try store.setSyncState(Store.SyncStateKey.token, answer.token)
        try store.setSyncState(Store.SyncStateKey.device, answer.device)
        return Result(group: answer.group, device: answer.device)
    }
}
