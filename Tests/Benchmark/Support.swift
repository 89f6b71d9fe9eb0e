import Foundation
import VennSQLite

// Helpers for the sync benchmark: timing, memory figures, and a real
// `venn-server` process.

/// Seconds taken by `body`, with its result.
func timed<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    return (seconds(clock.now - start), value)
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

/// The middle value of `values`.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// A line of `/proc/PID/status` in kilobytes, e.g. `VmHWM`.
func processStatusKilobytes(_ key: String, pid: String = "self") -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
        let digits = line.dropFirst(key.count + 1).filter(\.isNumber)
        return Int(digits)
    }
    return nil
}

/// The machine's load averages, as `/proc/loadavg` gives them.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Finds a program built next to this benchmark's binary.
func builtProgram(_ name: String) throws -> URL {
    let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = own.deletingLastPathComponent()
    while directory.path != "/" {
        let candidate = directory.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    throw BenchmarkFailure("no \(name) next to \(own.path); build with `swift build -c release` first")
}

/// Runs a program to its end; returns what it printed on stdout.
func runProgram(_ program: URL, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchmarkFailure("\(program.lastPathComponent) \(arguments.joined(separator: " ")) failed")
    }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A `venn-server` process on a loopback port with its own data folder.
final class ServerProcess {
    let program: URL
    let dataDirectory: String
    private var process: Process?
    private(set) var url = ""

    init(program: URL, dataDirectory: String) {
        self.program = program
        self.dataDirectory = dataDirectory
    }

    var pid: Int32? { process?.processIdentifier }

    /// Runs an administration command against the data folder.
    func admin(_ arguments: [String]) throws -> String {
        try runProgram(program, arguments + ["--data", dataDirectory])
    }

    /// Starts serving on a free port and reads the address it prints.
    func start() throws {
        let process = Process()
        process.executableURL = program
        process.arguments = ["serve", "--data", dataDirectory, "--listen", "127.0.0.1:0"]
        let output = Pipe()
        process.standardOutput = output
        // The request log goes nowhere: writing it is part of the server's
        // cost, but keeping it is not.
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process

        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else {
            stop()
            throw BenchmarkFailure("venn-server did not start: \(text)")
        }
        url = text[range.lowerBound...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server with SIGTERM and waits for it.
    func stop() {
        guard let process else { return }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        self.process = nil
    }

    deinit {
        stop()
    }
}

/// Formats a number of seconds for the table.
func format(seconds value: Double) -> String {
    value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value)
}

func format(_ value: Double, decimals: Int = 1) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Writes a line to standard output at once, so progress shows while it runs.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
