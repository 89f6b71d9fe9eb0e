// The English help texts. Every switch is exhaustive: a new phrase does not
// compile until it has a text here and in `HelpPhrase+Bokmal.swift`.

extension HelpPhrase {
    var englishText: String {
        switch self {
        case .programSummary:
            "venn keeps the records of an Aktivitetsvenn working group on this laptop, "
                + "and works without a network."

        case .usageHeading: "Usage:"
        case .commandsHeading(let section):
            switch section {
            case .work: "The working group's work:"
            case .records: "Records:"
            case .sync: "With the server:"
            }
        case .gettingStarted:
            "To start a working group: venn init --group NAME, then venn group serves, venn member me, "
                + "venn agreement draft. Each command tells what it needs: venn COMMAND --help."
        case .collectionsHeading: "Collections:"
        case .optionsHeading: "Options:"
        case .globalOptionsHeading: "Global options:"
        case .environmentHeading: "Environment:"
        case .exitCodesHeading: "Exit codes:"
        case .fieldsHeading: "Fields:"
        case .verbsHeading: "Verbs:"

        case .commandSummary(let command): Self.englishSummary(of: command)
        case .commandDetails(let command): Self.englishDetails(of: command)

        case .storeOption: "The store file. Without it, VENN_STORE is used."
        case .jsonOption: "Print JSON instead of text, for commands that read."
        case .helpOption: "Show help."
        case .groupOption: "The working group the store belongs to; picks its store when the data folder holds several."
        case .serverOption: "The sync server's address, e.g. https://venn.example.org. Enrolls this laptop with --code."
        case .codeOption: "The one-time enrollment code from the server's administrator."
        case .takeOption: "With resolve: mine (this laptop's value), theirs (the other value), or a new value."
        case .dryRunOption: "Check every row and report, without writing anything."
        case .skipInvalidOption: "Write the valid rows even when some are invalid (they are reported)."
        case .formatOption: "csv (the default, for spreadsheets) or json."
        case .personOption: "Rank volunteers for this person."
        case .volunteerOption: "Rank people for this volunteer."
        case .limitOption: "How many candidates to show (10 by default)."
        case .sizeOption: "typical (15 volunteers), city (200) or stress (3,000); typical by default."
        case .seedOption: "The same seed gives the same records."
        case .fieldFlagsOption:
            "Set a field. See the fields of a collection with \"venn add COLLECTION --help\"."
        case .clearOption(let clearable):
            switch clearable {
            case nil: "Empty a field that may be empty. May be repeated."
            case let fields? where fields.isEmpty: "No field of this collection may be empty."
            case let fields?:
                "Empty a field. May be repeated. Fields that may be empty: "
                    + fields.joined(separator: ", ") + "."
            }
        case .storeVariable: "The store file, when --store is not given."
        case .languageVariables:
            "The first one set chooses the language: Norwegian (nb, nn, no) gives bokmål, "
                + "anything else English."
        case .columnsVariable: "The width tables and help are fitted to."
        case .exitCode(let code): Self.englishMeaning(of: code)
        case .moreHelp:
            "Run \"venn COMMAND --help\" for a command, and \"venn add COLLECTION --help\" "
                + "for the fields of a collection."

        case .required: "required"
        case .defaultValue(let value): "Default: \(value)."
        case .oneOf(let values): "One of: \(values.joined(separator: ", "))."
        case .itemsFrom(let values): "Comma-separated, from: \(values.joined(separator: ", "))."
        case .commaSeparated: "Comma-separated."
        case .reference(let collection): "The id of a record in \(collection)."
        case .systemCollection: "Venn keeps these records itself; they cannot be set by hand."
        case .valuePlaceholder(let kind): Self.englishPlaceholder(for: kind)
        case .choicePlaceholder: "VALUE"
        }
    }

    private static func englishSummary(of command: Command) -> String {
        switch command {
        case .initialize: "Create a store for a working group"
        case .add: "Add a record"
        case .list: "List the records of a collection"
        case .show: "Show a record"
        case .edit: "Change fields of a record"
        case .delete: "Delete a record"
        case .history: "Show the changes made to a record"
        case .why: "Explain why a field holds its value"
        case .sync: "Send and fetch changes through the server"
        case .status: "What is due now, and what waits to be sent"
        case .conflicts: "List, show and resolve conflicting changes"
        case .import: "Add records from a CSV file"
        case .export: "Write a collection as CSV or JSON"
        case .match: "Suggest, propose, start and end matches; check-ins"
        case .demoData: "Fill a store with made-up records"
        case .agreement: "The cooperation agreement with NF: draft, sign, anchor, send, register"
        case .member: "The working group's members and their tasks"
        case .group: "Whom the working group serves: home, institution, day centre"
        case .volunteer: "A volunteer's way: contact, pledge, mapping, ready, pause, end"
        case .person: "A person's way: mapping, waiting, pause, close"
        case .course: "Plan courses, enrol volunteers, mark attendance, complete"
        case .followup: "Record the follow-up conversation after the course"
        case .consent: "Consent: give, withdraw, review"
        case .activity: "Group activities with several volunteers"
        case .gathering: "Experience gatherings: plan, hold, attendance, cost"
        case .refund: "Refund claims to NF: claim, submit, approve, pay"
        case .stats: "The group's statistics for the national overview"
        }
    }

