import Foundation
import Testing
import VennTestSupport

/// A real `venn-server` process on a loopback port, with its data folder.
final class ServerProcess {
    let directory: URL
    private(set) var process: Process?
    private(set) var url = ""
    private(set) var port: UInt16 = 0
    private var logHandle: FileHandle?
    let logURL: URL

    init(directory: URL) {
        self.directory = directory
        logURL = directory.appendingPathComponent("server.log")
    }

    var dataDirectory: String { directory.appendingPathComponent("server-data").path }

    /// Starts the server; `port` 0 picks a free one, read back from its first line.
    func start(port requestedPort: UInt16 = 0) throws {
        let process = Process()
        process.executableURL = builtProgram("venn-server")
        process.arguments = [
            "serve", "--data", dataDirectory, "--listen", "127.0.0.1:\(requestedPort)", "--threads", "4",
        ]
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = log
        try process.run()

        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let range = text.range(of: "http://") else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "server said: \(text)"])
        }
        url = String(text[range.lowerBound...])
        self.port = UInt16(url.split(separator: ":").last ?? "") ?? 0
        self.process = process
        logHandle = log
    }

    /// Stops the server with SIGTERM and waits for it to exit.
    ///
    /// - Returns: The exit status, or nil when it was not running.
    @discardableResult
    func stop() -> Int32? {
        guard let process else { return nil }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
        try? logHandle?.close()
        return process.terminationStatus
    }

    /// Kills the server with SIGKILL.
    func kill() {
        guard let process else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
        try? logHandle?.close()
    }

    /// Runs an administration command against the data folder.
    func admin(_ arguments: [String]) throws -> String {
        let result = try runProgram(
            builtProgram("venn-server"),
            arguments + ["--data", dataDirectory],
            environment: ["PATH": "/usr/bin:/bin"],
            scratch: directory
        )
        #expect(result.status == 0, "venn-server \(arguments.joined(separator: " ")): \(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var log: String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    }

    deinit {
        stop()
    }
}

/// One laptop: its own data folder and `venn`.
struct Laptop {
    let name: String
    let home: URL

    var environment: [String: String] {
        ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path, "LANG": "en_US.UTF-8",
         "PATH": "/usr/bin:/bin"]
    }

    var storePath: String { home.appendingPathComponent("data/venn/askvoll.sqlite").path }

    @discardableResult
    func run(_ arguments: [String]) throws -> ProcessResult {
        try runProgram(builtProgram("venn"), arguments, environment: environment, scratch: home)
    }

    func succeed(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "\(name): venn \(arguments.joined(separator: " ")): \(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try succeed(arguments + ["--json"]).utf8))
    }

    /// The live records of a collection, by id, as JSON objects.
    func records(_ collection: String) throws -> [String: NSDictionary] {
        let list = try #require(try json(["list", collection]) as? [[String: Any]])
        var byID: [String: NSDictionary] = [:]
        for item in list {
            if let id = item["id"] as? String, let fields = item["fields"] as? NSDictionary { byID[id] = fields }
        }
        return byID
    }
}

/// A server with the group `askvoll` and laptops enrolled in it.
final class SyncWorld {
    let directory: URL
    let server: ServerProcess
    private(set) var laptops: [Laptop] = []

    init(laptops count: Int) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-sync-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        server = ServerProcess(directory: directory)
        _ = try server.admin(["group", "create", "askvoll", "--name", "Askvoll", "--municipality", "4645"])
        try server.start()
        for index in 0..<count {
            try enrollLaptop(named: "laptop\(index)")
        }
    }

    @discardableResult
    func enrollLaptop(named name: String) throws -> Laptop {
        let home = directory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let laptop = Laptop(name: name, home: home)
        let code = try server.admin(["code", "create", "--group", "askvoll"])
        _ = try laptop.succeed(["init", "--group", "askvoll", "--server", server.url, "--code", code])
        laptops.append(laptop)
        return laptop
    }

    /// Syncs every laptop, twice round, so each sees every other's changes.
    func syncAll() throws {
        for _ in 0..<2 {
            for laptop in laptops {
                _ = try laptop.succeed(["sync"])
            }
        }
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
