import Foundation
import VennDomain
import VennSchema
import VennStore

/// A new store in its own temporary directory, removed afterwards.
final class CSVStoreFixture {
    let directory: URL
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-csv-tests-\(UUID().uuidString)", isDirectory: true)
        store = try Store.create(at: directory.appendingPathComponent("group.sqlite").path, group: "testgroup")
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The collection's schema from the embedded schemas.
    static func collection(_ name: String) throws -> CollectionSchema {
        guard let collection = SchemaSet.embedded.collection(named: name) else {
            throw MissingCollection(name: name)
        }
        return collection
    }

    /// An importer for the embedded collection `name`.
    static func importer(_ name: String, ignoreUnknownColumns: Bool = false) throws -> RecordImporter {
        RecordImporter(collection: try collection(name), ignoreUnknownColumns: ignoreUnknownColumns)
    }
}

struct MissingCollection: Error {
    var name: String
}
