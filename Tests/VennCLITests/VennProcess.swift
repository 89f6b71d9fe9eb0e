import Foundation
import Testing
import VennTestSupport

/// Runs the built `venn` program as a child process, in a temporary data
/// folder, and captures what it prints.
final class VennProcess {
    typealias Result = ProcessResult

    /// The `venn` binary built next to this test bundle.
    static let builtProgram = VennTestSupport.builtProgram("venn")

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
        var environment = [
            "HOME": home.path,
            "XDG_DATA_HOME": dataHome,
            "LANG": language,
            "PATH": "/usr/bin:/bin",
        ]
        environment.merge(extra) { $1 }
        return try runProgram(program, arguments, environment: environment, scratch: home, directory: home)
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