    private static func englishDetails(of command: Command) -> String {
        switch command {
        case .initialize:
            "Create a store for a working group on this laptop. The store is a single file."
        case .add:
            "Add a record to a collection. Each field is set with a flag named after it. "
                + "Prints the new record's id alone, so scripts can keep it."
        case .list:
            "List the records of a collection, one per line, in the collection's main columns."
        case .show:
            "Show every field of one record."
        case .edit:
            "Change fields of a record. Only the fields given change; --clear empties a field."
        case .delete:
            "Delete a record. Its fields are erased; the deletion reaches the other laptops "
                + "when they synchronise."
        case .history:
            "Show the recorded changes of a record."
        case .why:
            "Explain why a field holds its value: which change set it, and which rule chose "
                + "between changes made at the same time on different laptops."
        case .sync:
            "Send this laptop's changes to the server and fetch the other laptops' changes, "
                + "until both are done. Changes made while it runs are merged, never overwritten."
        case .status:
            "Show what is due for the group first: volunteers to contact or follow up, people "
                + "waiting, matches without a check-in, consents to review, records to delete, and "
                + "the group's gatherings and cooperation agreement. On an enrolled laptop, then show "
                + "how many changes wait to be sent, when this laptop last synchronised, open "
                + "conflicts, and records the server refused with its reasons. With --json, the "
                + "alerts come as \"alerts\"."
        case .conflicts:
            "List the changes made to the same field on different laptops at the same time, "
                + "show one, or resolve it by taking your value, the other value, or a new one. "
                + "Resolving is a change like any other and reaches the other laptops when they "
                + "synchronise."
        case .import:
            "Add the rows of a spreadsheet saved as CSV (comma or semicolon, UTF-8 with or without BOM) "
                + "to a collection. Headers may be field names or their labels, in English or Norwegian "
                + "(Navn, Telefon, E-post). Nothing is written unless every row is valid."
        case .export:
            "Write every record of a collection to standard output, as CSV for spreadsheets "
                + "or as JSON."
        case .match:
            "Rank candidates for a person (or people for a volunteer) by shared interests, "
                + "times, place and willingness, and say why; suggest never creates a match, a person "
                + "decides with propose. Then start, pause, resume and end the match, and record "
                + "check-ins on how the pair is doing."
        case .demoData:
            "Fill the store with made-up but realistic records (Norwegian-looking names and "
                + "places) for demonstrations, tests and benchmarks. Use it on a store of its own."
        case .agreement:
            "Keep the cooperation agreement (samarbeidsavtale) with Nasjonalforeningen for "
                + "folkehelsen: draft it, then sign, anchor in the municipality's management group, send to"
                + " NF with the leader's contact details, and register when NF confirms; registration gives"
                + " access to the toolbox (Verktøykassen)."
        case .member:
            "The members of the working group and the tasks they share: lead and be NF's contact, "
                + "recruit, run courses, hold follow-up conversations, match, be contact person, hold "
                + "gatherings, keep the register, attend NF's network gatherings."
        case .group:
            "Whom the working group serves (people living at home, in institutions, at day centres), "
                + "its municipalities and its status."
        case .volunteer:
            "Move a volunteer along the way from interested to active: record the first contact, the "
                + "signed pledge of confidentiality and the mapping of interests and times, then the status"
                + " moves. A volunteer becomes ready only with the course completed, the follow-up "
                + "conversation held and the pledge signed."
        case .person:
            "Move a person who wants an activity friend along the way from referred to matched: the "
                + "mapping of interests, times and area, then the status moves. A person is mapped only "
                + "with a consent in force."
        case .course:
            "Plan the 6-hour course in one or two sessions (or record e-learning), enrol volunteers, "
                + "mark attendance per session and complete it; a volunteer who completes it moves to "
                + "course done."
        case .followup:
            "Record the follow-up conversation with a volunteer after the course, and its outcome: "
                + "ready, needs time or not proceeding."
        case .consent:
            "Record consent given by the person, a fremtidsfullmektig or a verge; withdraw it (which "
                + "ends the person's active matches and closes the person, whose record is then deleted "
                + "after the retention time); and set when it is due for review."
        case .activity:
            "Group activities: an activity type, a venue and schedule, several volunteers and a count"
                + " of participants (never their names)."
        case .gathering:
            "Experience gatherings for the volunteers, at least once and preferably twice a year: "
                + "plan, invite, hold, count attendance, record the cost."
        case .refund:
            "Claims to NF for the costs of courses and gatherings, by category, within limits the "
                + "group can set; then submit, approve, pay or return."
        case .stats:
            "Compute the group's statistics (counts and bands only, counts below 5 suppressed) from "
                + "the records on this laptop, show them, and save them as the year's statistics record for"
                + " the national overview."
        }
    }

    private static func englishMeaning(of code: ExitCode) -> String {
        switch code {
        case .success: "success"
        case .usage: "wrong use: unknown command, option or argument, or a missing one"
        case .invalidData: "invalid data: a value does not fit the schema, or the records do not allow the step yet"
        case .notFound: "not found: no such record"
        case .storeProblem: "a problem with the store: missing, unreadable or too new"
        case .syncProblem: "a problem with the server: unreachable, or it refused this laptop"
        }
    }

    private static func englishPlaceholder(for kind: ValueKind) -> String {
        switch kind {
        case .text: "TEXT"
        case .integer: "INTEGER"
        case .number: "NUMBER"
        case .boolean: "[=yes|no]"
        case .list: "LIST"
        case .date: "DATE"
        case .dateTime: "TIME"
        case .email: "EMAIL"
        case .id: "ID"
        case .object: "JSON"
        case .null: "null"
        }
    }
}
