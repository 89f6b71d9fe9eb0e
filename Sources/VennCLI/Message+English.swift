import Foundation
import VennSchema

// The English catalogue. Every switch is exhaustive: a new case does not
// compile until it has a text here and in `Message+Bokmal.swift`.

extension Message {
    var englishText: String {
        let language = Language.english
        switch self {
        // Usage
        case .unknownCommand(let command, let suggestion):
            return "Unknown command \(englishQuoted(command))."
                + englishSuggestion(suggestion.map(englishQuoted))
        case .unknownCollection(let name, let known):
            let list = known.isEmpty ? "" : " Known collections: \(known.joined(separator: ", "))."
            return "Unknown collection \(englishQuoted(name))." + list
        case .unknownOption(let option, let suggestion):
            return "Unknown option \(option)." + englishSuggestion(suggestion)
        case .unknownFlag(let flag, let collection, let suggestion):
            return "Unknown flag \(flag) for \(collection.inlineText(in: language))."
                + englishSuggestion(suggestion)
        case .missingValue(let flag):
            return "\(flag) needs a value."
        case .unexpectedValue(let flag):
            return "\(flag) takes no value."
        case .missingArgument(let argument):
            return "Missing argument \(argument.placeholder(in: language))."
        case .unexpectedArgument(let argument):
            return "Unexpected argument \(englishQuoted(argument))."
        case .unknownField(let field, let collection, let suggestion):
            let collection = collection.inlineText(in: language)
            return "Unknown field \(englishQuoted(field)) for \(collection)."
                + englishSuggestion(suggestion.map(englishQuoted))
        case .cannotClear(let field):
            return "\(englishQuoted(field)) must have a value and cannot be cleared."
        case .clearedAndSet(let field):
            return "\(englishQuoted(field)) is both set and cleared; choose one."
        case .readOnlyCollection(let collection):
            return "Venn keeps the \(collection.inlineText(in: language)) records itself; "
                + "they cannot be changed by hand."
        case .missingStorePath:
            return "No store given: use --store PATH or set VENN_STORE."
        case .noStoreFound(let directory):
            return "No store found in \(directory). "
                + "Create one with \(englishQuoted("venn init --group GROUP")), or use --store PATH."
        case .severalStores(let groups):
            return "Several stores found (\(groups.joined(separator: ", "))): choose one with --group GROUP."
        case .invalidGroupName(let name):
            return "\(englishQuoted(name)) cannot name a working group: "
                + "use 1 to 64 letters, digits, '-', '_' or '.', not starting with '.'."
        case .ambiguousID(let id, let matches):
            return "\(englishQuoted(id)) matches \(matches) records; give more of the id."
        case .seeHelp(let command):
            let help = ["venn", command?.name, "--help"].compactMap { $0 }.joined(separator: " ")
            return "Run \(englishQuoted(help)) for help."

        // Invalid data
        case .wrongType(let flag, let value, let expected):
            let kind = Self.englishPhrase(for: expected)
            return "\(flag) expects \(kind), not \(englishQuoted(value))."
        case .invalidData(let issue):
            let record = [issue.collection, issue.id].filter { !$0.isEmpty }.joined(separator: " ")
            let place = issue.pointer.isEmpty ? record : "\(record): \(issue.pointer)"
            return "\(place): \(Self.englishPhrase(for: issue.expected))."

        // Not found
        case .recordNotFound(let collection, let id):
            return "No \(collection.inlineText(in: language)) with id \(id)."
        case .noHistory(let collection, let id):
            return "No history for \(collection.inlineText(in: language)) \(id)."
        case .noRecords(let collection):
            return "No \(collection.inlineText(in: language)) records yet."

        // Store
        case .storeNotFound(let path):
            return "No Venn store at \(path). "
                + "Create one with \(englishQuoted("venn init --group GROUP"))."
        case .storeAlreadyExists(let path):
            return "A store already exists at \(path)."
        case .notAStore(let path):
            return "\(path) is not a Venn store (not a SQLite database made by Venn)."
        case .storeTooNew(let path, let found, let supported):
            return "The store at \(path) has version \(found), but this program supports "
                + "up to version \(supported). Update venn."
        case .storeUnavailable(let path, let reason):
            return "Cannot open or create the store at \(path): \(reason)."
        case .internalError(let detail):
            return "Internal error: \(detail). This is a bug in venn."

        // Sync
        case .notEnrolled:
            return "This store has no sync server. Enroll it with "
                + "\(englishQuoted("venn init --group GROUP --server URL --code CODE"))."
        case .serverUnreachable(let server, let detail):
            return "Cannot reach the server at \(server) (\(detail)). Your changes are kept; try again later."
        case .deviceUnauthorized:
            return "The server does not accept this laptop: its access is unknown or was revoked. "
                + "Ask the administrator for a new enrollment code."
        case .deviceForbidden:
            return "This laptop's access belongs to another working group."
        case .invalidEnrollmentCode:
            return "The enrollment code is unknown, already used or expired. Ask the administrator for a new one."
        case .wrongGroup(let expected, let actual):
            return "The code is for working group \(actual), not \(expected)."
        case .schemaMismatch(let detail):
            return "This program and the server use different schema versions (\(detail)). Update venn."
        case .serverRefused(let detail):
            return "The server refused the request: \(detail)."
        case .takeNeeded:
            return "Say which value to keep: --take mine, --take theirs or --take VALUE."
        case .noValueFromThisLaptop:
            return "None of the conflicting values was written on this laptop; use --take theirs or a value."
        case .conflictNotFound(let id):
            return "No conflict with id \(id)."

        // Import and export
        case .fileUnreadable(let path):
            return "Cannot read \(path)."
        case .csvBroken(let line, let reason):
            return "The CSV file is broken at line \(line): \(reason)."
        case .emptyFile:
            return "The file has no rows to import."
        case .unknownColumns(let columns, let collection):
            return "These columns are not fields of \(collection.inlineText(in: language)): "
                + "\(columns.joined(separator: ", "))."
        case .duplicateColumns(let columns):
            return "These columns name the same field twice: \(columns.joined(separator: ", "))."
        case .badCell(let line, let column, let value, let expected):
            return "Line \(line), column \(column): expected \(Self.englishPhrase(for: expected)), "
                + "not \(englishQuoted(value))."
        case .invalidRow(let line, let issue):
            let field = issue.pointer.isEmpty ? "" : "\(issue.pointer): "
            return "Line \(line): \(field)\(Self.englishPhrase(for: issue.expected))."
        case .unknownFormat(let format):
            return "Unknown format \(englishQuoted(format)): use csv or json."
        case .matchNeedsSubject:
            return "Say whom to find candidates for: venn match suggest --person ID or --volunteer ID."
        case .unknownSize(let size):
            return "Unknown size \(englishQuoted(size)): use typical, city or stress."

        // The working group's work
        case .said(let phrase):
            return phrase.english
        case .verbNeeded(let command, let known):
            return "venn \(command.name) needs a verb: \(known.joined(separator: ", "))."
        case .unknownVerb(let verb, let command, let suggestion):
            return "venn \(command.name) has no verb \(englishQuoted(verb))"
                + (suggestion.map { "; did you mean \($0)?" } ?? ".")
        case .moveNotAllowed(let verb, let current, let allowed):
            return "“venn \(verb)” starts from " + allowed.joined(separator: " or ")
                + ", but the status is \(current)."
        case .reasonRequired(let verb):
            return "“venn \(verb)” needs a reason: add --reason."
        case .unknownReason(let reason, let known):
            return "Unknown reason \(englishQuoted(reason)); use one of: \(known.joined(separator: ", "))."
        case .moveNeeds(let verb, let missing):
            return "“venn \(verb)” needs first: " + missing.map(\.english).joined(separator: "; ") + "."
        case .invalidDate(let flag, let value):
            return "\(flag) needs a real date written YYYY-MM-DD; \(englishQuoted(value)) is not one."
        case .moved(let collection, let id, let from, let to):
            return "\(collection.text(in: language)) \(id): \(from) → \(to)."

        // Confirmations
        case .storeInitialized(let group, let path):
            return "Created the store for working group \(group) at \(path)."
        case .recordAdded(let id):
            return id
        case .recordUpdated(let collection, let id):
            return "Updated \(collection.inlineText(in: language)) \(id)."
        case .recordDeleted(let collection, let id):
            return "Deleted \(collection.inlineText(in: language)) \(id)."
        case .nothingToChange:
            return "Nothing to change."
        case .enrolled(let group, let server):
            return "Enrolled this laptop in working group \(group) at \(server)."
        case .syncDone(let pushed, let pulled, let merged, let rejected, let kilobytes, let seconds):
            return "Synchronised: sent \(pushed), received \(pulled), merged \(merged), refused \(rejected) "
                + "(\(kilobytes) kB in \(String(format: "%.1f", seconds)) s)."
        case .conflictResolved(let id):
            return "Resolved conflict \(id)."
        case .demoDataAdded(let records, let volunteers, let persons):
            return "Added \(records) made-up records: \(volunteers) volunteers and \(persons) people, "
                + "with activity types, members, matches, courses and gatherings."
        case .importChecked(let valid, let invalid):
            return "Checked the file: \(valid) valid rows, \(invalid) invalid. Nothing was written."
        case .imported(let count, let skipped):
            return skipped == 0 ? "Imported \(count) records."
                : "Imported \(count) records; left out \(skipped) invalid rows."
        }
    }

