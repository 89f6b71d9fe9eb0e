import Foundation
import Synchronization
import VennHTTP
import VennSchema
@testable import VennServer
import VennSync

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_750_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A server in a temporary directory with one group, `askvoll`, driven
/// in-process through `SyncService.handle(_:)`.
final class ServerFixture {
    let directory: URL
    let clock = TestClock()
    let storage: SQLiteServerStorage
    let admin: ServerAdmin
    let service: SyncService
    let logs = LogRecorder()

    static let group = "askvoll"
    static let otherGroup = "bremanger"

    init(limits: SyncService.Limits = SyncService.Limits()) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-server-tests-\(UUID().uuidString)")
        storage = try SQLiteServerStorage(directory: directory.path)
        let clock = clock
        admin = ServerAdmin(storage: storage, now: { clock.now })
        let logs = logs
        service = SyncService(
            storage: storage,
            limits: limits,
            now: { clock.now },
            onRequest: { log in logs.record(log) }
        )
        try admin.createGroup(id: Self.group, name: "Aktivitetsvenn Askvoll", municipality: "4645")
        try admin.createGroup(id: Self.otherGroup, name: "Aktivitetsvenn Bremanger", municipality: "4648")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Enrollment

    /// An enrolled device of `group`.
    struct Device {
        var id: String
        var token: String
        var replica: ReplicaID
    }

    func enroll(group: String = ServerFixture.group, replica: String? = nil) throws -> Device {
        let code = try admin.createEnrollmentCode(group: group)
        let replicaID = replica.flatMap(ReplicaID.init) ?? ReplicaID.random()
        let response = service.handle(enrollRequest(code: code, replica: replicaID.rawValue))
        guard response.status == 200 else {
            throw FixtureError(message: "enrollment failed with \(response.status)")
        }
        let body = try JSONDecoder().decode(EnrollAnswer.self, from: response.body)
        return Device(id: body.device, token: body.token, replica: replicaID)
    }

    func enrollRequest(code: String, replica: String, label: String? = "Kontor-PC") -> HTTPRequest {
        var body: [String: JSONValue] = ["code": .string(code), "replica": .string(replica)]
        if let label { body["label"] = .string(label) }
        return HTTPRequest(method: "POST", path: "/v1/enroll", body: Self.json(.object(body)))
    }

    struct EnrollAnswer: Decodable {
        var group: String
        var device: String
        var token: String
        var schemaVersion: Int
    }

    // MARK: - Requests

    func pushRequest(
        _ versions: [RecordVersion],
        token: String?,
        group: String = ServerFixture.group,
        replica: ReplicaID = ReplicaID("laptop")!,
        schemaVersion: Int = SchemaSet.embedded.version
    ) throws -> HTTPRequest {
        let body = try JSONEncoder().encode(
            Wire.PushRequest(replica: replica, schemaVersion: schemaVersion, versions: versions)
        )
        return rawPushRequest(body, token: token, group: group, schemaHeader: String(schemaVersion))
    }

    func rawPushRequest(
        _ body: Data,
        token: String?,
        group: String = ServerFixture.group,
        schemaHeader: String? = String(SchemaSet.embedded.version)
    ) -> HTTPRequest {
        var headers: [String: String] = [:]
        if let token { headers["authorization"] = "Bearer \(token)" }
        if let schemaHeader { headers["venn-schema-version"] = schemaHeader }
        return HTTPRequest(method: "POST", path: "/v1/groups/\(group)/push", headers: headers, body: body)
    }

    /// Pushes and decodes the answer, which must be 200.
    func push(_ versions: [RecordVersion], as device: Device) throws -> [Wire.PushResult] {
        let response = service.handle(try pushRequest(versions, token: device.token, replica: device.replica))
        guard response.status == 200 else {
            let body = String(decoding: response.body, as: UTF8.self)
            throw FixtureError(message: "push failed with \(response.status): \(body)")
        }
        return try JSONDecoder().decode(Wire.PushResponse.self, from: response.body).results
    }

    func changesRequest(
        since: String? = "0",
        limit: String? = nil,
        token: String?,
        group: String = ServerFixture.group
    ) -> HTTPRequest {
        var query: [String: String] = [:]
        if let since { query["since"] = since }
        if let limit { query["limit"] = limit }
        var headers: [String: String] = ["venn-schema-version": String(SchemaSet.embedded.version)]
        if let token { headers["authorization"] = "Bearer \(token)" }
        return HTTPRequest(method: "GET", path: "/v1/groups/\(group)/changes", query: query, headers: headers)
    }

    /// Pulls and decodes the answer, which must be 200.
    func changes(since: Int64 = 0, limit: Int? = nil, as device: Device) throws -> Wire.ChangesResponse {
        let request = changesRequest(since: String(since), limit: limit.map(String.init), token: device.token)
        let response = service.handle(request)
        guard response.status == 200 else {
            throw FixtureError(message: "pull failed with \(response.status)")
        }
        return try JSONDecoder().decode(Wire.ChangesResponse.self, from: response.body)
    }

    /// Every stored change of `group`, straight from the storage.
    func storedChanges(group: String = ServerFixture.group) throws -> [StoredChange] {
        try storage.changes(group: group, since: 0, limit: 1_000_000, maxBytes: .max).changes
    }

    // MARK: - Records

    /// A valid new activity type written by `replica`.
    static func activityType(
        id: String = UUID().uuidString.lowercased(),
        code: String = "walk",
        by replica: ReplicaID,
        counter: UInt64 = 1,
        time: UInt64 = 1_000
    ) -> RecordVersion {
        RecordVersion(collection: "activity_type", id: id)
            .writing(["code": .string(code), "label": "Walk"], dot: Dot(replica: replica, counter: counter),
                     time: Timestamp(milliseconds: time))
    }

    static func json(_ value: JSONValue) -> Data {
        (try? JSONEncoder().encode(value)) ?? Data()
    }
}

/// Keeps the request logs a service reports.
final class LogRecorder: Sendable {
    private let logs = Mutex<[RequestLog]>([])

    func record(_ log: RequestLog) {
        logs.withLock { $0.append(log) }
    }

    var last: RequestLog? {
        logs.withLock { $0.last }
    }
}

/// The body of an error answer.
struct ErrorBody: Decodable {
    var error: String
    var message: String
    var details: [String: JSONValue]

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(ErrorBody.self, from: response.body)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
