import Foundation
import Synchronization
import VennServer

/// Writes one structured line per request and per lifecycle event to
/// standard error: a constant message and namespaced keys, never a body,
/// a token or a record value.
final class RequestLogger: Sendable {
    private let nextID = Atomic<UInt64>(1)

    func write(_ entry: RequestLog) {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        var fields = [
            ("venn.request.id", String(id)),
            ("venn.request.method", entry.method),
            ("venn.request.route", entry.route ?? "-"),
            ("venn.response.status", String(entry.status)),
            ("venn.request.duration_ms", String(format: "%.2f", Double(entry.duration.components.attoseconds) / 1e15
                + Double(entry.duration.components.seconds) * 1000)),
        ]
        if let group = entry.group { fields.append(("venn.group", group)) }
        if let device = entry.device { fields.append(("venn.device", device)) }
        emit(level: entry.status >= 500 ? "error" : "info", message: "request", fields)
    }

    func lifecycle(_ event: String, _ metadata: [String: String]) {
        emit(level: "info", message: event, metadata.sorted { $0.key < $1.key }.map { ("venn.\($0.key)", $0.value) })
    }

    private func emit(level: String, message: String, _ fields: [(String, String)]) {
        let time = Date().formatted(.iso8601)
        let text = (["time=\(time)", "level=\(level)", "msg=\(message)"] + fields.map { "\($0.0)=\($0.1)" })
            .joined(separator: " ")
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
