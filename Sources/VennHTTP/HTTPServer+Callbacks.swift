import CMicroHTTPD
import Foundation
import Synchronization

// MARK: - Shared state

/// What the C callbacks need from the server.
///
/// MHD receives it unretained; ``HTTPServer`` owns it and outlives the daemon.
final class ServerContext: Sendable {
    let configuration: HTTPServer.Configuration
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    /// Set once `stop()` begins; new requests then get 503.
    let isStopping = Atomic(false)
    let inFlight = InFlightRequests()

    init(configuration: HTTPServer.Configuration, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
    }
}

/// Counts requests between their first callback and MHD's completion notice.
// @unchecked Sendable: `count` is read and written only while `condition` is locked.
final class InFlightRequests: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0

    func begin() {
        condition.lock()
        count += 1
        condition.unlock()
    }

    func end() {
        condition.lock()
        count -= 1
        if count == 0 { condition.broadcast() }
        condition.unlock()
    }

    /// Blocks until every request that began has ended.
    func waitUntilIdle() {
        condition.lock()
        while count > 0 { condition.wait() }
        condition.unlock()
    }
}

/// One request while MHD reads it; confined to the connection's MHD thread.
///
/// MHD owns it through `*con_cls`: retained in the first callback, released in
/// the completion callback.
final class RequestState {
    let request: HTTPRequest
    var body = Data()
    /// Set when the body grew past the limit; the rest is read and dropped.
    var isTooLarge = false

    init(request: HTTPRequest) {
        self.request = request
    }
}

/// Gathers MHD's key-value pairs of one kind.
private final class FieldCollector {
    var fields: [String: String] = [:]
    let lowercasesKeys: Bool

    init(lowercasesKeys: Bool) {
        self.lowercasesKeys = lowercasesKeys
    }
}

// MARK: - C callbacks

/// `MHD_AccessHandlerCallback`: called for the headers, once per body chunk,
/// and once more when the body is complete.
func serverAccessHandler(
    _ cls: UnsafeMutableRawPointer?,
    _ connection: OpaquePointer?,
    _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?,
    _ version: UnsafePointer<CChar>?,
    _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let uploadDataSize, let conCls else { return .NO }
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()

    // First call: headers only.
    guard let pointer = conCls.pointee else {
        let request = HTTPRequest(
            method: method.map { String(cString: $0) } ?? "GET",
            path: url.map { String(cString: $0) } ?? "/",
            query: connectionValues(connection, kind: .GET_ARGUMENT_KIND, lowercasesKeys: false),
            headers: connectionValues(connection, kind: .HEADER_KIND, lowercasesKeys: true)
        )
        conCls.pointee = Unmanaged.passRetained(RequestState(request: request)).toOpaque()
        context.inFlight.begin()
        return admit(request, context: context, connection: connection)
    }
    let state = Unmanaged<RequestState>.fromOpaque(pointer).takeUnretainedValue()

    // Body chunks: keep them while they fit.
    if uploadDataSize.pointee > 0 {
        let size = uploadDataSize.pointee
        if !state.isTooLarge, let uploadData {
            if size > context.configuration.maxBodyBytes - state.body.count {
                state.isTooLarge = true
                state.body = Data()
            } else {
                state.body.append(UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self), count: size)
            }
        }
        uploadDataSize.pointee = 0
        return .YES
    }

    // Last call: the body is complete.
    if state.isTooLarge {
        return queue(bodyTooLarge(limit: context.configuration.maxBodyBytes), on: connection, closing: true)
    }
    let response = respond(to: state, context: context)
    return queue(encode(response, for: state.request), on: connection, closing: false)
}

/// `MHD_RequestCompletedCallback`: the response was sent or the connection failed.
func serverRequestCompleted(
    _ cls: UnsafeMutableRawPointer?,
    _ connection: OpaquePointer?,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    _ reason: MHD_RequestTerminationCode
) {
    guard let cls, let conCls, let pointer = conCls.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(pointer).release()
    conCls.pointee = nil
    Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue().inFlight.end()
}

