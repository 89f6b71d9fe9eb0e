import CCurl
import Foundation

/// An HTTP client on one libcurl easy handle, which keeps its connection open
/// between requests.
///
/// Create one client per thread; a client is not `Sendable`. Request bodies
/// over ``Configuration/compressRequestsAbove`` bytes are sent gzipped, and
/// gzip or other encoded responses are decoded before ``send(_:)`` returns.
///
/// ```swift
/// let client = try HTTPClient(configuration: .init(baseURL: "http://127.0.0.1:8080"))
/// let response = try client.send(HTTPRequest(method: "GET", path: "/healthz"))
/// ```
///
/// Related libcurl documentation: <https://curl.se/libcurl/c/libcurl-easy.html>
public final class HTTPClient {
    /// `curl_global_init` must run once per process before any other libcurl
    /// call; a static `let` runs it exactly once, thread-safely.
    private static let globalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// The client's settings.
    public let configuration: Configuration
    /// Transfer figures of the most recent request: body bytes sent and
    /// received as they travelled (compressed when gzipped), and how many new
    /// connections it opened (0 when it reused one).
    public private(set) var lastStatistics: (bytesSent: Int, bytesReceived: Int, connections: Int) = (0, 0, 0)

    private let handle: UnsafeMutableRawPointer

    /// Creates a client and its libcurl handle.
    ///
    /// - Parameter configuration: The base URL, timeouts and limits.
    /// - Throws: ``TransportError`` with code `other` when libcurl cannot be
    ///   initialised.
    public init(configuration: Configuration) throws(TransportError) {
        guard Self.globalInitResult == CURLE_OK else {
            throw TransportError.curl(Self.globalInitResult, responseOverflowed: false)
        }
        guard let handle = curl_easy_init() else {
            throw TransportError(code: .other, message: "libcurl could not create a handle.")
        }
        self.handle = handle
        self.configuration = configuration
        setFixedOptions()
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Sends a request and waits for the whole response.
    ///
    /// The URL is the base URL, then the request's path, then its query
    /// parameters percent-encoded in key order. A request that sets its own
    /// `Content-Encoding` header is sent as is.
    ///
    /// - Parameter request: The method, path, query, headers and body.
    /// - Returns: The response with its status, lowercased header names and
    ///   decoded body; 4xx and 5xx statuses are returned, not thrown.
    /// - Throws: ``TransportError`` when no complete response arrived.
    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        // Body, compressed when large and not already encoded.
        var body = request.body
        var headerLines = ["Expect:"]
        var names = Set<String>()
        for (name, value) in request.headers {
            let lowered = name.lowercased()
            guard lowered != "content-length" && lowered != "expect" else { continue }
            names.insert(lowered)
            headerLines.append("\(name): \(value)")
        }
        if body.count > configuration.compressRequestsAbove && !names.contains("content-encoding") {
            body = Gzip.compress(body)
            headerLines.append("Content-Encoding: gzip")
        }
        if !body.isEmpty && !names.contains("content-type") {
            headerLines.append("Content-Type: application/json")
        }

        var headerList: UnsafeMutablePointer<curl_slist>?
        for line in headerLines {
            headerList = curl_slist_append(headerList, line)
        }
        defer { curl_slist_free_all(headerList) }

        // Per-request options, reset from the previous request.
        let sink = ResponseSink(limit: configuration.maxResponseBytes)
        ccurl_setopt_string(handle, CURLOPT_URL, url(for: request))
        ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(sink).toOpaque())
        ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, nil)
        ccurl_setopt_long(handle, CURLOPT_NOBODY, 0)
        ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)

        // CURLOPT_POSTFIELDS is not copied: perform inside the buffer's scope.
        // An empty body still needs a non-null pointer, or libcurl reads stdin.
        let method = request.method.uppercased()
        let payload = body.isEmpty ? Data([0]) : body
        let result: CURLcode = withExtendedLifetime(sink) {
            payload.withUnsafeBytes { buffer in
                if method == "HEAD" {
                    ccurl_setopt_long(handle, CURLOPT_NOBODY, 1)
                } else if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
                    ccurl_setopt_long(handle, CURLOPT_POST, 1)
                    ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                    ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, buffer.baseAddress)
                }
                if method != "GET" && method != "HEAD" && method != "POST" {
                    ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
                }
                defer { ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil) }
                return curl_easy_perform(handle)
            }
        }
        ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, nil)
        lastStatistics = readStatistics()

        guard result == CURLE_OK else {
            throw TransportError.curl(result, responseOverflowed: sink.overflowed)
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    // MARK: - Helpers

    /// Options that stay the same for every request.
    private func setFixedOptions() {
        // Signals are not thread-safe; timeouts then rely on the threaded resolver.
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        // A large body waits for the server's `100 Continue` (or its refusal)
        // longer than curl's default second, so a busy server can refuse an
        // oversized body with a status before any of it is sent.
        ccurl_setopt_long(handle, CURLOPT_EXPECT_100_TIMEOUT_MS, 3_000)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.wholeMilliseconds)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, configuration.requestTimeout.wholeMilliseconds)
        ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedLimit)
        ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(Int(configuration.lowSpeedTime.components.seconds), 1))
        ccurl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes))
        // An empty string offers every encoding libcurl can decode, and decodes it.
        ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        ccurl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, responseBodyReceived)
        ccurl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, responseHeaderReceived)
    }

    /// The base URL, the path and the percent-encoded query.
    private func url(for request: HTTPRequest) -> String {
        var url = configuration.baseURL
        if url.hasSuffix("/") && request.path.hasPrefix("/") {
            url.removeLast()
        }
        url += request.path
        if !request.query.isEmpty {
            let pairs = request.query.sorted { $0.key < $1.key }.map { key, value in
                "\(Self.percentEncoded(key))=\(Self.percentEncoded(value))"
            }
            url += "?" + pairs.joined(separator: "&")
        }
        return url
    }

    /// Letters, digits and `-._~` stay; every other byte is percent-encoded.
    private static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        allowed.insert(charactersIn: "0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private func readStatistics() -> (bytesSent: Int, bytesReceived: Int, connections: Int) {
        var sent: curl_off_t = 0
        var received: curl_off_t = 0
        var connections = 0
        ccurl_getinfo_off_t(handle, CURLINFO_SIZE_UPLOAD_T, &sent)
        ccurl_getinfo_off_t(handle, CURLINFO_SIZE_DOWNLOAD_T, &received)
        ccurl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connections)
        return (Int(sent), Int(received), connections)
    }
}

/// The easy handle belongs to one thread at a time.
@available(*, unavailable)
extension HTTPClient: Sendable {}
