extension HTTPClient {
    /// Where an ``HTTPClient`` sends requests, and its timeouts and limits.
    public struct Configuration: Sendable {
        /// The URL every request path is appended to, such as
        /// `https://venn.example.org`.
        public var baseURL: String
        /// The longest wait for a TCP (and TLS) connection.
        public var connectTimeout: Duration
        /// The longest a whole request may take, connect and transfer included.
        public var requestTimeout: Duration
        /// Together with ``lowSpeedTime``: a transfer slower than this many
        /// bytes per second for that long is abandoned as timed out.
        public var lowSpeedLimit: Int
        /// How long a transfer may stay under ``lowSpeedLimit``.
        public var lowSpeedTime: Duration
        /// Request bodies larger than this many bytes are sent gzipped.
        public var compressRequestsAbove: Int
        /// The largest response body accepted, in bytes after decoding.
        public var maxResponseBytes: Int

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - baseURL: The server's URL without a trailing path.
        ///   - connectTimeout: 10 seconds by default.
        ///   - requestTimeout: 120 seconds by default.
        ///   - lowSpeedLimit: 100 bytes per second by default.
        ///   - lowSpeedTime: 30 seconds by default.
        ///   - compressRequestsAbove: 1,024 bytes by default.
        ///   - maxResponseBytes: 256 MiB by default.
        public init(
            baseURL: String,
            connectTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(120),
            lowSpeedLimit: Int = 100,
            lowSpeedTime: Duration = .seconds(30),
            compressRequestsAbove: Int = 1024,
            maxResponseBytes: Int = 256 * 1024 * 1024
        ) {
            self.baseURL = baseURL
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.lowSpeedLimit = lowSpeedLimit
            self.lowSpeedTime = lowSpeedTime
            self.compressRequestsAbove = compressRequestsAbove
            self.maxResponseBytes = maxResponseBytes
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down, for libcurl's `_MS` options.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
