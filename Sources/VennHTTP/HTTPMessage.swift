public import Foundation

/// An HTTP request as the server's handler sees it.
///
/// The body is already decompressed when it came gzipped.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query, e.g. `/v1/groups/askvoll/push`.
    public var path: String
    /// Query parameters, decoded.
    public var query: [String: String]
    /// Header fields with lowercased names.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response from the server's handler.
///
/// The server compresses the body with gzip when the client accepts it.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields; `Content-Type` defaults to `application/json`.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
