import Foundation

/// Where a command finds its store file.
///
/// In order: `--store PATH`, the `VENN_STORE` variable, `--group GROUP` in
/// the data folder, and the only store in the data folder. The data folder
/// is `$XDG_DATA_HOME/venn`, or `~/.local/share/venn` when that is unset.
struct StoreLocation {
    var environment: [String: String]

    /// The folder where stores are kept by group name.
    var dataDirectory: String {
        if let base = environment["XDG_DATA_HOME"], base.hasPrefix("/") {
            return base + "/venn"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/venn"
    }

    /// The path of the store of `group` in the data folder.
    func path(forGroup group: String) throws(CLIError) -> String {
        guard Self.isValidGroupName(group) else { throw .usage(.invalidGroupName(group)) }
        return dataDirectory + "/" + group + ".sqlite"
    }

    /// The store a command should open.
    func resolve(store: String?, group: String?) throws(CLIError) -> String {
        if let store { return store }
        if let path = environment["VENN_STORE"], !path.isEmpty { return path }
        if let group { return try path(forGroup: group) }

        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory)) ?? []
        let groups = names.filter { $0.hasSuffix(".sqlite") }.map { String($0.dropLast(".sqlite".count)) }.sorted()
        switch groups.count {
        case 0: throw CLIError(.storeProblem, .noStoreFound(directory: dataDirectory))
        case 1: return dataDirectory + "/" + groups[0] + ".sqlite"
        default: throw .usage(.severalStores(groups: groups))
        }
    }

    /// Whether `name` can name a working group and its store file.
    static func isValidGroupName(_ name: String) -> Bool {
        guard (1...64).contains(name.count), !name.hasPrefix(".") else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }
}
