import Dispatch
import Foundation
import VennHTTP
import VennServer

// `venn-server`: the sync server and its administration. Each command is
// one call into VennServer; this file parses arguments and prints.

let usage = """
    usage: venn-server serve --data DIR [--listen 127.0.0.1:PORT] [--threads N]
           venn-server group create GROUP --name NAME --municipality NNNN --data DIR
           venn-server code create --group GROUP [--days N] --data DIR
           venn-server device list --group GROUP --data DIR
           venn-server device revoke DEVICE --data DIR

    PORT 0 picks a free port; the bound address is printed on one line.
    The server stops cleanly on SIGTERM or SIGINT.
    """

/// Options and positional words of one invocation.
struct Arguments {
    var words: [String] = []
    var options: [String: String] = [:]

    init(_ raw: [String]) throws {
        var index = raw.startIndex
        while index < raw.endIndex {
            let argument = raw[index]
            index += 1
            guard argument.hasPrefix("--") else {
                words.append(argument)
                continue
            }
            let name = String(argument.dropFirst(2))
            if name == "help" {
                options[name] = ""
                continue
            }
            guard index < raw.endIndex else { throw UsageError("\(argument) needs a value") }
            options[name] = raw[index]
            index += 1
        }
    }

    func required(_ name: String) throws -> String {
        guard let value = options[name], !value.isEmpty else { throw UsageError("--\(name) is required") }
        return value
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(("venn-server: " + text + "\n").utf8))
}

func openStorage(_ arguments: Arguments) throws -> SQLiteServerStorage {
    let directory = try arguments.required("data")
    try FileManager.default.createDirectory(
        atPath: directory,
        withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700]
    )
    return try SQLiteServerStorage(directory: directory)
}

/// Serves until SIGTERM or SIGINT, then lets requests in flight finish.
func serve(_ arguments: Arguments) throws {
    let listen = arguments.options["listen"] ?? "127.0.0.1:8470"
    guard let colon = listen.lastIndex(of: ":"), let port = UInt16(listen[listen.index(after: colon)...]) else {
        throw UsageError("--listen takes HOST:PORT")
    }
    let host = String(listen[..<colon])
    let threads = Int(arguments.options["threads"] ?? "") ?? 8

    let storage = try openStorage(arguments)
    let log = RequestLogger()
    let service = SyncService(storage: storage, onRequest: log.write)
    let server = try HTTPServer(
        host: host,
        port: port,
        configuration: HTTPServer.Configuration(threads: threads),
        handler: service.handle
    )

    // Signals are taken by a dispatch source, not a C handler.
    signal(SIGTERM, SIG_IGN)
    signal(SIGINT, SIG_IGN)
    let stop = DispatchSemaphore(value: 0)
    let sources = [SIGTERM, SIGINT].map { number in
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { stop.signal() }
        source.resume()
        return source
    }

    printLine("venn-server listening on http://\(host):\(server.port)")
    log.lifecycle("started", ["port": String(server.port), "threads": String(threads)])
    stop.wait()
    log.lifecycle("stopping", [:])
    server.stop()
    withExtendedLifetime(storage) {}  // its connections close when it is released
    sources.forEach { $0.cancel() }
    log.lifecycle("stopped", [:])
}

func run(_ raw: [String]) throws {
    let arguments = try Arguments(raw)
    if arguments.options["help"] != nil || arguments.words.isEmpty {
        printLine(usage)
        if arguments.words.isEmpty && arguments.options["help"] == nil { exit(1) }
        return
    }
    switch (arguments.words.first, arguments.words.dropFirst().first) {
    case ("serve", _):
        try serve(arguments)
    case ("group", "create"):
        guard arguments.words.count == 3 else { throw UsageError("group create takes GROUP") }
        let admin = ServerAdmin(storage: try openStorage(arguments))
        let group = try admin.createGroup(
            id: arguments.words[2],
            name: try arguments.required("name"),
            municipality: try arguments.required("municipality")
        )
        printLine("Created group \(group.id).")
    case ("code", "create"):
        let admin = ServerAdmin(storage: try openStorage(arguments))
        let days = Int(arguments.options["days"] ?? "7") ?? 7
        let code = try admin.createEnrollmentCode(
            group: try arguments.required("group"),
            validFor: .seconds(days * 24 * 3600)
        )
        printLine(code)
    case ("device", "list"):
        let admin = ServerAdmin(storage: try openStorage(arguments))
        for device in try admin.devices(group: try arguments.required("group")) {
            let state = device.isRevoked ? "revoked" : "active"
            printLine("\(device.id)  \(state)  \(device.label ?? "")  replica \(device.replica)")
        }
    case ("device", "revoke"):
        guard arguments.words.count == 3 else { throw UsageError("device revoke takes DEVICE") }
        let admin = ServerAdmin(storage: try openStorage(arguments))
        try admin.revokeDevice(id: arguments.words[2])
        printLine("Revoked device \(arguments.words[2]).")
    default:
        throw UsageError("unknown command \(arguments.words.joined(separator: " "))")
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch let error as UsageError {
    printError(error.description)
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(1)
} catch {
    printError("\(error)")
    exit(2)
}
