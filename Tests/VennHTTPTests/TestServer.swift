import Foundation
import Synchronization
import VennHTTP

/// What the echo handler sends back: the request as the handler saw it.
struct Echo: Codable, Equatable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: String
}

/// Counts handler calls from any thread.
final class CallCounter: Sendable {
    private let count = Atomic(0)

    var value: Int { count.load(ordering: .sequentiallyConsistent) }

    @discardableResult
    func increment() -> Int {
        count.add(1, ordering: .sequentiallyConsistent).newValue
    }
}

/// A loopback server on a free port, and client settings pointing at it.
struct TestServer {
    let server: HTTPServer
    let clientConfiguration: HTTPClient.Configuration

    init(
        configuration: HTTPServer.Configuration = .init(threads: 2),
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws {
        server = try HTTPServer(configuration: configuration, handler: handler)
        clientConfiguration = HTTPClient.Configuration(baseURL: "http://127.0.0.1:\(server.port)")
    }

    func makeClient() throws -> HTTPClient {
        try HTTPClient(configuration: clientConfiguration)
    }

    /// A server that answers every request with an ``Echo`` of it.
    static func echo(
        configuration: HTTPServer.Configuration = .init(threads: 2),
        calls: CallCounter = CallCounter()
    ) throws -> TestServer {
        try TestServer(configuration: configuration) { request in
            calls.increment()
            let echo = Echo(
                method: request.method,
                path: request.path,
                query: request.query,
                headers: request.headers,
                body: String(decoding: request.body, as: UTF8.self)
            )
            let body = (try? JSONEncoder().encode(echo)) ?? Data()
            return HTTPResponse(status: 200, body: body)
        }
    }
}

/// Text that compresses well, `count` bytes long.
func compressibleText(count: Int) -> Data {
    let line = Data("Aktivitetsvenn meets every Tuesday at the library. ".utf8)
    var data = Data()
    while data.count < count { data.append(line) }
    return data.prefix(count)
}

/// Decodes the error code from a JSON error body.
func errorCode(of response: HTTPResponse) -> String? {
    let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    return object?["error"] as? String
}
