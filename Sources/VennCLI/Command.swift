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

    // The working group's work: a noun, then a verb (`venn course plan`).

    /// `venn agreement`: the cooperation agreement with NF.
    case agreement
    /// `venn member`: the working group's members and their tasks.
    case member
    /// `venn group`: whom the working group serves.
    case group
    /// `venn volunteer`: a volunteer's way from interested to active.
    case volunteer
    /// `venn person`: a person's way from referred to matched.
    case person
    /// `venn course`: courses, enrolment and attendance.
    case course
    /// `venn followup`: the follow-up conversation after the course.
    case followup
    /// `venn consent`: consent given, withdrawn and reviewed.
    case consent
    /// `venn activity`: group activities with several volunteers.
    case activity
    /// `venn gathering`: experience gatherings.
    case gathering
    /// `venn refund`: refund claims to NF.
    case refund
    /// `venn stats`: the group's statistics for the national overview.
    case stats

    /// The command as typed.
    public var name: String { rawValue }

    /// Where `venn --help` lists a command.
    public enum Section: Sendable, Hashable, CaseIterable {
        /// The working group's work, in the order of the four steps.
        case work
        /// Records of any collection, one at a time or from a spreadsheet.
        case records
        /// The server and the other laptops.
        case sync
    }

    /// The commands of `section`, in the order `venn --help` lists them.
    public static func commands(in section: Section) -> [Command] {
        switch section {
        case .work:
            [.status, .group, .member, .agreement, .volunteer, .course, .followup, .person, .consent, .match,
             .activity, .gathering, .refund, .stats]
        case .records:
            [.initialize, .add, .list, .show, .edit, .delete, .history, .why, .import, .export, .demoData]
        case .sync:
            [.sync, .conflicts]
        }
    }

    /// The positional arguments the command takes, in order.
    public var arguments: [ArgumentName] {
        switch self {
        case .initialize, .sync, .status, .conflicts, .match, .demoData: []
        case .agreement, .member, .group, .volunteer, .person, .course, .followup, .consent, .activity,
             .gathering, .refund, .stats: []
        case .import: [.collection, .path]
        case .export: [.collection]
        case .add, .list: [.collection]
        case .show, .edit, .delete, .history: [.collection, .id]
        case .why: [.collection, .id, .field]
        }
    }

    /// Whether the command takes a subcommand and its arguments after it
    /// (`venn conflicts resolve ID`).
    public var takesSubcommand: Bool { self == .conflicts || isWorkflow }

    /// Whether the command is one of the working group's nouns, which take a
    /// verb and its arguments (`venn course enrol ID --volunteer ID`).
    public var isWorkflow: Bool {
        switch self {
        case .match, .agreement, .member, .group, .volunteer, .person, .course, .followup, .consent, .activity,
             .gathering, .refund, .stats:
            true
        case .initialize, .add, .list, .show, .edit, .delete, .history, .why, .sync, .status, .conflicts,
             .import, .export, .demoData:
            false
        }
    }

    /// The collection whose status machine the command moves, if any.
    public var statusCollection: String? {
        switch self {
        case .match: "match"
        case .agreement: "agreement"
        case .volunteer: "volunteer"
        case .person: "person"
        case .course: "course"
        case .gathering: "gathering"
        case .refund: "refund_claim"
        default: nil
        }
    }

    /// Whether the command works on the records of one collection.
    public var takesCollection: Bool { arguments.first == .collection }

    /// Whether the command sets fields through flags derived from the schema.
    public var takesRecordFlags: Bool { self == .add || self == .edit }

    /// Whether the command reads and can print JSON (`--json`).
    public var isReading: Bool {
        switch self {
        case .list, .show, .history, .why, .status, .conflicts: true
        case .initialize, .add, .edit, .delete, .sync, .import, .export, .demoData: false
        // Their verbs that read take --json.
        case .match, .agreement, .member, .group, .volunteer, .person, .course, .followup, .consent, .activity,
             .gathering, .refund, .stats:
            true
        }
    }
}
