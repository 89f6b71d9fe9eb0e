public import VennSchema

/// Everything the program says to people: errors and confirmations.
///
/// Each case carries what the sentence needs; ``text(in:)`` renders it in a
/// language. The two catalogues (`Message+English.swift` and
/// `Message+Bokmal.swift`) are exhaustive switches, so a case without a
/// translation does not compile.
///
/// Flags are carried as typed, dashes included (`--birth-year`). Collection
/// and field names that people should read in their language are carried as
/// a ``SchemaLabel`` so the label comes from the schema, not the catalogue.
public enum Message: Sendable, Hashable {
    // MARK: - Usage

    /// The first argument is not a command; `suggestion` is the closest one.
    case unknownCommand(String, suggestion: String?)
    /// No collection has this name; `known` lists the names that exist.
    case unknownCollection(String, known: [String])
    /// An option the command does not take.
    case unknownOption(String, suggestion: String?)
    /// A flag that is not a field of the collection.
    case unknownFlag(String, collection: SchemaLabel, suggestion: String?)
    /// An option that needs a value came without one.
    case missingValue(flag: String)
    /// An option that takes no value was given one (`--json=yes`).
    case unexpectedValue(flag: String)
    /// A positional argument is missing.
    case missingArgument(ArgumentName)
    /// A positional argument the command does not take.
    case unexpectedArgument(String)
    /// A field name (in `--clear` or `why`) the collection does not have.
    case unknownField(String, collection: SchemaLabel, suggestion: String?)
    /// `--clear` named a field that must always have a value.
    case cannotClear(field: String)
    /// The same field was both set and cleared.
    case clearedAndSet(field: String)
    /// The collection is kept by the program and cannot be changed by hand.
    case readOnlyCollection(SchemaLabel)
    /// Neither `--store` nor `VENN_STORE` says where the store is.
    case missingStorePath
    /// No store was named and the data folder holds none.
    case noStoreFound(directory: String)
    /// No store was named and the data folder holds several.
    case severalStores(groups: [String])
    /// A working group name that cannot name a store file.
    case invalidGroupName(String)
    /// A shortened id matches several records.
    case ambiguousID(String, matches: Int)
    /// Where to read more: the program's or a command's help.
    case seeHelp(Command?)

    // MARK: - Invalid data

    /// A flag's value is not of the field's type.
    case wrongType(flag: String, value: String, expected: ValueKind)
    /// One way a record does not fit its schema.
    case invalidData(ValidationIssue)

    // MARK: - Not found

    /// No record of the collection has this id.
    case recordNotFound(collection: SchemaLabel, id: String)
    /// The record has no recorded changes.
    case noHistory(collection: SchemaLabel, id: String)
    /// The collection has no records (an empty `list`).
    case noRecords(collection: SchemaLabel)

    // MARK: - Store

    /// There is no store file at the path.
    case storeNotFound(path: String)
    /// `init` found a store already there.
    case storeAlreadyExists(path: String)
    /// The file is not a SQLite database made by Venn.
    case notAStore(path: String)
    /// The store was written by a newer program.
    case storeTooNew(path: String, found: Int, supported: Int)
    /// The store could not be opened or created; `reason` is the system's.
    case storeUnavailable(path: String, reason: String)
    /// A failure that is a bug in the program, with a technical detail.
    case internalError(String)

    // MARK: - Sync

    /// The store has no server: it was made without `--server`.
    case notEnrolled
    /// The server could not be reached; `detail` is the transport's reason.
    case serverUnreachable(server: String, detail: String)
    /// The server does not accept this laptop's token (unknown or revoked).
    case deviceUnauthorized
    /// The token belongs to another working group.
    case deviceForbidden
    /// The enrollment code is unknown, used or expired.
    case invalidEnrollmentCode
    /// The code enrolls into another group than the one given.
    case wrongGroup(expected: String, actual: String)
    /// Client and server use different schema versions; `detail` names them.
    case schemaMismatch(detail: String)
    /// The server refused or failed a request; `detail` is its message.
    case serverRefused(detail: String)
    /// `conflicts resolve` needs `--take`.
    case takeNeeded
    /// `--take mine` but this laptop wrote none of the values.
    case noValueFromThisLaptop
    /// The conflict is not open or not known.
    case conflictNotFound(id: String)

    // MARK: - Import and export

    /// A file could not be read.
    case fileUnreadable(path: String)
    /// The CSV text is broken at a line.
    case csvBroken(line: Int, reason: String)
    /// The file has a header and no rows, or nothing at all.
    case emptyFile
    /// Headers that name no field of the collection.
    case unknownColumns([String], collection: SchemaLabel)
    /// Headers that name the same field twice.
    case duplicateColumns([String])
    /// A cell whose text is not of its column's type.
    case badCell(line: Int, column: String, value: String, expected: ValueKind)
    /// A row that does not fit the schema.
    case invalidRow(line: Int, issue: ValidationIssue)
    /// `export --format` named a format there is none of.
    case unknownFormat(String)
    /// `match` needs `suggest` and `--person ID` or `--volunteer ID`.
    case matchNeedsSubject
    /// `demo-data --size` named no size.
    case unknownSize(String)

    // MARK: - Confirmations

    /// `init --server` enrolled the laptop.
    case enrolled(group: String, server: String)
    /// A sync finished.
    case syncDone(pushed: Int, pulled: Int, merged: Int, rejected: Int, kilobytes: Int, seconds: Double)
    /// A conflict was resolved.
    case conflictResolved(id: String)
    /// `import --dry-run` checked the rows.
    case importChecked(valid: Int, invalid: Int)
    /// `import` wrote the rows; `skipped` invalid ones were left out.
    case imported(count: Int, skipped: Int)
    /// `demo-data` filled the store.
    case demoDataAdded(records: Int, volunteers: Int, persons: Int)

    /// `init` created a store for the working group.
    case storeInitialized(group: String, path: String)
    /// `add` created a record: the id alone, so scripts can capture it.
    case recordAdded(id: String)
    /// `edit` changed a record.
    case recordUpdated(collection: SchemaLabel, id: String)
    /// `delete` deleted a record.
    case recordDeleted(collection: SchemaLabel, id: String)
    /// `edit` was given nothing to change, or only the values already held.
    case nothingToChange

    // MARK: - The working group's work

    /// A sentence whose words live next to the code that says it.
    case said(Phrase)
    /// A working-group command was given no verb.
    case verbNeeded(Command, known: [String])
    /// The verb is not one the command knows.
    case unknownVerb(String, command: Command, suggestion: String?)
    /// A status move does not start from the record's status; `verb` is
    /// the noun and verb typed, e.g. `agreement send`.
    case moveNotAllowed(verb: String, current: String, allowed: [String])
    /// A status move needs `--reason`.
    case reasonRequired(verb: String)
    /// The reason is not one of the codes the move takes.
    case unknownReason(String, known: [String])
    /// A status move's guards are not met; the phrases say what is missing.
    case moveNeeds(verb: String, missing: [Phrase])
    /// A date option's value is not `YYYY-MM-DD`.
    case invalidDate(flag: String, value: String)
    /// A record moved from one status to another (labels, in the language).
    case moved(collection: SchemaLabel, id: String, from: String, to: String)

    /// The message in `language`, as one line.
    public func text(in language: Language) -> String {
        switch language {
        case .english: englishText
        case .bokmal: bokmalText
        }
    }
}
