import Foundation
import Testing
import VennHTTP
@testable import VennServer
import VennSync

struct AuthenticationTests {
    enum Credential: String, CaseIterable {
        case missing, wrong, malformedHeader, revoked
    }

    @Test(arguments: Credential.allCases)
    func aPushWithoutAValidTokenIsRefusedAndStoresNothing(credential: Credential) throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        var request = try server.pushRequest([ServerFixture.activityType(by: device.replica)], token: device.token)
        switch credential {
        case .missing: request.headers["authorization"] = nil
        case .wrong: request.headers["authorization"] = "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        case .malformedHeader: request.headers["authorization"] = "Basic \(device.token)"
        case .revoked: try server.admin.revokeDevice(id: device.id)
        }

        let response = server.service.handle(request)

        #expect(response.status == 401)
        #expect(try ErrorBody(response).error == "unauthorized")
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        #expect(try server.storedChanges().isEmpty)
    }

    @Test func aPullWithoutATokenIsRefused() throws {
        let server = try ServerFixture()

        let response = server.service.handle(server.changesRequest(token: nil))

        #expect(response.status == 401)
    }

    @Test func aTokenReachesOnlyItsOwnGroup() throws {
        let server = try ServerFixture()
        let device = try server.enroll(group: ServerFixture.otherGroup)
        let request = try server.pushRequest([ServerFixture.activityType(by: device.replica)], token: device.token)

        let push = server.service.handle(request)
        let pull = server.service.handle(server.changesRequest(token: device.token))

        #expect(push.status == 403)
        #expect(try ErrorBody(push).error == "forbidden")
        #expect(pull.status == 403)
        #expect(try server.storedChanges(group: ServerFixture.group).isEmpty)
        #expect(try server.storedChanges(group: ServerFixture.otherGroup).isEmpty)
    }

    @Test func revocationTakesEffectAtTheNextRequest() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        #expect(server.service.handle(server.changesRequest(token: device.token)).status == 200)

        try server.admin.revokeDevice(id: device.id)

        #expect(server.service.handle(server.changesRequest(token: device.token)).status == 401)
        #expect(try server.admin.devices(group: ServerFixture.group).first?.isRevoked == true)
    }

    @Test func revokingAnUnknownDeviceFails() throws {
        let server = try ServerFixture()

        #expect(throws: ServerError.self) { try server.admin.revokeDevice(id: "no-such-device") }
    }

    @Test func anAuthenticatedRequestUpdatesLastSeen() throws {
        let server = try ServerFixture()
        let device = try server.enroll()
        server.clock.advance(seconds: 3_600)

        #expect(server.service.handle(server.changesRequest(token: device.token)).status == 200)

        let seen = try #require(try server.admin.devices(group: ServerFixture.group).first?.lastSeen)
        #expect(abs(seen.timeIntervalSince(server.clock.now)) < 0.01)
    }

    @Test func theRequestLogNamesTheDeviceButNoSecret() throws {
        let server = try ServerFixture()
        let device = try server.enroll()

        _ = server.service.handle(server.changesRequest(token: device.token))

        let log = try #require(server.logs.last)
        #expect(log.method == "GET")
        #expect(log.route == "/v1/groups/{group}/changes")
        #expect(log.status == 200)
        #expect(log.group == ServerFixture.group)
        #expect(log.device == device.id)
        #expect(!String(describing: log).contains(device.token))
    }
}
