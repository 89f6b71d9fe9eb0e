import VennHTTP

/// Why a sync, or enrolling a laptop, failed.
public struct SyncError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Hashable {
            case notEnrolled, unreachable, unauthorized, forbidden, invalidCode, schemaMismatch
            case rejectedRequest, serverError, badResponse, wrongGroup
        }

        private let value: Value

        /// The store has no server to sync with.
        public static let notEnrolled = Code(value: .notEnrolled)
        /// The server could not be reached, even after retries.
        public static let unreachable = Code(value: .unreachable)
        /// The server does not know this laptop's token, or it was revoked.
        public static let unauthorized = Code(value: .unauthorized)
        /// The token belongs to another group.
        public static let forbidden = Code(value: .forbidden)
        /// The enrollment code is unknown, used or expired.
        public static let invalidCode = Code(value: .invalidCode)
        /// Client and server use different schema versions.
        public static let schemaMismatch = Code(value: .schemaMismatch)
        /// The server refused a request as malformed (a bug on one side).
        public static let rejectedRequest = Code(value: .rejectedRequest)
        /// The server kept failing (5xx) after retries.
        public static let serverError = Code(value: .serverError)
        /// The server's answer could not be read.
        public static let badResponse = Code(value: .badResponse)
        /// The code enrolls into a different group than the one asked for.
        public static let wrongGroup = Code(value: .wrongGroup)

        public var description: String { "\(value)" }
    }

    public var code: Code
    /// Context for people: the server's message, a status, a transport
    /// failure. Never record values.
    public var detail: String

    public init(_ code: Code, detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? "sync error: \(code)" : "sync error: \(code) (\(detail))"
    }

    /// The error for a response the server refused.
    static func from(_ response: HTTPResponse) -> SyncError {
        let detail = ServerErrorBody.message(in: response)
        switch response.status {
        case 401: return SyncError(.unauthorized, detail: detail)
        case 403: return SyncError(.forbidden, detail: detail)
        case 409: return SyncError(.schemaMismatch, detail: detail)
        case 500...: return SyncError(.serverError, detail: "HTTP \(response.status): \(detail)")
        default: return SyncError(.rejectedRequest, detail: "HTTP \(response.status): \(detail)")
        }
    }
}

/// The server's error body: `{"error", "message", "details"}`.
enum ServerErrorBody {
    static func message(in response: HTTPResponse) -> String {
        struct Body: Decodable {
            var error: String?
            var message: String?
        }
        guard let body = try? JSONDecoder().decode(Body.self, from: response.body) else { return "" }
        return [body.error, body.message].compactMap { $0 }.joined(separator: ": ")
    }
}

import Foundation
