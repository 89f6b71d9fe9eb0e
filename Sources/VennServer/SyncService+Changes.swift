import Foundation
import VennHTTP
import VennSchema

extension SyncService {
    /// `GET /v1/groups/{group}/changes?since=SEQ&limit=N`: the group's
    /// versions after a cursor, in sequence order.
    func changes(_ request: HTTPRequest, group: String, context: inout RequestContext) throws -> HTTPResponse {
        _ = try authenticate(request, group: group, context: &context)
        try checkSchemaVersion(request, isRequired: false)

        guard let sinceText = request.query["since"] else {
            throw APIError.badRequest("The query parameter 'since' is required.", details: ["parameter": "since"])
        }
        guard let since = Int64(sinceText), since >= 0 else {
            throw APIError.badRequest(
                "The query parameter 'since' must be a whole number, 0 or more.",
                details: ["parameter": "since"]
            )
        }
        var limit = limits.defaultChangesLimit
        if let limitText = request.query["limit"] {
            guard let asked = Int(limitText), asked >= 1 else {
                throw APIError.badRequest(
                    "The query parameter 'limit' must be a whole number, 1 or more.",
                    details: ["parameter": "limit"]
                )
            }
            limit = min(asked, limits.maxChangesLimit)
        }

        let page = try storage.changes(group: group, since: since, limit: limit, maxBytes: limits.maxChangesBytes)
        return .json(status: 200, body: Self.encode(page, since: since))
    }

    /// The page as a `Wire.ChangesResponse` body.
    ///
    /// The stored versions are JSON already, so they are spliced in as they
    /// are rather than decoded and encoded again.
    static func encode(_ page: ChangesPage, since: Int64) -> Data {
        var body = #"{"changes":["#
        body.reserveCapacity(page.changes.reduce(64) { $0 + $1.versionJSON.utf8.count + 32 })
        for (index, change) in page.changes.enumerated() {
            if index > 0 { body += "," }
            body += #"{"sequence":"#
            body += String(change.sequence)
            body += #","version":"#
            body += change.versionJSON
            body += "}"
        }
        let next = page.changes.last?.sequence ?? since
        body += #"],"next":\#(next),"hasMore":\#(page.hasMore)}"#
        return Data(body.utf8)
    }
}
