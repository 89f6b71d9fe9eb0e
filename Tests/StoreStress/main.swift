import Foundation
import VennSchema
import VennStore

// Writes batches of records into a store, each batch one transaction, and
// prints a line after each commit. Tests kill it (SIGKILL) while a batch is
// being written and then check that the store is consistent.
//
// Usage: VennStoreStress STORE-PATH BATCHES RECORDS-PER-BATCH

let arguments = CommandLine.arguments
guard arguments.count == 4, let batches = Int(arguments[2]), let size = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: VennStoreStress STORE BATCHES SIZE\n".utf8))
    exit(1)
}

do {
    let store = try Store.open(at: arguments[1])
    for batch in 1...batches {
        try store.batch {
            for index in 0..<size {
                _ = try store.add(
                    collection: "activity_type",
                    fields: [
                        "code": .string("code-\(batch)-\(index)"),
                        "label": .string("Activity \(batch).\(index)"),
                    ]
                )
            }
        }
        print("committed \(batch)")
        fflush(nil)
    }
    try store.close()
} catch {
    FileHandle.standardError.write(Data("VennStoreStress: \(error)\n".utf8))
    exit(2)
}
