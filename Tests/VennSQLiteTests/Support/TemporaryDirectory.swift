import Foundation

/// A failure of the test fixtures themselves, not of the code under test.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// Runs `body` with a new, empty directory that is removed afterwards.
///
/// - Parameter body: Receives the directory's absolute path.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    var template = Array((NSTemporaryDirectory() + "/venn-sqlite-XXXXXX").utf8CString)
    guard let created = mkdtemp(&template) else {
        throw FixtureError(description: "mkdtemp failed: errno \(errno)")
    }
    let directory = String(cString: created)
    defer {
        // Restore write access first, in case a test took it away.
        chmod(directory, 0o700)
        try? FileManager.default.removeItem(atPath: directory)
    }
    return try body(directory)
}

/// The permission bits of the file at `path`.
func permissions(of path: String) throws -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else {
        throw FixtureError(description: "stat failed for \(path): errno \(errno)")
    }
    return Int(info.st_mode & 0o777)
}

/// Whether anything exists at `path`.
func fileExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

/// Writes `bytes` to a new file at `path`.
func writeFile(_ path: String, bytes: [UInt8]) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        throw FixtureError(description: "could not write \(path)")
    }
}
