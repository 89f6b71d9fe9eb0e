import CMicroHTTPD
import CVennShims
import Foundation
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd that hands each request to a Swift closure.
///
/// The server listens as soon as it is created and serves until ``stop()`` or
/// until it is released. Each request is read completely (up to
/// ``Configuration/maxBodyBytes``), gzip bodies are decompressed, and then the
/// handler runs on one of libmicrohttpd's worker threads; it may block. The
/// handler's response gets `Content-Type: application/json` unless it sets one,
/// and is compressed with gzip when the client accepts gzip and the body is
/// over 1 KiB.
///
/// Errors the server answers by itself use the shape
/// `{"error": "<code>", "message": "<sentence>", "details": {...}}`:
/// `body_too_large` (413), `bad_gzip` (400), `unsupported_encoding` (415) and
/// `shutting_down` (503).
///
/// ```swift
/// let server = try HTTPServer(configuration: .init()) { request in
///     HTTPResponse(status: 200, body: Data(#"{"ok":true}"#.utf8))
/// }
/// print(server.port)
/// server.stop()
/// ```
///
/// Related libmicrohttpd documentation:
/// <https://www.gnu.org/software/libmicrohttpd/manual/libmicrohttpd.html>
public final class HTTPServer: Sendable {
    /// The TCP port the server listens on; the one the system chose when the
    /// server was created with port 0.
    public let port: UInt16

    /// The daemon; only `stop()` uses it after init, under `stopState`.
    private nonisolated(unsafe) let daemon: OpaquePointer
    /// Shared with the C callbacks, which receive it unretained; kept alive until
    /// the daemon has stopped.
    private let context: ServerContext
    /// Whether `stop()` has finished; the lock also serialises concurrent stops.
    private let stopState = Mutex(false)

    /// Starts a server.
    ///
    /// - Parameters:
    ///   - host: The IPv4 address to listen on; loopback by default.
    ///   - port: The TCP port, or 0 to let the system choose one (read it back
    ///     from ``port``).
    ///   - configuration: Thread count, limits and timeouts.
    ///   - handler: Called once per complete request, on a worker thread.
    /// - Throws: ``HTTPServerError`` when the host is not an IPv4 address or the
    ///   daemon cannot start (for example when the port is taken).
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        configuration: Configuration,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws(HTTPServerError) {
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else {
            throw HTTPServerError(code: .invalidHost, message: "The host '\(host)' is not an IPv4 address.")
        }
        let context = ServerContext(configuration: configuration, handler: handler)

        // A pool of epoll threads; with one thread, a thread per connection so
        // that a slow handler never blocks the only thread that accepts.
        let threads = max(configuration.threads, 1)
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_ITC.rawValue
        if threads > 1 {
            flags |= MHD_USE_EPOLL.rawValue
        } else {
            flags |= MHD_USE_THREAD_PER_CONNECTION.rawValue | MHD_USE_POLL.rawValue
        }
        let daemon = cvenn_mhd_start(
            UInt32(flags),
            host,
            port,
            serverAccessHandler,
            Unmanaged.passUnretained(context).toOpaque(),
            serverRequestCompleted,
            Unmanaged.passUnretained(context).toOpaque(),
            threads > 1 ? UInt32(threads) : 0,
            UInt32(max(configuration.connectionTimeout, 0)),
            UInt32(max(configuration.connectionLimit, 1))
        )
        guard let daemon else {
            throw HTTPServerError(
                code: .couldNotStart,
                message: "The HTTP server could not listen on \(host):\(port); the port may be in use."
            )
        }
        self.daemon = daemon
        self.context = context
        self.port = cvenn_mhd_bound_port(daemon)
    }

    deinit {
        stop()
    }

    /// Stops the server after the requests in flight have been answered.
    ///
    /// The server stops accepting connections at once. Requests whose headers
    /// have arrived run to completion and their responses are sent; a new
    /// request on a kept-alive connection gets 503 `shutting_down`. Then the
    /// daemon stops and closes every connection. Calling `stop()` again, or from
    /// several threads, is harmless; every call returns once the server is
    /// stopped.
    ///
    /// - Warning: Do not call `stop()` from a handler: it would wait for its own
    ///   request to finish.
    public func stop() {
        stopState.withLock { isStopped in
            guard !isStopped else { return }
            isStopped = true

            context.isStopping.store(true, ordering: .sequentiallyConsistent)
            // MHD_quiesce_daemon hands the listening socket back to us, closed below.
            let listener = MHD_quiesce_daemon(daemon)
            context.inFlight.waitUntilIdle()
            MHD_stop_daemon(daemon)
            if listener >= 0 {
                close(listener)
            }
        }
    }
}
