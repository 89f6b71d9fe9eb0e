import Foundation
import Testing
import VennHTTP

/// The server and client together over loopback.
struct HTTPServerTests {
    @Test(arguments: ["GET", "POST", "PUT", "DELETE", "PATCH"])
    func echoRoundTripCarriesMethodPathQueryAndHeaders(method: String) throws {
        let fixture = try TestServer.echo()
        let client = try fixture.makeClient()
        let body = method == "GET" || method == "DELETE" ? "" : #"{"name":"Kari"}"#
        let request = HTTPRequest(
            method: method,
            path: "/v1/groups/askvoll/changes",
            query: ["since": "42", "note": "a b&c=d/æ"],
            headers: ["X-Venn-Schema": "3"],
            body: Data(body.utf8)
        )

        let response = try client.send(request)

        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let echo = try JSONDecoder().decode(Echo.self, from: response.body)
        #expect(echo.method == method)
        #expect(echo.path == "/v1/groups/askvoll/changes")
        #expect(echo.query == ["since": "42", "note": "a b&c=d/æ"])
        #expect(echo.headers["x-venn-schema"] == "3")
        #expect(echo.headers["expect"] == nil)
        #expect(echo.body == body)
    }

    @Test func largeRequestBodiesAreGzippedAndDecodedBeforeTheHandler() throws {
        let fixture = try TestServer.echo()
        let client = try fixture.makeClient()
        let body = compressibleText(count: 20_000)

        let response = try client.send(HTTPRequest(method: "POST", path: "/push", body: body))

        let echo = try JSONDecoder().decode(Echo.self, from: response.body)
        #expect(echo.headers["content-encoding"] == "gzip")
        #expect(echo.body == String(decoding: body, as: UTF8.self))
        #expect(client.lastStatistics.bytesSent < body.count / 5)
    }

    @Test func smallRequestBodiesAreSentPlain() throws {
        let fixture = try TestServer.echo()
        let client = try fixture.makeClient()

        let response = try client.send(HTTPRequest(method: "POST", path: "/", body: compressibleText(count: 1000)))

        let echo = try JSONDecoder().decode(Echo.self, from: response.body)
        #expect(echo.headers["content-encoding"] == nil)
        #expect(client.lastStatistics.bytesSent == 1000)
    }

    @Test func largeResponsesAreGzippedOnTheWireAndDecodedByTheClient() throws {
        let body = compressibleText(count: 50_000)
        let fixture = try TestServer { _ in HTTPResponse(status: 200, body: body) }
        let client = try fixture.makeClient()

        let response = try client.send(HTTPRequest(method: "GET", path: "/changes"))

        #expect(response.body == body)
        #expect(response.headers["content-encoding"] == "gzip")
        #expect(response.headers["vary"] == "Accept-Encoding")
        #expect(client.lastStatistics.bytesReceived < body.count / 5)
    }

    @Test func smallResponsesAreNotCompressed() throws {
        let body = compressibleText(count: 1024)
        let fixture = try TestServer { _ in HTTPResponse(status: 200, body: body) }
        let client = try fixture.makeClient()

        let response = try client.send(HTTPRequest(method: "GET", path: "/"))

        #expect(response.body == body)
        #expect(response.headers["content-encoding"] == nil)
        #expect(client.lastStatistics.bytesReceived == 1024)
    }

    @Test func aContentTypeSetByTheHandlerIsKept() throws {
        let fixture = try TestServer { _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data("ok".utf8))
        }
        let client = try fixture.makeClient()

        let response = try client.send(HTTPRequest(method: "GET", path: "/metrics"))

