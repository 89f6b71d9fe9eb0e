import Foundation
import VennHTTP
import VennSchema
import VennSync

extension SyncService {
    /// The body of `POST /v1/enroll`.
    struct EnrollRequest: Decodable {
        var code: String
        var replica: String
        var label: String?
    }

    /// The answer to a redeemed code. The token is shown only here.
    struct EnrollResponse: Encodable {
        var group: String
        var device: String
        var token: String
        var schemaVersion: Int
    }

    /// `POST /v1/enroll`: redeems an enrollment code for a device token.
    func enroll(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try decodeBody(EnrollRequest.self, from: request, maxBytes: 64 << 10)
        guard ReplicaID(body.replica) != nil else {
            throw APIError.badRequest(
                "The replica id must be 1 to 32 characters a-z and 0-9.",
                details: ["path": "replica"]
            )
        }
        if let label = body.label, label.count > 200 {
            throw APIError.badRequest("The label may have at most 200 characters.", details: ["path": "label"])
        }

        let token = Secrets.makeToken()
        let device = NewDevice(
            id: UUID().uuidString.lowercased(),
            replica: body.replica,
            label: body.label,
            tokenHash: Secrets.hash(token)
        )
        let codeHash = Secrets.hash(Secrets.normalizedCode(body.code))
        guard let group = try storage.redeemEnrollmentCode(codeHash: codeHash, device: device, now: now()) else {
            throw APIError(
                status: 401,
                code: "invalid_code",
                message: "The enrollment code is unknown, expired or already used; ask the administrator for a new one."
            )
        }

        let answer = EnrollResponse(group: group, device: device.id, token: token, schemaVersion: schemas.version)
        return .json(status: 200, body: try JSONEncoder.api.encode(answer))
    }
}