/// `MHD_KeyValueIterator` feeding a ``FieldCollector``; repeated keys are joined
/// with a comma, as HTTP allows for header fields.
private func collectField(
    _ cls: UnsafeMutableRawPointer?,
    _ kind: MHD_ValueKind,
    _ key: UnsafePointer<CChar>?,
    _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<FieldCollector>.fromOpaque(cls).takeUnretainedValue()
    var name = String(cString: key)
    if collector.lowercasesKeys { name = name.lowercased() }
    let text = value.map { String(cString: $0) } ?? ""
    if let existing = collector.fields[name] {
        collector.fields[name] = existing + ", " + text
    } else {
        collector.fields[name] = text
    }
    return .YES
}

// MARK: - Steps

/// Reads the header fields or query arguments of a connection's request.
private func connectionValues(
    _ connection: OpaquePointer,
    kind: MHD_ValueKind,
    lowercasesKeys: Bool
) -> [String: String] {
    let collector = FieldCollector(lowercasesKeys: lowercasesKeys)
    withExtendedLifetime(collector) {
        _ = MHD_get_connection_values(connection, kind, collectField, Unmanaged.passUnretained(collector).toOpaque())
    }
    return collector.fields
}

/// Decides after the headers whether to read the body; refuses early when the
/// server is stopping or the declared length is over the limit.
private func admit(_ request: HTTPRequest, context: ServerContext, connection: OpaquePointer) -> MHD_Result {
    if context.isStopping.load(ordering: .sequentiallyConsistent) {
        let response = HTTPResponse.error(
            status: 503,
            code: "shutting_down",
            message: "The server is shutting down; try again shortly."
        )
        return queue(response, on: connection, closing: true)
    }
    if let length = request.headers["content-length"].flatMap({ Int($0) }),
       length > context.configuration.maxBodyBytes {
        return queue(bodyTooLarge(limit: context.configuration.maxBodyBytes), on: connection, closing: true)
    }
    return .YES
}

/// Decodes the body and runs the handler.
private func respond(to state: RequestState, context: ServerContext) -> HTTPResponse {
    var request = state.request
    request.body = state.body
    state.body = Data()

    let encoding = request.headers["content-encoding"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    switch encoding {
    case "", "identity":
        break
    case "gzip", "x-gzip":
        do {
            request.body = try Gzip.decompress(request.body, limit: context.configuration.maxDecompressedBytes)
        } catch where error.code == .tooLarge {
            return bodyTooLarge(limit: context.configuration.maxDecompressedBytes)
        } catch {
            return HTTPResponse.error(
                status: 400,
                code: "bad_gzip",
                message: "The request body is marked as gzip but is not valid gzip data."
            )
        }
    default:
        return HTTPResponse.error(
            status: 415,
            code: "unsupported_encoding",
            message: "The request body's Content-Encoding is not supported; use gzip or none.",
            details: ["supported": ["gzip", "identity"]]
        )
    }
    return context.handler(request)
}

private func bodyTooLarge(limit: Int) -> HTTPResponse {
    HTTPResponse.error(
        status: 413,
        code: "body_too_large",
        message: "The request body is larger than the server accepts.",
        details: ["limit": limit]
    )
}

/// Adds the default content type and compresses the body when the client
/// accepts gzip.
private func encode(_ response: HTTPResponse, for request: HTTPRequest) -> HTTPResponse {
    var response = response
    let names = Set(response.headers.keys.map { $0.lowercased() })
    if !names.contains("content-type") {
        response.headers["Content-Type"] = "application/json"
    }
    let acceptsGzip = request.headers["accept-encoding"]?.lowercased().contains("gzip") ?? false
    if acceptsGzip && response.body.count > 1024 && !names.contains("content-encoding") {
        response.body = Gzip.compress(response.body)
        response.headers["Content-Encoding"] = "gzip"
        if !names.contains("vary") {
            response.headers["Vary"] = "Accept-Encoding"
        }
    }
    return response
}

/// Hands a response to MHD, which sends it after the callback returns.
private func queue(_ response: HTTPResponse, on connection: OpaquePointer, closing: Bool) -> MHD_Result {
    var body = response.body
    let created = body.withUnsafeMutableBytes { buffer in
        MHD_create_response_from_buffer(buffer.count, buffer.baseAddress, .RESPMEM_MUST_COPY)
    }
    guard let created else { return .NO }
    defer { MHD_destroy_response(created) }

    for (name, value) in response.headers where name.lowercased() != "content-length" {
        _ = MHD_add_response_header(created, name, value)
    }
    if closing {
        _ = MHD_add_response_header(created, "Connection", "close")
    }
    return MHD_queue_response(connection, UInt32(clamping: response.status), created)
}
