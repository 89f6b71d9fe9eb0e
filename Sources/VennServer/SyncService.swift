public import Foundation
public import VennHTTP
public import VennSchema
import VennSync

/// The sync server's request handler: enrollment, push and pull.
///
/// `handle(_:)` is a plain function from request to response, safe to call
/// from many threads at once; the HTTP layer calls it for each request and
/// tests call it directly.
///
/// ```swift
/// let storage = try SQLiteServerStorage(directory: "/var/lib/venn")
/// let service = SyncService(storage: storage, onRequest: { log in print(log.status) })
/// let response = service.handle(HTTPRequest(method: "GET", path: "/healthz"))
/// ```
public struct SyncService: Sendable {
    /// The bounds the service puts on requests and responses.
    public struct Limits: Sendable, Hashable {
        /// The largest request body accepted, in bytes.
        public var maxBodyBytes: Int
        /// The most versions one push may carry.
        public var maxBatchVersions: Int
        /// How many changes a pull returns when it names no limit.
        public var defaultChangesLimit: Int
        /// The most changes one pull returns.
        public var maxChangesLimit: Int
        /// A pull stops adding changes once their JSON passes this size.
        public var maxChangesBytes: Int
        /// A device's last-seen time is written at most this often.
        public var lastSeenInterval: Duration

        /// Makes limits; every parameter has the server's default.
        public init(
            maxBodyBytes: Int = 32 << 20,
            maxBatchVersions: Int = 5_000,
            defaultChangesLimit: Int = 1_000,
            maxChangesLimit: Int = 5_000,
            maxChangesBytes: Int = 4 << 20,
            lastSeenInterval: Duration = .seconds(60)
        ) {
            self.maxBodyBytes = maxBodyBytes
            self.maxBatchVersions = maxBatchVersions
            self.defaultChangesLimit = defaultChangesLimit
            self.maxChangesLimit = maxChangesLimit
            self.maxChangesBytes = maxChangesBytes
            self.lastSeenInterval = lastSeenInterval
        }
    }

    /// The name of the header carrying the client's schema version.
    public static let schemaVersionHeader = "Venn-Schema-Version"

    /// Every route the service answers, in matching order.
    public static let routes: [Route] = Endpoint.allCases.map(\.route)

    /// The storage requests read and write.
    public let storage: any ServerStorage
    /// The record schemas pushed versions are checked against.
    public let schemas: SchemaSet
    public let limits: Limits
    let policy: MergePolicy
    let now: @Sendable () -> Date
    let onRequest: @Sendable (RequestLog) -> Void
    let lastSeen: LastSeenThrottle

    /// Makes the service.
    ///
    /// - Parameters:
    ///   - storage: Where groups, devices and records live.
    ///   - schemas: The record schemas; the embedded ones by default.
    ///   - limits: Bounds on requests and responses.
    ///   - now: The clock; tests inject their own.
    ///   - onRequest: Called once per request, after the response is made,
    ///     with what may be logged about it.
    public init(
        storage: any ServerStorage,
        schemas: SchemaSet = .embedded,
        limits: Limits = Limits(),
        now: @escaping @Sendable () -> Date = { Date() },
        onRequest: @escaping @Sendable (RequestLog) -> Void = { _ in }
    ) {
        self.storage = storage
        self.schemas = schemas
        self.limits = limits
        self.policy = MergePolicy(schemas: schemas)
        self.now = now
        self.onRequest = onRequest
        self.lastSeen = LastSeenThrottle()
    }

    /// Answers one request. Never throws and never traps on any input.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        var context = RequestContext()

        let response: HTTPResponse
        do {
            response = try dispatch(request, context: &context)
        } catch let error as APIError {
            response = error.response
        } catch {
            response = Self.apiError(for: error).response
        }

