import Foundation
import Synchronization
import Testing
import VennHTTP

struct RetryPolicyTests {
    private static let refused = TransportError(code: .couldNotConnect, curlCode: 7, message: "refused")

    @Test func retriesServerErrorsAndTransportErrorsThenSucceeds() throws {
        // The server fails twice with 503; the first attempt does not reach it.
        let calls = CallCounter()
        let fixture = try TestServer { _ in
            let call = calls.increment()
            return HTTPResponse(status: call <= 2 ? 503 : 200, body: Data("{}".utf8))
        }
        let client = try fixture.makeClient()
        var attempts = 0
        var delays: [Duration] = []

        let response = try RetryPolicy().run(sleep: { delays.append($0) }, jitter: { 1 }) { () throws(TransportError) in
            attempts += 1
            if attempts == 1 { throw Self.refused }
            return try client.send(HTTPRequest(method: "GET", path: "/flaky"))
        }

        #expect(response.status == 200)
        #expect(attempts == 4)
        #expect(calls.value == 3)
        #expect(delays.map(milliseconds) == [200, 400, 800])
    }

    @Test(arguments: [400, 401, 404, 409, 422, 429])
    func clientErrorsAreNotRetried(status: Int) throws {
        let calls = CallCounter()
        let fixture = try TestServer { _ in
            calls.increment()
            return HTTPResponse.error(status: status, code: "nope", message: "No.")
        }
        let client = try fixture.makeClient()
        var delays: [Duration] = []

        let response = try RetryPolicy().run(sleep: { delays.append($0) }) { () throws(TransportError) in
            try client.send(HTTPRequest(method: "GET", path: "/"))
        }

        #expect(response.status == status)
        #expect(calls.value == 1)
        #expect(delays.isEmpty)
    }

    @Test func theLastServerErrorIsReturnedWhenAttemptsRunOut() throws {
        let policy = RetryPolicy(maxAttempts: 8, initialDelay: .milliseconds(100), maxDelay: .seconds(1))
        var attempts = 0
        var delays: [Duration] = []

        let response = policy.run(sleep: { delays.append($0) }, jitter: { 1.5 }) {
            attempts += 1
            return HTTPResponse(status: 500 + attempts)
        }

        #expect(response.status == 508)
        #expect(attempts == 8)
        #expect(delays.count == 7)
        #expect(delays.first.map(milliseconds) == 150)
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(delays.allSatisfy { $0 <= .seconds(1) })
        #expect(delays.last == .seconds(1))
    }

    @Test func theLastTransportErrorIsThrownWhenAttemptsRunOut() {
        var attempts = 0

        let error = #expect(throws: TransportError.self) {
            try RetryPolicy(maxAttempts: 3).run(sleep: { _ in }) { () throws(TransportError) -> HTTPResponse in
                attempts += 1
                throw Self.refused
            }
        }

        #expect(error?.code == .couldNotConnect)
        #expect(attempts == 3)
    }

    @Test func otherErrorsAreNotRetried() {
        struct Unrelated: Error {}
        var attempts = 0

        #expect(throws: Unrelated.self) {
            try RetryPolicy().run(sleep: { _ in }) { () throws -> HTTPResponse in
                attempts += 1
                throw Unrelated()
            }
        }

        #expect(attempts == 1)
    }

    @Test(arguments: [0.5, 1.0, 1.5])
    func delaysGrowExponentiallyWithJitterAndStayUnderTheCap(jitter: Double) {
        let policy = RetryPolicy(initialDelay: .milliseconds(200), maxDelay: .seconds(10))

        let delays = (1...12).map { policy.delay(afterFailures: $0, jitter: jitter) }

        #expect(milliseconds(delays[0]) == (200 * jitter).rounded())
        #expect(milliseconds(delays[1]) == (400 * jitter).rounded())
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(delays.allSatisfy { $0 <= .seconds(10) })
        #expect(delays.last == .seconds(10))
    }
}

/// A duration in milliseconds, rounded to a whole number.
private func milliseconds(_ duration: Duration) -> Double {
    (duration / .milliseconds(1)).rounded()
}
