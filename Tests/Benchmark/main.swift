import Foundation
import VennDomain
import VennHTTP
import VennSQLite
import VennSchema
import VennStore
import VennSync
import VennSyncClient

// `venn-benchmark`: measures the sync budgets of the design against SQLite
// on this machine, in one run, and prints figures and ratios. It asserts
// nothing about timings.
//
//     swift build -c release && swift run -c release venn-benchmark [RECORDS]
//     swift run -c release venn-benchmark stress-store    # only the stress store's section

let recordCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let group = "bench"
let collection = "activity_type"

/// One line of the closing table.
struct Figure {
    var name: String
    var value: String
    var target: String
    var ratio: String
}

var figures: [Figure] = []

@MainActor
func report(_ name: String, _ value: String, target: String = "", ratio: String = "") {
    figures.append(Figure(name: name, value: value, target: target, ratio: ratio))
    emit("  \(name): \(value)" + (ratio.isEmpty ? "" : "  (\(ratio))"))
}

@MainActor
func step(_ text: String) {
    emit("== \(text)")
}

let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("venn-benchmark-\(UUID().uuidString)", isDirectory: true)
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

let server = ServerProcess(
    program: try builtProgram("venn-server"),
    dataDirectory: scratch.appendingPathComponent("server").path
)
defer { server.stop() }

let options = Store.Options(actor: "bench")

// `stress-store` runs only the stress store's section, without a server.
if CommandLine.arguments.dropFirst().first == "stress-store" {
    try benchmarkStressStore(in: scratch, options: options)
    printSummary("stress store only")
    try? FileManager.default.removeItem(at: scratch)
    exit(0)
}

/// A new store enrolled with the server.
@MainActor
func enrolledStore(_ name: String) throws -> Store {
    let store = try Store.create(at: scratch.appendingPathComponent("\(name).sqlite").path, group: group,
                                 options: options)
    let code = try server.admin(["code", "create", "--group", group])
    try Enrollment.enroll(store: store, server: server.url, code: code, label: name)
    return store
}

/// The ids of the store's records of the benchmark collection, in id order.
@MainActor
func recordIDs(_ store: Store) throws -> [String] {
    let database = try Database(path: store.path, options: .init(mode: .readOnly))
    defer { try? database.close() }
    return try database.query(sql: "SELECT id FROM records WHERE collection = ? ORDER BY id",
                              arguments: [.text(collection)]).compactMap { $0["id"].textValue }
}

emit("venn-benchmark: \(recordCount) records, \(ProcessInfo.processInfo.activeProcessorCount) cores, "
    + "load average \(loadAverage())")

// MARK: - Server and stores

step("server")
_ = try server.admin(["group", "create", group, "--name", "Benchmark", "--municipality", "4645"])
try server.start()
let seeder = try enrolledStore("seeder")
let puller = try enrolledStore("puller")

step("seeding \(recordCount) records into a store")
let seeded = try timed {
    try seeder.batch {
        for index in 0..<recordCount {
            _ = try seeder.add(collection: collection, fields: [
                "code": .string("act-\(index)"),
                "label": .string("Aktivitet nummer \(index)"),
                "group_capable": .bool(index % 3 == 0),
            ])
        }
    }
}
report("local add, \(recordCount) records in one batch", format(seconds: seeded.seconds),
       ratio: format(Double(recordCount) / seeded.seconds, decimals: 0) + " records/s")

// The push body without gzip: what JSON costs per record before compression.
let sample = try seeder.pendingVersions(limit: 1_000)
let sampleBody = try JSONEncoder().encode(
    Wire.PushRequest(replica: seeder.replica, schemaVersion: seeder.schemas.version, versions: sample)
)
let jsonPerRecord = Double(sampleBody.count) / Double(sample.count)

step("pushing \(recordCount) records to the server (batches of 5,000)")
let seedClient = try SyncClient(store: seeder, limits: .init(pushBatch: 5_000, pullBatch: 5_000))
let seedPush = try timed { try seedClient.sync() }
guard seedPush.value.pushed == recordCount, seedPush.value.rejected == 0 else {
    throw BenchmarkFailure("seeding pushed \(seedPush.value.pushed), rejected \(seedPush.value.rejected)")
}
report("seed sync (push \(recordCount), then pull them back)", format(seconds: seedPush.seconds),
       ratio: format(Double(recordCount) / seedPush.seconds, decimals: 0) + " records/s")

// MARK: - Initial pull