    /// What a value of `kind` is, after "expects".
    static func englishPhrase(for kind: ValueKind) -> String {
        switch kind {
        case .text: "text"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "yes or no (true/false)"
        case .list: "a list"
        case .date: "a date (YYYY-MM-DD)"
        case .dateTime: "a date and time (YYYY-MM-DDThh:mm:ssZ)"
        case .email: "an e-mail address"
        case .id: "a record id (UUID)"
        case .object: "an object"
        case .null: "no value (null)"
        }
    }

    /// What the schema expected, as a phrase ending a validation line.
    static func englishPhrase(for expectation: ValidationIssue.Expectation) -> String {
        let language = Language.english
        switch expectation {
        case .required:
            return "a value is required"
        case .type(let name):
            return ValueKind(schemaName: name).map { "expected " + englishPhrase(for: $0) }
                ?? "expected a value of type \(name)"
        case .oneOf(let values):
            return "expected one of: \(values.joined(separator: ", "))"
        case .format(let name):
            return ValueKind(schemaName: name).map { "expected " + englishPhrase(for: $0) }
                ?? "expected the format \(name)"
        case .pattern(let pattern):
            return "expected text matching the pattern \(pattern)"
        case .minLength(let count):
            return "expected at least \(count) \(count == 1 ? "character" : "characters")"
        case .maxLength(let count):
            return "expected at most \(count) \(count == 1 ? "character" : "characters")"
        case .minimum(let number):
            return "expected at least \(ValueFormatter.numberText(number, in: language))"
        case .maximum(let number):
            return "expected at most \(ValueFormatter.numberText(number, in: language))"
        case .minItems(let count):
            return "expected at least \(count) \(count == 1 ? "item" : "items")"
        case .maxItems(let count):
            return "expected at most \(count) \(count == 1 ? "item" : "items")"
        case .uniqueItems:
            return "expected no repeated items"
        case .knownCollection:
            return "expected a known collection"
        }
    }

    private func englishQuoted(_ text: String) -> String {
        "\"\(text)\""
    }

    private func englishSuggestion(_ suggestion: String?) -> String {
        suggestion.map { " Did you mean \($0)?" } ?? ""
    }
}