        onRequest(
            RequestLog(
                method: request.method,
                route: context.route,
                status: response.status,
                duration: clock.now - start,
                group: context.device?.group,
                device: context.device?.id
            )
        )
        return response
    }

    // MARK: - Routing

    /// The service's endpoints.
    enum Endpoint: CaseIterable {
        case health
        case enroll
        case push
        case changes

        var route: Route {
            switch self {
            case .health: Route(method: "GET", template: "/healthz")
            case .enroll: Route(method: "POST", template: "/v1/enroll")
            case .push: Route(method: "POST", template: "/v1/groups/{group}/push")
            case .changes: Route(method: "GET", template: "/v1/groups/{group}/changes")
            }
        }
    }

    /// What is known about a request while it is handled.
    struct RequestContext {
        var route: String?
        var device: DeviceCredential?
    }

    private func dispatch(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse {
        var allowed: [String] = []
        for endpoint in Endpoint.allCases {
            let route = endpoint.route
            guard let parameters = route.match(path: request.path) else { continue }
            context.route = route.template
            guard request.method.uppercased() == route.method else {
                allowed.append(route.method)
                continue
            }
            let group = parameters["group"] ?? ""
            switch endpoint {
            case .health:
                return .json(status: 200, body: Data(#"{"status":"ok"}"#.utf8))
            case .enroll:
                return try enroll(request)
            case .push:
                return try push(request, group: group, context: &context)
            case .changes:
                return try changes(request, group: group, context: &context)
            }
        }
        if !allowed.isEmpty {
            throw APIError.methodNotAllowed(allowed: allowed)
        }
        throw APIError.notFound
    }

    // MARK: - Authentication

    /// The device whose bearer token the request carries, if it may act on
    /// `group`.
    ///
    /// The token is checked on every request, so a revocation takes effect
    /// at once.
    func authenticate(_ request: HTTPRequest, group: String, context: inout RequestContext) throws -> DeviceCredential {
        guard let header = request.headers["authorization"] else { throw APIError.unauthorized }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIError.unauthorized }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.utf8.count <= 256 else { throw APIError.unauthorized }

        let hash = Secrets.hash(token)
        guard let device = try storage.device(tokenHash: hash),
            Secrets.constantTimeEquals(device.tokenHash, hash),
            !device.isRevoked
        else { throw APIError.unauthorized }
        context.device = device

        guard device.group == group else { throw APIError.forbidden }

        let time = now()
        if lastSeen.shouldRecord(device: device.id, at: time, interval: limits.lastSeenInterval) {
            // Last-seen is a convenience for administrators: failing to
            // write it must not fail the request.
            try? storage.touchDevice(id: device.id, at: time)
        }
        return device
    }

    /// Checks the `Venn-Schema-Version` header against the schemas.
    ///
    /// - Parameter isRequired: Whether a missing header is an error.
    func checkSchemaVersion(_ request: HTTPRequest, isRequired: Bool) throws {
        guard let text = request.headers[Self.schemaVersionHeader.lowercased()] else {
            guard isRequired else { return }
            throw APIError.badRequest(
                "The header \(Self.schemaVersionHeader) is required.",
                details: ["header": .string(Self.schemaVersionHeader)]
            )
        }
        guard let client = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw APIError.badRequest(
                "The header \(Self.schemaVersionHeader) must be a whole number.",
                details: ["header": .string(Self.schemaVersionHeader)]
            )
        }
        try checkSchemaVersion(client)
    }

    /// Throws 409 unless `client` is the server's schema version.
    func checkSchemaVersion(_ client: Int) throws {
        guard client != schemas.version else { return }
        let advice = client < schemas.version ? "update venn on this laptop" : "the server needs an update"
        throw APIError(
            status: 409,
            code: "schema_version_mismatch",
            message: "The client uses schema version \(client) and the server \(schemas.version); \(advice).",
            details: ["client": .int(Int64(client)), "server": .int(Int64(schemas.version))]
        )
    }

    /// Decodes a JSON body, answering 413 and 400 for what does not fit.
    func decodeBody<T: Decodable>(_ type: T.Type, from request: HTTPRequest, maxBytes: Int) throws -> T {
        guard request.body.count <= maxBytes else {
            throw APIError.tooLarge("The request body is larger than \(maxBytes) bytes.", limit: maxBytes)
        }
        do {
            return try JSONDecoder().decode(type, from: request.body)
        } catch {
            throw APIError.decoding(error)
        }
    }

    // MARK: - Errors

    /// The answer to an error that is not an `APIError`.
    static func apiError(for error: any Error) -> APIError {
        switch error {
        case ServerError.Code.groupNotFound:
            return .notFound
        case ServerError.Code.busy:
            return APIError(
                status: 503,
                code: "busy",
                message: "The server is busy; try again shortly.",
                headers: ["Retry-After": "1"]
            )
        default:
            return APIError(
                status: 500,
                code: "internal",
                message: "The server could not complete the request; nothing was changed. Try again later."
            )
        }
    }
}

extension HTTPResponse {
    /// A response with a JSON body.
    static func json(status: Int, body: Data, headers: [String: String] = [:]) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
