import Foundation
import VennDomain
import VennSchema
import VennStore

// The stress store (3,000 volunteers, 2,500 people in one group): reading
// volunteers, ranking them for one waiting person, computing what is due,
// and the real `venn status` and `venn list volunteer` processes on it.

/// Runs the stress store's section, reporting each figure.
@MainActor
func benchmarkStressStore(in scratch: URL, options: Store.Options) throws {
    step("the stress store: match ranking, what is due, venn status and venn list")
    let path = scratch.appendingPathComponent("demo-stress.sqlite").path
    let store = try Store.create(at: path, group: "demo", options: options)
    defer { try? store.close() }
    let fill = try timed { try DemoData.fill(store, size: .stress, seed: 1) }
    report("demo data, stress size: \(fill.value.total) records in one batch", format(fill.seconds) + " s")

    try benchmarkRanking(store)
    try benchmarkDueList(store)
    try benchmarkVennProcesses(storePath: path)
}

/// Reading the volunteers, and ranking them for one waiting person.
@MainActor
private func benchmarkRanking(_ store: Store) throws {
    let reads = try (0..<5).map { _ in try timed { try store.records(collection: "volunteer") } }
    let volunteers = reads.last?.value ?? []
    report("read \(volunteers.count) volunteers from the store (median of 5)",
           format(median(reads.map(\.seconds)) * 1000) + " ms")

    let waiting = try store.records(collection: "person").first { $0.values["status"] == "mapped" }
    guard let waiting else { throw BenchmarkFailure("the stress store has no waiting person") }
    let activeCounts = MatchRanking.activeMatchCounts(try store.records(collection: "match"))
    let rankings = (0..<20).map { _ in
        timed { MatchRanking.suggest(for: waiting, volunteers: volunteers, activeMatchCounts: activeCounts) }
    }
    let rankingMedian = median(rankings.map(\.seconds)) * 1000
    report("rank \(volunteers.count) volunteers for one person (median of 20)", format(rankingMedian) + " ms",
           target: "< 200 ms", ratio: format(rankingMedian / 200 * 100) + "% of the goal")
}

/// Computing what is due, reading every collection it needs.
@MainActor
private func benchmarkDueList(_ store: Store) throws {
    let today = CalendarDay(milliseconds: store.options.wallClock())
    let runs = try (0..<10).map { _ in try timed { try DueList(store: store, today: today) } }
    let due = runs.last?.value
    let records = due?.alerts.reduce(0) { $0 + $1.items.count } ?? 0
    report("compute what is due: \(due?.alerts.count ?? 0) alerts, \(records) records (median of 10)",
           format(median(runs.map(\.seconds)) * 1000) + " ms")
}

/// The `venn` program run as a process on the stress store, start to end.
@MainActor
private func benchmarkVennProcesses(storePath: String) throws {
    let venn = try builtProgram("venn")
    for arguments in [["status"], ["list", "volunteer"]] {
        let command = (["venn"] + arguments).joined(separator: " ")
        var lines = 0
        let runs = try (0..<5).map { _ in
            try timed {
                lines = try runProgram(venn, arguments + ["--store", storePath]).split(separator: "\n").count
            }
        }
        let processMedian = median(runs.map(\.seconds)) * 1000
        report("`\(command)` process, \(lines) lines (median of 5)", format(processMedian) + " ms")
    }
}

/// The closing table of every figure reported.
@MainActor
func printSummary(_ title: String) {
    emit("")
    emit("venn-benchmark summary (\(title); nproc \(ProcessInfo.processInfo.activeProcessorCount); "
        + "load average now \(loadAverage()))")
    let nameWidth = min(78, figures.map(\.name.count).max() ?? 0)
    let valueWidth = figures.map(\.value.count).max() ?? 0
    let targetWidth = figures.map(\.target.count).max() ?? 0
    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    emit(pad("measure", nameWidth) + " | " + pad("figure", valueWidth) + " | " + pad("target", targetWidth)
        + " | ratio")
    emit(String(repeating: "-", count: nameWidth + valueWidth + targetWidth + 16))
    for figure in figures {
        emit(pad(figure.name, nameWidth) + " | " + pad(figure.value, valueWidth) + " | "
            + pad(figure.target, targetWidth) + " | " + figure.ratio)
    }
}
