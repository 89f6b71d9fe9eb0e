import Foundation

// Writes a Swift file holding the schema version and each record schema's
// bytes, so the schema module needs no resource lookup at run time.
//
// Usage: VennSchemaEmbedder OUTPUT VERSION-FILE SCHEMA.json...

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: VennSchemaEmbedder OUTPUT VERSION SCHEMA...\n".utf8))
    exit(1)
}
let output = URL(fileURLWithPath: arguments[arguments.startIndex])
let versionFile = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
let schemaFiles = arguments.dropFirst(2).map { URL(fileURLWithPath: $0) }

do {
    let version = try String(contentsOf: versionFile, encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let number = Int(version) else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: versionFile.path])
    }
    var source = """
        // Generated at build time from Schemas/. Do not edit.

        package enum EmbeddedSchemas {
            /// The version of the schema set, from `Schemas/VERSION`.
            package static let version = \(number)

            /// Each record schema file's name and its bytes in base64, sorted
            /// by name. Base64 keeps the literal cheap to compile and immune to
            /// quoting.
            package static let files: [(name: String, base64: String)] = [

        """
    for file in schemaFiles {
        let data = try Data(contentsOf: file)
        source += "        (\"\(file.lastPathComponent)\", \"\(data.base64EncodedString())\"),\n"
    }
    source += "    ]\n}\n"
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("VennSchemaEmbedder: \(error)\n".utf8))
    exit(1)
}
