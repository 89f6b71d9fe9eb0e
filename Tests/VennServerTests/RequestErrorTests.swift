import Foundation
import Testing
import VennHTTP
import VennSchema
@testable import VennServer
import VennSync

struct RequestErrorTests {
    /// A push body, its expected status and error code.
    struct BadBody: Sendable, CustomStringConvertible {
        var description: String
        var body: String
        var status: Int
        var code: String
        var path: String?
    }

    /// A push body around one version's JSON.
    static func batch(_ version: String) -> String {
        #"{"replica": "laptop", "schemaVersion": 1, "versions": ["# + version + "]}"
    }

    static let badBodies: [BadBody] = [
        BadBody(description: "not JSON", body: "{\"replica\": ", status: 400, code: "malformed_json"),
        BadBody(description: "empty", body: "", status: 400, code: "malformed_json"),
        BadBody(
            description: "replica is a number",
            body: #"{"replica": 5, "schemaVersion": 1, "versions": []}"#,
            status: 400, code: "wrong_type", path: "replica"
        ),
        BadBody(
            description: "versions missing",
            body: #"{"replica": "laptop", "schemaVersion": 1}"#,
            status: 400, code: "wrong_type", path: "versions"
        ),
        BadBody(
            description: "vv counter is text",
            body: batch(#"{"c": "a", "id": "x", "vv": {"laptop": "1"}}"#),
            status: 400, code: "wrong_type", path: "versions[0].vv.laptop"
        ),
        BadBody(
            description: "field write is an object",
            body: batch(#"{"c": "a", "id": "x", "vv": {}, "f": {"code": {}}}"#),
            status: 400, code: "wrong_type", path: "versions[0].f.code"
        ),
        BadBody(
            description: "field without writes",
            body: batch(#"{"c": "a", "id": "x", "vv": {}, "f": {"code": []}}"#),
            status: 400, code: "wrong_type", path: "versions[0].f.code"
        ),
        BadBody(
            description: "replica id with capitals",
            body: batch(#"{"c": "a", "id": "x", "vv": {"Laptop": 1}}"#),
            status: 400, code: "wrong_type", path: "versions[0].vv"
        ),
    ]

    @Test(arguments: badBodies)
    func aBadPushBodyIsAnsweredWithItsKeyPathAndStoresNothing(bad: BadBody) throws {
        let server = try ServerFixture()
        let device = try server.enroll()

        let response = server.service.handle(server.rawPushRequest(Data(bad.body.utf8), token: device.token))

        #expect(response.status == bad.status)
        let error = try ErrorBody(response)
        #expect(error.error == bad.code)
        #expect(!error.message.isEmpty)
        if let path = bad.path {
            #expect(error.details["path"] == .string(path))
        }
        #expect(try server.storedChanges().isEmpty)
    }

    @Test(arguments: [("999", 409), ("0", 409), (nil, 400), ("one", 400)] as [(String?, Int)])
    func aPushWithTheWrongSchemaVersionHeaderIsRefused(header: String?, status: Int) throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        var request = try server.pushRequest([ServerFixture.activityType(by: device.replica)], token: device.token)
        request.headers["venn-schema-version"] = header

        let response = server.service.handle(request)

        #expect(response.status == status)
        if status == 409 {
            let error = try ErrorBody(response)
            #expect(error.error == "schema_version_mismatch")
            #expect(error.details["client"] == .int(Int64(header.flatMap(Int64.init) ?? -1)))
            #expect(error.details["server"] == .int(Int64(SchemaSet.embedded.version)))
        }
        #expect(try server.storedChanges().isEmpty)
    }

    @Test func aBodySchemaVersionThatDiffersIsAMismatch() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        var request = try server.pushRequest(
            [ServerFixture.activityType(by: device.replica)],
            token: device.token,
            schemaVersion: SchemaSet.embedded.version + 1
        )
        request.headers["venn-schema-version"] = String(SchemaSet.embedded.version)

        let response = server.service.handle(request)

        #expect(response.status == 409)
        #expect(try server.storedChanges().isEmpty)
    }

    @Test func aPullWithAMismatchedSchemaVersionIsRefused() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        var request = server.changesRequest(token: device.token)
        request.headers["venn-schema-version"] = "999"

        #expect(server.service.handle(request).status == 409)
    }

    @Test func aBatchOverTheVersionLimitIsTooLarge() throws {
        let server = try ServerFixture(limits: SyncService.Limits(maxBatchVersions: 3))
        let device = try server.enroll()
        let batch = (0..<4).map { _ in ServerFixture.activityType(by: device.replica) }

        let response = server.service.handle(try server.pushRequest(batch, token: device.token))

        #expect(response.status == 413)
        #expect(try ErrorBody(response).error == "too_large")
        #expect(try ErrorBody(response).details["limit"] == 3)
        #expect(try server.storedChanges().isEmpty)
    }

    @Test func aBodyOverTheByteLimitIsTooLarge() throws {
        let server = try ServerFixture(limits: SyncService.Limits(maxBodyBytes: 1_000))
        let device = try server.enroll()
        let batch = (0..<10).map { _ in ServerFixture.activityType(by: device.replica) }

        let response = server.service.handle(try server.pushRequest(batch, token: device.token))

        #expect(response.status == 413)
        #expect(try server.storedChanges().isEmpty)
    }

    @Test(arguments: [
        ("GET", "/", 404), ("GET", "/v1/groups", 404), ("GET", "/v1/groups//changes", 404),
        ("GET", "/v1/groups/askvoll/push", 405), ("DELETE", "/v1/enroll", 405), ("POST", "/healthz", 405),
        ("GET", "/healthz", 200),
    ])
    func routesAnswerUnknownPathsAndWrongMethods(method: String, path: String, status: Int) throws {
        let server = try ServerFixture()

        let response = server.service.handle(HTTPRequest(method: method, path: path))

        #expect(response.status == status)
        #expect(response.headers["Content-Type"] == "application/json")
        if status == 405 {
            #expect(response.headers["Allow"] != nil)
            #expect(try ErrorBody(response).error == "method_not_allowed")
        }
        if status == 404 {
            #expect(try ErrorBody(response).error == "not_found")
        }
    }

    @Test func healthAnswersOk() throws {
        let server = try ServerFixture()

        let response = server.service.handle(HTTPRequest(method: "GET", path: "/healthz"))

        #expect(try JSONDecoder().decode([String: String].self, from: response.body) == ["status": "ok"])
    }

    @Test(arguments: [(nil, nil), ("-1", nil), ("x", nil), ("0", "0"), ("0", "many")] as [(String?, String?)])
    func aPullWithABadCursorOrLimitIsABadRequest(since: String?, limit: String?) throws {
        let server = try ServerFixture()
        let device = try server.enroll()

        let response = server.service.handle(server.changesRequest(since: since, limit: limit, token: device.token))

        #expect(response.status == 400)
        #expect(try ErrorBody(response).error == "bad_request")
    }
}
