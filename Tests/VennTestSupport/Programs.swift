public import Foundation

/// A program built next to the running test bundle, such as `venn`.
public func builtProgram(_ name: String) -> URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(name).path),
        directory.path != "/"
    {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent(name)
}

/// How a program ended and what it printed.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var output: String
    public var error: String
}

/// Runs a program to its end and captures what it prints.
///
/// Standard error goes to a file in `scratch`, so only one pipe is read
/// and none can fill up and block the child.
@discardableResult
public func runProgram(
    _ program: URL,
    _ arguments: [String],
    environment: [String: String],
    scratch: URL,
    directory: URL? = nil
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory

    let errorURL = scratch.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let errorHandle = try FileHandle(forWritingTo: errorURL)
    defer { try? FileManager.default.removeItem(at: errorURL) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    return ProcessResult(
        status: process.terminationStatus,
        output: String(decoding: data, as: UTF8.self),
        error: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
    )
}
