import Foundation
import Synchronization

/// Decides when a device's last-seen time is worth writing, so that busy
/// devices do not cost a write on every request.
final class LastSeenThrottle: Sendable {
    private let recorded = Mutex<[String: Date]>([:])

    /// Whether to write `device`'s last-seen time now; when it answers yes,
    /// it counts the time as written.
    func shouldRecord(device: String, at time: Date, interval: Duration) -> Bool {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        return recorded.withLock { recorded in
            if let last = recorded[device], time.timeIntervalSince(last) < seconds, time >= last {
                return false
            }
            recorded[device] = time
            return true
        }
    }
}
