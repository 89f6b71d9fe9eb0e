import Foundation
import PackagePlugin

/// Compiles the record schemas under `Schemas/records/` into the target, so
/// that every program carries the exact schemas it was built with and finds
/// them without a path, wherever its binary is installed.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let schemas = context.package.directoryURL.appending(path: "Schemas")
        let records = schemas.appending(path: "records")
        let inputs = try FileManager.default
            .contentsOfDirectory(at: records, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let version = schemas.appending(path: "VERSION")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemas.swift")

        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) record schemas",
                executable: try context.tool(named: "VennSchemaEmbedder").url,
                arguments: [output.path(), version.path()] + inputs.map { $0.path() },
                inputFiles: [version] + inputs,
                outputFiles: [output]
            ),
        ]
    }
}
