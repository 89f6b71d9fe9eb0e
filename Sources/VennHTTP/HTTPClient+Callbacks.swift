import Foundation

/// Collects one response from libcurl's callbacks.
///
/// libcurl receives it unretained; ``HTTPClient/send(_:)`` keeps it alive
/// for the duration of `curl_easy_perform`.
final class ResponseSink {
    let limit: Int
    var body = Data()
    var headers: [String: String] = [:]
    /// Set when the body passed `limit` and the transfer was aborted.
    var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }
}

/// `CURLOPT_WRITEFUNCTION`: appends decoded body bytes; returning less than
/// the size given aborts the transfer with `CURLE_WRITE_ERROR`.
func responseBodyReceived(
    _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int,
    _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard length <= sink.limit - sink.body.count else {
        sink.overflowed = true
        return 0
    }
    sink.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
    return length
}

/// `CURLOPT_HEADERFUNCTION`: called once per header line, status line and
/// blank line included; a status line starts a new header set (after a
/// `100 Continue`, for example).
func responseHeaderReceived(
    _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int,
    _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)

    if line.hasPrefix("HTTP/") {
        sink.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if let existing = sink.headers[name] {
            sink.headers[name] = existing + ", " + value
        } else {
            sink.headers[name] = value
        }
    }
    return length
}