step("initial sync of \(recordCount) records into an empty store")
let pullClient = try SyncClient(store: puller)
let initial = try timed { try pullClient.sync() }
guard initial.value.pulled == recordCount else {
    throw BenchmarkFailure("the initial sync pulled \(initial.value.pulled) of \(recordCount)")
}
let clientPeakAfterPull = processStatusKilobytes("VmHWM") ?? 0

// MARK: - Baseline: SQLite inserting the same rows

step("baseline: SQLite inserting the same \(recordCount) rows in one transaction")
struct RowCopy {
    var collection, id, fields, clock: String
    var concurrent: String?
    var vv: String
    var deleted, updated: Int64
}

let rows: [RowCopy] = try {
    let database = try Database(path: puller.path, options: .init(mode: .readOnly))
    defer { try? database.close() }
    let statement = try database.prepare(
        sql: "SELECT collection, id, deleted, fields, clock, concurrent, vv, updated FROM records"
    )
    var copies: [RowCopy] = []
    copies.reserveCapacity(recordCount)
    while try statement.step() {
        copies.append(RowCopy(
            collection: statement.text(at: 0), id: statement.text(at: 1), fields: statement.text(at: 3),
            clock: statement.text(at: 4), concurrent: statement.isNull(at: 5) ? nil : statement.text(at: 5),
            vv: statement.text(at: 6), deleted: statement.int64(at: 2), updated: statement.int64(at: 7)
        ))
    }
    return copies
}()

