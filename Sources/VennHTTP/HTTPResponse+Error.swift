import Foundation

extension HTTPResponse {
    /// Makes a JSON error response in the shape every Venn endpoint uses.
    ///
    /// The body reads
    /// `{"error": "<code>", "message": "<English sentence>", "details": {...}}`.
    ///
    /// - Parameters:
    ///   - status: The HTTP status code, 4xx or 5xx.
    ///   - code: A stable machine-readable code such as `bad_gzip`.
    ///   - message: An English sentence for people; no personal data.
    ///   - details: Extra JSON values (strings, numbers, booleans, arrays and
    ///     dictionaries of them).
    /// - Returns: A response with `Content-Type: application/json`.
    public static func error(
        status: Int,
        code: String,
        message: String,
        details: [String: any Sendable] = [:]
    ) -> HTTPResponse {
        let object: [String: Any] = ["error": code, "message": message, "details": details]
        let body: Data
        if JSONSerialization.isValidJSONObject(object),
           let encoded = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            body = encoded
        } else {
            // Details that are not JSON values are a programmer error; keep the code and message.
            let fallback: [String: Any] = ["error": code, "message": message, "details": [String: Any]()]
            body = (try? JSONSerialization.data(withJSONObject: fallback, options: [.sortedKeys])) ?? Data()
        }
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }
}