        #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
    }

    @Test func corruptGzipIsRejectedWithoutCallingTheHandler() throws {
        let calls = CallCounter()
        let fixture = try TestServer.echo(calls: calls)
        let client = try fixture.makeClient()
        let request = HTTPRequest(
            method: "POST",
            path: "/push",
            headers: ["Content-Encoding": "gzip"],
            body: Data("this is not gzip".utf8)
        )

        let response = try client.send(request)

        #expect(response.status == 400)
        #expect(errorCode(of: response) == "bad_gzip")
        #expect(calls.value == 0)
    }

    @Test func anUnknownContentEncodingIsRejected() throws {
        let calls = CallCounter()
        let fixture = try TestServer.echo(calls: calls)
        let client = try fixture.makeClient()
        let request = HTTPRequest(method: "POST", path: "/", headers: ["Content-Encoding": "br"], body: Data("x".utf8))

        let response = try client.send(request)

        #expect(response.status == 415)
        #expect(errorCode(of: response) == "unsupported_encoding")
        #expect(calls.value == 0)
    }

    @Test func aBodyOverTheLimitGets413WithoutCallingTheHandler() throws {
        let calls = CallCounter()
        let fixture = try TestServer.echo(configuration: .init(threads: 2, maxBodyBytes: 4096), calls: calls)
        var configuration = fixture.clientConfiguration
        configuration.compressRequestsAbove = .max
        let client = try HTTPClient(configuration: configuration)

        let response = try client.send(HTTPRequest(method: "POST", path: "/", body: Data(count: 4097)))

        #expect(response.status == 413)
        #expect(errorCode(of: response) == "body_too_large")
        #expect(calls.value == 0)

        // A body exactly at the limit is accepted.
        let accepted = try client.send(HTTPRequest(method: "POST", path: "/", body: Data(count: 4096)))
        #expect(accepted.status == 200)
        #expect(calls.value == 1)
    }

    @Test func aChunkedBodyThatGrowsPastTheLimitGets413() throws {
        let calls = CallCounter()
        let fixture = try TestServer.echo(configuration: .init(threads: 2, maxBodyBytes: 10_000), calls: calls)
        let connection = try #require(RawConnection(port: fixture.server.port))
        var request = Data("POST /push HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n".utf8)
        request.append(Data("Connection: close\r\n\r\n".utf8))
        for _ in 0..<8 {
            request.append(Data("800\r\n".utf8) + Data(repeating: 0x61, count: 0x800) + Data("\r\n".utf8))
        }
        request.append(Data("0\r\n\r\n".utf8))

        #expect(connection.write(request))
        let reply = String(decoding: connection.readToEnd(), as: UTF8.self)

        #expect(reply.hasPrefix("HTTP/1.1 413"))
        #expect(reply.contains(#""error":"body_too_large""#))
        #expect(calls.value == 0)
    }

    @Test func aGzipBodyThatExpandsPastTheLimitGets413() throws {
        let calls = CallCounter()
        let configuration = HTTPServer.Configuration(threads: 2, maxDecompressedBytes: 1_000_000)
        let fixture = try TestServer.echo(configuration: configuration, calls: calls)
        let client = try fixture.makeClient()

        let response = try client.send(HTTPRequest(method: "POST", path: "/", body: Data(count: 5_000_000)))

        #expect(response.status == 413)
        #expect(errorCode(of: response) == "body_too_large")
        #expect(calls.value == 0)
    }

    @Test func theServerReportsTheBoundPort() throws {
        let fixture = try TestServer.echo()
        #expect(fixture.server.port != 0)
    }

    @Test func aHostThatIsNotAnIPv4AddressIsRejected() {
        let error = #expect(throws: HTTPServerError.self) {
            try HTTPServer(host: "localhost", configuration: .init()) { _ in HTTPResponse(status: 200) }
        }
        #expect(error?.code == .invalidHost)
    }

    @Test(arguments: [1, 2])
    func aBlockedHandlerDoesNotStopOtherRequests(threads: Int) throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let fixture = try TestServer(configuration: .init(threads: threads)) { request in
            if request.path == "/slow" {
                entered.signal()
                release.wait()
            }
            return HTTPResponse(status: 200)
        }
        let clientConfiguration = fixture.clientConfiguration
        let slowDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? HTTPClient(configuration: clientConfiguration).send(HTTPRequest(method: "GET", path: "/slow"))
            slowDone.signal()
        }
        entered.wait()
        defer {
            release.signal()
            slowDone.wait()
        }

        var configuration = clientConfiguration
        configuration.requestTimeout = .seconds(5)
        let response = try HTTPClient(configuration: configuration).send(HTTPRequest(method: "GET", path: "/fast"))

        #expect(response.status == 200)
    }

    @Test func stopWaitsForARequestInFlightToBeAnswered() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let fixture = try TestServer { _ in
            entered.signal()
            release.wait()
            return HTTPResponse(status: 200, body: Data(#"{"slow":true}"#.utf8))
        }
        let clientConfiguration = fixture.clientConfiguration
        let outcome = ResultBox()

        // The client waits for the slow handler on another thread.
        let clientDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outcome.store(Result { () throws(TransportError) in
                try HTTPClient(configuration: clientConfiguration).send(HTTPRequest(method: "GET", path: "/slow"))
            })
            clientDone.signal()
        }
        entered.wait()

        // Stop while the handler runs; it must not return before the handler does.
        let stopDone = DispatchSemaphore(value: 0)
        let server = fixture.server
        Thread.detachNewThread {
            server.stop()
            stopDone.signal()
        }
        #expect(stopDone.wait(timeout: .now()) == .timedOut)
        release.signal()
        stopDone.wait()
        clientDone.wait()

        let response = try #require(try outcome.value?.get())
        #expect(response.status == 200)
        #expect(response.body == Data(#"{"slow":true}"#.utf8))

        // Stopped means stopped: new connections are refused, and stop is idempotent.
        server.stop()
        let error = #expect(throws: TransportError.self) {
            try HTTPClient(configuration: clientConfiguration).send(HTTPRequest(method: "GET", path: "/"))
        }
        #expect(error?.code == .couldNotConnect)
    }
}

/// Hands a client result from a helper thread to the test.
private final class ResultBox: @unchecked Sendable {
    // @unchecked Sendable: written once before a semaphore signal, read after the wait.
    private(set) var value: Result<HTTPResponse, TransportError>?

    func store(_ result: Result<HTTPResponse, TransportError>) {
        value = result
    }
}