/// Inserts `rows` into a fresh file with the store's `records` table and
/// the store's connection settings; returns the seconds taken.
@MainActor
func baselineInsert(_ rows: [RowCopy], name: String) throws -> Double {
    // A fresh store file gives exactly the store's tables; the rows go in
    // with plain SQLite, under the store's connection settings.
    let path = scratch.appendingPathComponent(name).path
    try Store.create(at: path, group: "baseline").close()
    let database = try Database(path: path)
    defer { try? database.close() }
    return try timed {
        try database.withTransaction {
            let insert = try database.prepare(sql: """
                INSERT INTO records (collection, id, deleted, fields, clock, concurrent, vv, updated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows {
                insert.bind([
                    .text(row.collection), .text(row.id), .integer(row.deleted), .text(row.fields),
                    .text(row.clock), row.concurrent.map(SQLiteValue.text) ?? .null, .text(row.vv),
                    .integer(row.updated),
                ])
                _ = try insert.step()
                insert.reset()
            }
        }
    }.seconds
}

// The order the server sends them in is the order the sync inserts them in.
let baseline = median(try (0..<3).map { try baselineInsert(rows, name: "baseline-\($0).sqlite") })
let sqliteRowBytes = Double(rows.reduce(0) { $0 + $1.fields.utf8.count + $1.clock.utf8.count
    + $1.vv.utf8.count + $1.id.utf8.count + $1.collection.utf8.count }) / Double(max(rows.count, 1))


report("SQLite baseline: insert \(rows.count) rows, one transaction (median of 3)", format(seconds: baseline),
       target: "~0.3 s (design)")
report("initial sync, pull of \(recordCount) into an empty store", format(seconds: initial.seconds),
       target: "<= 3x baseline (5x at most)",
       ratio: format(initial.seconds / baseline) + "x baseline")
report("  pull throughput", format(Double(recordCount) / initial.seconds, decimals: 0) + " records/s")

// Where the pull's time goes: fetching the same pages again over HTTP, and
// parsing them as the client does, without applying them.
step("pull breakdown: fetch and decode the same pages without storing them")
let breakdown: (fetch: Double, decode: Double, bodyBytes: Int) = try {
    let token = try puller.syncState(Store.SyncStateKey.token) ?? ""
    let client = try HTTPClient(configuration: HTTPClient.Configuration(baseURL: server.url))
    var bodies: [Data] = []
    var cursor: Int64 = 0
    let fetch = try timed {
        while true {
            let response = try client.send(HTTPRequest(
                method: "GET",
                path: "/v1/groups/\(group)/changes",
                query: ["since": String(cursor), "limit": "2000"],
                headers: ["authorization": "Bearer " + token,
                          "venn-schema-version": String(puller.schemas.version)]
            ))
            guard response.status == 200 else { throw BenchmarkFailure("changes: HTTP \(response.status)") }
            // Only the cursor is read here; the pages are parsed below.
            let text = String(decoding: response.body.suffix(64), as: UTF8.self)
            bodies.append(response.body)
            let next = text.range(of: #""next":"#).flatMap { range in
                Int64(text[range.upperBound...].prefix { $0.isNumber })
            } ?? cursor
            if !text.contains(#""hasMore":true"#) || next == cursor { break }
            cursor = next
        }
    }
    let decode = try timed {
        var count = 0
        for body in bodies {
            count += try Wire.ChangesResponse(parsing: body).changes.count
        }
        return count
    }
    return (fetch.seconds, decode.seconds, bodies.reduce(0) { $0 + $1.count })
}()
report("  of which: HTTP fetch of the pages (server, gzip, transfer)",
       format(seconds: breakdown.fetch))
report("  of which: parsing the pages (the client's JSON parser)", format(seconds: breakdown.decode),
       ratio: format(breakdown.decode / baseline) + "x baseline")

// MARK: - Sync with nothing to do, incremental syncs

step("sync with nothing to do, 10 runs")
var idle: [Double] = []
for _ in 0..<10 {
    idle.append(try timed { try pullClient.sync() }.seconds)
}
report("no-op sync on a \(recordCount)-record store (median of 10)", format(seconds: median(idle)),
       target: "< 50 ms", ratio: format(median(idle) / 0.050, decimals: 2) + "x target")
report("  min / max", format(seconds: idle.min() ?? 0) + " / " + format(seconds: idle.max() ?? 0))

let ids = try recordIDs(puller)
guard ids.count >= 20_200 || recordCount < 100_000 else { throw BenchmarkFailure("too few ids: \(ids.count)") }

step("incremental: 100 local changes pushed")
try puller.batch {
    for id in ids.prefix(100) {
        _ = try puller.update(collection: collection, id: id, changes: ["label": .string("Endret lokalt")])
    }
}
let localSync = try timed { try pullClient.sync() }
report("sync pushing 100 local changes", format(seconds: localSync.seconds),
       target: "in proportion to the changes",
       ratio: format(localSync.seconds / median(idle)) + "x no-op; "
           + format(localSync.seconds / 100 * 1000, decimals: 2) + " ms/record")

step("incremental: 100 remote changes pulled")
try seeder.batch {
    for id in ids[100..<200] {
        _ = try seeder.update(collection: collection, id: id, changes: ["label": .string("Endret der borte")])
    }
}
_ = try seedClient.sync()
let remoteSync = try timed { try pullClient.sync() }
guard remoteSync.value.pulled >= 100 else { throw BenchmarkFailure("pulled \(remoteSync.value.pulled) of 100") }
report("sync pulling 100 remote changes", format(seconds: remoteSync.seconds),
       target: "in proportion to the changes",
       ratio: format(remoteSync.seconds / median(idle)) + "x no-op; "
           + format(remoteSync.seconds / 100 * 1000, decimals: 2) + " ms/record")

// MARK: - Push throughput with concurrent versions

let pushCount = min(10_000, ids.count - 1_000)
step("push of \(pushCount) records, half concurrent to the server's versions")
let pushIDs = Array(ids[1_000..<(1_000 + pushCount)])
let half = pushCount / 2
// The other laptop edits the first half and syncs: the server holds its versions.
try seeder.batch {
    for id in pushIDs.prefix(half) {
        _ = try seeder.update(collection: collection, id: id, changes: ["label": .string("Endret av A")])
    }
}
_ = try seedClient.sync()
// This laptop, offline, edited all of them: a quarter the same field (a
// conflict for the ledger), a quarter another field, the rest only here.
try puller.batch {
    for (index, id) in pushIDs.enumerated() {
        let change: [String: JSONValue] = index < half / 2 || index >= half
            ? ["label": .string("Endret av B")]
            : ["retired": .bool(true)]
        _ = try puller.update(collection: collection, id: id, changes: change)
    }
}
let pushSync = try timed { try pullClient.sync() }
report("sync pushing \(pushSync.value.pushed) records, \(pushSync.value.merged) merged by the server",
       format(seconds: pushSync.seconds),
       ratio: format(Double(pushSync.value.pushed) / pushSync.seconds, decimals: 0) + " records/s")
let pushBytesPerRecord = Double(pushSync.value.bytesSent) / Double(max(pushSync.value.pushed, 1))

// MARK: - Bytes on the wire

step("bytes on the wire")
report("initial pull: bytes received per record (gzip)",
       format(Double(initial.value.bytesReceived) / Double(recordCount)) + " B")
report("initial pull: uncompressed changes JSON per record",
       format(Double(breakdown.bodyBytes) / Double(recordCount)) + " B",
       ratio: "gzip saves " + format(100 - 100 * Double(initial.value.bytesReceived) / Double(breakdown.bodyBytes))
           + "%")
report("seed push: bytes sent per record (gzip, batches of 5,000)",
       format(Double(seedPush.value.bytesSent) / Double(recordCount)) + " B")
report("concurrent push: bytes sent per record (gzip, batches of 500)", format(pushBytesPerRecord) + " B")
report("push: uncompressed request JSON per record", format(jsonPerRecord) + " B")
report("SQLite row text per record (id, collection, fields, clock, vv)", format(sqliteRowBytes) + " B")

// MARK: - Memory

step("peak memory")
let serverPeak = server.pid.flatMap { processStatusKilobytes("VmHWM", pid: String($0)) } ?? 0
let clientPeak = processStatusKilobytes("VmHWM") ?? 0
report("server VmHWM after all runs", format(Double(serverPeak) / 1024) + " MiB")
report("client (this process) VmHWM after the initial pull", format(Double(clientPeakAfterPull) / 1024) + " MiB")
report("client (this process) VmHWM at the end (holds 2 stores + copies)", format(Double(clientPeak) / 1024)
    + " MiB")
server.stop()

// MARK: - Metadata share

/// Data and metadata bytes of a store's records, by how many replicas wrote them.
@MainActor
func metadataShare(path: String, label: String) throws {
    let database = try Database(path: path, options: .init(mode: .readOnly))
    defer { try? database.close() }
    let rows = try database.query(sql: """
        SELECT n, count(*) AS records, sum(length(CAST(fields AS BLOB))) AS data,
            sum(length(CAST(clock AS BLOB)) + ifnull(length(CAST(concurrent AS BLOB)), 0)
                + length(CAST(vv AS BLOB))) AS meta
        FROM (SELECT fields, clock, concurrent, vv, (SELECT count(*) FROM json_each(vv)) AS n
              FROM records WHERE collection = ? AND deleted = 0)
        GROUP BY n ORDER BY n
        """, arguments: [.text(collection)])
    for row in rows {
        let n = row["n"].int64Value ?? 0
        let count = row["records"].int64Value ?? 0
        let data = Double(row["data"].int64Value ?? 0)
        let meta = Double(row["meta"].int64Value ?? 0)
        report("\(label): \(n) replica(s) in vv, \(count) records",
               format(meta / Double(count)) + " B meta / " + format(data / Double(count)) + " B data",
               target: "< 20%", ratio: format(100 * meta / data) + "%")
    }
}

step("metadata share")
try metadataShare(path: puller.path, label: "synced store")

// A group of up to 20 replicas: each replica writes one field of the same
// records in turn (a realistic worst case for a small record), applied as
// remote versions into a scratch store.
let scratchStore = try Store.create(at: scratch.appendingPathComponent("replicas.sqlite").path, group: group,
                                    options: options)
let replicas = (0..<20).map { _ in ReplicaID.random() }
let writtenFields = ["label", "group_capable", "retired", "code"]
try scratchStore.batch {
    var versions: [RecordVersion] = []
    var generator = SystemRandomNumberGenerator()
    let now = UInt64(Date().timeIntervalSince1970 * 1000)
    for writers in [1, 2, 3, 5, 10, 20] {
        for index in 0..<500 {
            let id = RecordID.make(milliseconds: now, using: &generator)
            var version = RecordVersion(collection: collection, id: id)
                .writing(["code": .string("r\(writers)-\(index)"), "label": .string("Aktivitet nummer \(index)"),
                          "group_capable": .bool(false), "retired": .bool(false)],
                         dot: Dot(replica: replicas[0], counter: UInt64(index + 1)),
                         time: Timestamp(milliseconds: now))
            for writer in 1..<writers {
                let field = writtenFields[writer % writtenFields.count]
                let value: JSONValue = field == "label" || field == "code"
                    ? .string(field == "code" ? "r\(writers)-\(index)-\(writer)" : "Endret av \(writer)")
                    : .bool(writer % 2 == 0)
                version = version.writing([field: value],
                                          dot: Dot(replica: replicas[writer], counter: UInt64(index + 1)),
                                          time: Timestamp(milliseconds: now + UInt64(writer)))
            }
            versions.append(version)
        }
    }
    _ = try scratchStore.applyRemote(versions)
}
try metadataShare(path: scratchStore.path, label: "simulated group")
try scratchStore.close()

// MARK: - The stress store

try benchmarkStressStore(in: scratch, options: options)

// MARK: - Table

printSummary("\(recordCount) records")
