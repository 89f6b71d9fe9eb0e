import Foundation
import Testing

/// Runs the built `venn` program as a child process, in a temporary data
/// folder, and captures what it prints.
final class VennProcess {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// The `venn` binary built next to this test bundle.
    static let builtProgram: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("venn").path),
            directory.path != "/"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("venn")
    }()

    let home: URL
    var program: URL
    var language = "en_US.UTF-8"

    init() throws {
        home = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        program = Self.builtProgram
    }

    deinit {
        try? FileManager.default.removeItem(at: home)
    }

    var dataHome: String { home.appendingPathComponent("data").path }

    /// Runs `venn` with `arguments`; `extra` adds to or overrides the
    /// environment.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var environment = [
            "HOME": home.path,
            "XDG_DATA_HOME": dataHome,
            "LANG": language,
            "PATH": "/usr/bin:/bin",
        ]
        environment.merge(extra) { $1 }
        process.environment = environment
        process.currentDirectoryURL = home

        // Standard error goes to a file, so only one pipe is read and none can fill up.
        let errorURL = home.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer { try? FileManager.default.removeItem(at: errorURL) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        )
    }

    /// Runs `venn` and requires success; returns standard output trimmed.
    func succeed(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try run(arguments, environment: environment)
        #expect(result.status == 0, "venn \(arguments.joined(separator: " ")) failed: \(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The JSON `venn ... --json` prints.
    func json(_ arguments: [String]) throws -> Any {
        let text = try succeed(arguments + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
