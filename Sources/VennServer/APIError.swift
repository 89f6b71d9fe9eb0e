import Foundation
import VennHTTP
import VennSchema

/// An error answer of the HTTP API: a status, a stable code, an English
/// sentence and details for programs.
///
/// Its body is `{"error": code, "message": sentence, "details": {...}}`.
struct APIError: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    var details: [String: JSONValue] = [:]
    var headers: [String: String] = [:]

    static func badRequest(_ message: String, details: [String: JSONValue] = [:]) -> APIError {
        APIError(status: 400, code: "bad_request", message: message, details: details)
    }

    static let unauthorized = APIError(
        status: 401,
        code: "unauthorized",
        message: "A valid device token is required (Authorization: Bearer TOKEN).",
        headers: ["WWW-Authenticate": "Bearer"]
    )

    static let forbidden = APIError(
        status: 403,
        code: "forbidden",
        message: "This device's token does not give access to that group."
    )

    static let notFound = APIError(status: 404, code: "not_found", message: "There is nothing at this address.")

    static func methodNotAllowed(allowed: [String]) -> APIError {
        APIError(
            status: 405,
            code: "method_not_allowed",
            message: "This address accepts only \(allowed.joined(separator: ", ")).",
            details: ["allowed": .array(allowed.map(JSONValue.string))],
            headers: ["Allow": allowed.joined(separator: ", ")]
        )
    }

    static func tooLarge(_ message: String, limit: Int) -> APIError {
        APIError(status: 413, code: "too_large", message: message, details: ["limit": .int(Int64(limit))])
    }

    /// The answer to a body that did not decode.
    static func decoding(_ error: any Error) -> APIError {
        guard let error = error as? DecodingError else {
            return APIError(status: 400, code: "malformed_json", message: "The body is not valid JSON.")
        }
        // Exhaustive over today's cases; a future case falls to the default.
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return APIError(status: 400, code: "malformed_json", message: "The body is not valid JSON.")
        case .dataCorrupted(let context):
            let path = keyPath(context.codingPath)
            return APIError(
                status: 400,
                code: "wrong_type",
                message: "The value at '\(path)' is not valid: \(context.debugDescription).",
                details: ["path": .string(path)]
            )
        case .typeMismatch(let type, let context):
            let path = keyPath(context.codingPath)
            return APIError(
                status: 400,
                code: "wrong_type",
                message: "The value at '\(path)' has the wrong type; expected \(typeName(type)).",
                details: ["path": .string(path), "expected": .string(typeName(type))]
            )
        case .valueNotFound(let type, let context):
            let path = keyPath(context.codingPath)
            return APIError(
                status: 400,
                code: "wrong_type",
                message: "The value at '\(path)' is null; expected \(typeName(type)).",
                details: ["path": .string(path), "expected": .string(typeName(type))]
            )
        case .keyNotFound(let key, let context):
            let path = keyPath(context.codingPath + [key])
            return APIError(
                status: 400,
                code: "wrong_type",
                message: "The key '\(path)' is missing.",
                details: ["path": .string(path)]
            )
        @unknown default:
            return APIError(status: 400, code: "malformed_json", message: "The body could not be read.")
        }
    }

    /// A coding path as `versions[3].vv`.
    static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "(root)" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is UInt64.Type, is UInt32.Type: "an integer"
        case is Double.Type: "a number"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    /// The error as an HTTP response.
    var response: HTTPResponse {
        HTTPResponse.json(status: status, body: body, headers: headers)
    }

    private var body: Data {
        let value: JSONValue = [
            "error": .string(code),
            "message": .string(message),
            "details": .object(details),
        ]
        return (try? JSONEncoder.api.encode(value)) ?? Data()
    }
}

extension JSONEncoder {
    /// The encoder for API bodies.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
