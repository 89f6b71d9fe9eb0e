import Foundation
import Testing
import VennHTTP
import VennSchema
@testable import VennServer

struct EnrollmentTests {
    @Test func aCodeIsRedeemedForATokenOfItsGroup() throws {
        let server = try ServerFixture()
        let code = try server.admin.createEnrollmentCode(group: ServerFixture.group)

        let response = server.service.handle(server.enrollRequest(code: code, replica: "r1a2b3"))

        #expect(response.status == 200)
        let body = try JSONDecoder().decode(ServerFixture.EnrollAnswer.self, from: response.body)
        #expect(body.group == ServerFixture.group)
        #expect(body.schemaVersion == SchemaSet.embedded.version)
        #expect(body.token.count == 43)
        let devices = try server.admin.devices(group: ServerFixture.group)
        let device = try #require(devices.first)
        #expect(devices.count == 1)
        #expect(device.id == body.device)
        #expect(device.replica == "r1a2b3")
        #expect(device.label == "Kontor-PC")
        #expect(device.created == server.clock.now)
        #expect(!device.isRevoked)
    }

    @Test func aCodeWorksOnlyOnce() throws {
        let server = try ServerFixture()
        let code = try server.admin.createEnrollmentCode(group: ServerFixture.group)
        #expect(server.service.handle(server.enrollRequest(code: code, replica: "first")).status == 200)

        let second = server.service.handle(server.enrollRequest(code: code, replica: "second"))

        #expect(second.status == 401)
        #expect(try ErrorBody(second).error == "invalid_code")
        #expect(try server.admin.devices(group: ServerFixture.group).map(\.replica) == ["first"])
    }

    @Test(arguments: [(3_599.0, 200), (3_600.0, 401), (86_400.0, 401)])
    func aCodeExpires(after seconds: TimeInterval, status: Int) throws {
        let server = try ServerFixture()
        let code = try server.admin.createEnrollmentCode(group: ServerFixture.group, validFor: .seconds(3_600))
        server.clock.advance(seconds: seconds)

        let response = server.service.handle(server.enrollRequest(code: code, replica: "laptop"))

        #expect(response.status == status)
    }

    @Test func aCodeMayBeTypedInLowerCaseWithoutDashes() throws {
        let server = try ServerFixture()
        let code = try server.admin.createEnrollmentCode(group: ServerFixture.group)
        let typed = code.replacingOccurrences(of: "-", with: "").lowercased()

        #expect(server.service.handle(server.enrollRequest(code: typed, replica: "laptop")).status == 200)
    }

    @Test func anUnknownCodeIsRefused() throws {
        let server = try ServerFixture()
        _ = try server.admin.createEnrollmentCode(group: ServerFixture.group)

        let response = server.service.handle(server.enrollRequest(code: "0000-0000-0000", replica: "laptop"))

        #expect(response.status == 401)
        #expect(try ErrorBody(response).error == "invalid_code")
        #expect(try server.admin.devices(group: ServerFixture.group).isEmpty)
    }

    @Test func aMalformedReplicaIsABadRequestAndKeepsTheCode() throws {
        let server = try ServerFixture()
        let code = try server.admin.createEnrollmentCode(group: ServerFixture.group)

        let response = server.service.handle(server.enrollRequest(code: code, replica: "Not A Replica"))

        #expect(response.status == 400)
        #expect(server.service.handle(server.enrollRequest(code: code, replica: "laptop")).status == 200)
    }

    @Test func codesHaveTwelveCharactersOfAnUnambiguousAlphabet() throws {
        let code = Secrets.makeEnrollmentCode()
        let characters = code.replacingOccurrences(of: "-", with: "")

        #expect(code.count == 14)
        #expect(code.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(characters.allSatisfy { Secrets.codeAlphabet.contains($0) })
        #expect(Secrets.normalizedCode("ab0o-il1x") == "AB00111X")
    }
}
