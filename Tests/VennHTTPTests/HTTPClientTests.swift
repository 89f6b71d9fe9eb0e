import Foundation
import Synchronization
import Testing
import VennHTTP

struct HTTPClientTests {
    @Test func oneConnectionServesManyRequests() throws {
        let fixture = try TestServer.echo()
        let client = try fixture.makeClient()
        var connections = 0

        for index in 0..<20 {
            let method = index.isMultiple(of: 2) ? "GET" : "POST"
            let body = method == "POST" ? compressibleText(count: 3000) : Data()
            let response = try client.send(HTTPRequest(method: method, path: "/\(index)", body: body))
            #expect(response.status == 200)
            connections += client.lastStatistics.connections
        }

        #expect(connections == 1)
    }

    @Test func aSlowServerTimesOutTheRequest() throws {
        let release = DispatchSemaphore(value: 0)
        let fixture = try TestServer { _ in
            _ = release.wait(timeout: .now() + 2)
            return HTTPResponse(status: 200)
        }
        defer { release.signal() }
        var configuration = fixture.clientConfiguration
        configuration.requestTimeout = .milliseconds(300)
        let client = try HTTPClient(configuration: configuration)
        let start = ContinuousClock.now

        let error = #expect(throws: TransportError.self) {
            try client.send(HTTPRequest(method: "GET", path: "/slow"))
        }

        #expect(error?.code == .timedOut)
        #expect(error?.curlCode == 28)
        #expect(ContinuousClock.now - start < .seconds(1.5))
    }

    @Test func aClosedPortRefusesTheConnection() throws {
        // Bind a free port, then stop the server so nothing listens there.
        let fixture = try TestServer.echo()
        fixture.server.stop()
        let client = try fixture.makeClient()

        let error = #expect(throws: TransportError.self) {
            try client.send(HTTPRequest(method: "GET", path: "/"))
        }

        #expect(error?.code == .couldNotConnect)
        #expect(error?.curlCode == 7)
        #expect(error?.description.contains("couldNotConnect") == true)
    }

    @Test func aResponseOverTheLimitIsRefused() throws {
        let body = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        let fixture = try TestServer { _ in HTTPResponse(status: 200, body: body) }
        var configuration = fixture.clientConfiguration
        configuration.maxResponseBytes = 100_000
        let client = try HTTPClient(configuration: configuration)

        let error = #expect(throws: TransportError.self) {
            try client.send(HTTPRequest(method: "GET", path: "/"))
        }

        #expect(error?.code == .tooLarge)
    }

    @Test func eightThreadsWithTheirOwnClientsAllSucceed() throws {
        let fixture = try TestServer.echo(configuration: .init(threads: 4))
        let clientConfiguration = fixture.clientConfiguration
        let successes = Atomic(0)
        let failures = Atomic(0)

        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            guard let client = try? HTTPClient(configuration: clientConfiguration) else {
                failures.add(1, ordering: .relaxed)
                return
            }
            for index in 0..<25 {
                let body = Data(#"{"thread":\#(thread),"index":\#(index)}"#.utf8)
                let request = HTTPRequest(method: "POST", path: "/t\(thread)", body: body)
                let echo = (try? client.send(request)).flatMap { try? JSONDecoder().decode(Echo.self, from: $0.body) }
                if echo?.path == "/t\(thread)" && echo?.body == String(decoding: body, as: UTF8.self) {
                    successes.add(1, ordering: .relaxed)
                } else {
                    failures.add(1, ordering: .relaxed)
                }
            }
        }

        #expect(successes.load(ordering: .relaxed) == 200)
        #expect(failures.load(ordering: .relaxed) == 0)
    }

    @Test func aBaseURLWithATrailingSlashJoinsThePathOnce() throws {
        let fixture = try TestServer.echo()
        var configuration = fixture.clientConfiguration
        configuration.baseURL += "/"
        let client = try HTTPClient(configuration: configuration)

        let response = try client.send(HTTPRequest(method: "GET", path: "/healthz"))

        #expect(try JSONDecoder().decode(Echo.self, from: response.body).path == "/healthz")
    }
}
