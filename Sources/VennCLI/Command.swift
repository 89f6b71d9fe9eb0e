/// A command of the `venn` program.
public enum Command: String, Sendable, Hashable, CaseIterable {
    /// `venn init`: create a store for a working group.
    case initialize = "init"
    /// `venn add`: add a record.
    case add
    /// `venn list`: list the records of a collection.
    case list
    /// `venn show`: show one record.
    case show
    /// `venn edit`: change fields of a record.
    case edit
    /// `venn delete`: delete a record.
    case delete
    /// `venn history`: the changes made to a record.
    case history
    /// `venn why`: why a field holds its value.
    case why
    /// `venn sync`: push local changes to the server and pull the others'.
    case sync
    /// `venn status`: pending uploads, last sync, open conflicts, refusals.
    case status
    /// `venn conflicts`: list, show and resolve concurrent changes.
    case conflicts
    /// `venn import`: add records from a spreadsheet saved as CSV.
    case `import`
    /// `venn export`: write a collection's records as CSV or JSON.
    case export
    /// `venn match suggest`: rank candidates for a person or a volunteer.
    case match
    /// `venn demo-data`: fill a store with made-up, realistic records.
    case demoData = "demo-data"

    /// The command as typed.
    public var name: String { rawValue }

    /// The positional arguments the command takes, in order.
    public var arguments: [ArgumentName] {
        switch self {
        case .initialize, .sync, .status, .conflicts, .match, .demoData: []
        case .import: [.collection, .path]
        case .export: [.collection]
        case .add, .list: [.collection]
        case .show, .edit, .delete, .history: [.collection, .id]
        case .why: [.collection, .id, .field]
        }
    }

    /// Whether the command takes a subcommand and its arguments after it
    /// (`venn conflicts resolve ID`).
    public var takesSubcommand: Bool { self == .conflicts || self == .match }

    /// Whether the command works on the records of one collection.
    public var takesCollection: Bool { arguments.first == .collection }

    /// Whether the command sets fields through flags derived from the schema.
    public var takesRecordFlags: Bool { self == .add || self == .edit }

    /// Whether the command reads and can print JSON (`--json`).
    public var isReading: Bool {
        switch self {
        case .list, .show, .history, .why, .status, .conflicts, .match: true
        case .initialize, .add, .edit, .delete, .sync, .import, .export, .demoData: false
        }
    }
}
