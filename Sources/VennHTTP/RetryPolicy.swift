public import Foundation

/// Retries a request on transport errors and 5xx responses, with exponential
/// backoff and jitter.
///
/// A 4xx response is returned at once: sending the same request again would
/// get the same answer. When the attempts run out, the last 5xx response is
/// returned, or the last transport error is thrown.
///
/// ```swift
/// let response = try RetryPolicy().run {
///     try client.send(request)
/// }
/// ```
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The wait after the first failure, before jitter.
    public var initialDelay: Duration
    /// The longest wait between attempts, after jitter.
    public var maxDelay: Duration

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxAttempts: 5 by default.
    ///   - initialDelay: 200 ms by default; each later wait doubles it.
    ///   - maxDelay: 10 seconds by default.
    public init(maxAttempts: Int = 5, initialDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10)) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// The wait before the next attempt.
    ///
    /// - Parameters:
    ///   - failures: How many attempts have failed so far, at least 1.
    ///   - jitter: A factor applied to the exponential delay, such as 0.5 to 1.5.
    /// - Returns: `initialDelay × 2^(failures − 1) × jitter`, at most `maxDelay`.
    public func delay(afterFailures failures: Int, jitter: Double) -> Duration {
        let exponent = min(max(failures - 1, 0), 62)
        let seconds = initialDelay / .seconds(1) * pow(2, Double(exponent)) * max(jitter, 0)
        let cap = maxDelay / .seconds(1)
        return .seconds(min(seconds, cap))
    }

    /// Runs an operation until it succeeds, fails for good, or the attempts run out.
    ///
    /// - Parameters:
    ///   - sleep: Waits between attempts; blocks the thread by default. Tests
    ///     pass a closure that records the delays.
    ///   - jitter: A random factor for each delay, 0.5 to 1.5 by default, so
    ///     that many clients do not retry in step.
    ///   - operation: Sends the request once.
    /// - Returns: The first response below 500, or the last 5xx response.
    /// - Throws: The last ``TransportError`` when every attempt failed with one,
    ///   or any other error from `operation` at once.
    public func run<Failure: Error>(
        sleep: (Duration) -> Void = { Thread.sleep(forTimeInterval: $0 / .seconds(1)) },
        jitter: () -> Double = { Double.random(in: 0.5...1.5) },
        _ operation: () throws(Failure) -> HTTPResponse
    ) throws(Failure) -> HTTPResponse {
        var failures = 0
        while true {
            do {
                let response = try operation()
                failures += 1
                if response.status < 500 || failures >= maxAttempts {
                    return response
                }
            } catch {
                failures += 1
                if !(error is TransportError) || failures >= maxAttempts {
                    throw error
                }
            }
            sleep(delay(afterFailures: failures, jitter: jitter()))
        }
    }
}
