import CCurl

/// An error from ``HTTPClient/send(_:)``: the request got no HTTP response.
///
/// A response with any status, 4xx and 5xx included, is not a transport error.
/// The description never contains request or response bodies.
public struct TransportError: Error, Sendable, Equatable {
    /// What went wrong, as an extensible set of values.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case couldNotResolve
            case couldNotConnect
            case timedOut
            case connectionLost
            case tooLarge
            case other
        }

        private let value: Value

        /// The server's host name could not be resolved.
        public static let couldNotResolve = Code(value: .couldNotResolve)
        /// Nothing accepted the connection (refused, unreachable).
        public static let couldNotConnect = Code(value: .couldNotConnect)
        /// The connect timeout, request timeout or low-speed limit was hit.
        public static let timedOut = Code(value: .timedOut)
        /// The connection broke while sending or receiving.
        public static let connectionLost = Code(value: .connectionLost)
        /// The response was larger than the client accepts.
        public static let tooLarge = Code(value: .tooLarge)
        /// Any other failure, such as TLS errors or a malformed URL.
        public static let other = Code(value: .other)

        public var description: String {
            switch value {
            case .couldNotResolve: "couldNotResolve"
            case .couldNotConnect: "couldNotConnect"
            case .timedOut: "timedOut"
            case .connectionLost: "connectionLost"
            case .tooLarge: "tooLarge"
            case .other: "other"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// The libcurl result code (`CURLcode`), when libcurl reported the failure.
    public var curlCode: Int32?
    /// An English sentence saying what went wrong.
    public var message: String

    /// Creates an error.
    public init(code: Code, curlCode: Int32? = nil, message: String) {
        self.code = code
        self.curlCode = curlCode
        self.message = message
    }
}

extension TransportError: CustomStringConvertible {
    public var description: String {
        if let curlCode {
            return "transport \(code) (curl \(curlCode)): \(message)"
        }
        return "transport \(code): \(message)"
    }
}

extension TransportError {
    /// Maps a failed `curl_easy_perform` result to an error; the one place
    /// where curl codes are interpreted.
    ///
    /// - Parameters:
    ///   - result: The curl code, not `CURLE_OK`.
    ///   - responseOverflowed: Whether the write callback refused data because
    ///     the response passed the size limit.
    static func curl(_ result: CURLcode, responseOverflowed: Bool) -> TransportError {
        let code: Code
        let message: String
        switch result {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            code = .couldNotResolve
            message = "The server's host name could not be resolved; check the address and the network."
        case CURLE_COULDNT_CONNECT:
            code = .couldNotConnect
            message = "Could not connect to the server; check that it is running and reachable."
        case CURLE_OPERATION_TIMEDOUT:
            code = .timedOut
            message = "The server did not answer in time."
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            code = .connectionLost
            message = "The connection to the server broke before the response was complete."
        case CURLE_FILESIZE_EXCEEDED:
            code = .tooLarge
            message = "The server's response is larger than the client accepts."
        case CURLE_WRITE_ERROR where responseOverflowed:
            code = .tooLarge
            message = "The server's response is larger than the client accepts."
        default:
            code = .other
            message = "The request failed: \(String(cString: curl_easy_strerror(result)))."
        }
        return TransportError(code: code, curlCode: Int32(bitPattern: result.rawValue), message: message)
    }
}
