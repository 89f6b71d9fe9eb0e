extension HTTPServer {
    /// Threads, limits and timeouts of an ``HTTPServer``.
    public struct Configuration: Sendable {
        /// Worker threads; each polls its own connections with epoll and runs
        /// handlers. With 1, the server uses one thread per connection instead.
        public var threads: Int
        /// The largest request body accepted, in bytes, as sent on the wire;
        /// larger bodies get 413 `body_too_large` and the handler is not called.
        public var maxBodyBytes: Int
        /// The largest request body after gzip decompression, in bytes; larger
        /// ones get 413 `body_too_large`.
        public var maxDecompressedBytes: Int
        /// Seconds a connection may stay idle before the server closes it.
        public var connectionTimeout: Int
        /// The most connections open at once; further ones are refused.
        public var connectionLimit: Int

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - threads: Worker threads, 4 by default.
        ///   - maxBodyBytes: Request body limit, 32 MiB by default.
        ///   - maxDecompressedBytes: Decompressed body limit, 256 MiB by default.
        ///   - connectionTimeout: Idle timeout in seconds, 30 by default.
        ///   - connectionLimit: Open connection limit, 1,000 by default.
        public init(
            threads: Int = 4,
            maxBodyBytes: Int = 32 * 1024 * 1024,
            maxDecompressedBytes: Int = 256 * 1024 * 1024,
            connectionTimeout: Int = 30,
            connectionLimit: Int = 1000
        ) {
            self.threads = threads
            self.maxBodyBytes = maxBodyBytes
            self.maxDecompressedBytes = maxDecompressedBytes
            self.connectionTimeout = connectionTimeout
            self.connectionLimit = connectionLimit
        }
    }
}
