/// The prepared checks of one collection.
///
/// A class, so that validating a record retains one object rather than
/// each of its arrays.
final class CollectionValidator: Sendable {
    struct Field: Sendable {
        let name: String
        /// The field's JSON pointer, e.g. `/birth_year`.
        let pointer: String
        let isRequired: Bool
        let rules: ValueRules
    }

    /// Fields in declaration order.
    let fields: [Field]
    /// Each field's position in `fields`, by name.
    let positions: NameTable
    let requiredCount: Int

    init(collection: CollectionSchema, patterns: [String: SchemaPattern]) {
        fields = collection.fields.map { field in
            Field(
                name: field.name,
                pointer: "/" + Self.escapePointerToken(field.name),
                isRequired: collection.required.contains(field.name),
                rules: ValueRules(field: field, patterns: patterns)
            )
        }
        positions = NameTable(names: collection.fields.map(\.name))
        requiredCount = collection.required.count
    }

    /// Checks the fields a record has (usually fewer than the collection
    /// declares, so this looks up fewer names), then the required fields it
    /// lacks, and puts the issues in declaration order.
    func check(_ values: [String: JSONValue], isPartial: Bool) -> IssueList {
        var issues = IssueList()
        var requiredPresent = 0
        fields.withUnsafeBufferPointer { fields in
            for (name, value) in values {
                guard let position = positions.position(of: name) else { continue }  // from a newer schema
                issues.field = position
                if fields[position].isRequired {
                    requiredPresent += 1
                    if case .null = value {
                        issues.add(fields[position].pointer, .required)
                        continue
                    }
                }
                fields[position].rules.check(value, at: fields[position].pointer, into: &issues)
            }
        }

        if !isPartial, requiredPresent < requiredCount {
            for (position, field) in fields.enumerated()
            where field.isRequired && values[field.name] == nil {
                issues.field = position
                issues.add(field.pointer, .required)
            }
        }
        issues.sortByField()
        return issues
    }

    /// Escapes `~` and `/` in a JSON pointer token, as RFC 6901 asks.
    private static func escapePointerToken(_ token: String) -> String {
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Finds a name's position in a fixed list without hashing the name.
///
/// Entries are grouped by UTF-8 length, which a native string knows without
/// counting, and carry their first and last bytes; a lookup compares whole
/// names only when those match, which is usually for the one right entry.
/// Hashing a name for a dictionary costs more than all the checks of a
/// typical field.
struct NameTable: Sendable {
    private struct Entry: Sendable {
        var name: String
        var first: UInt8
        var last: UInt8
        var position: Int
    }

    /// Entries sorted by length; those of length `n` are at
    /// `starts[n]..<starts[n + 1]`.
    private let entries: [Entry]
    private let starts: [Int]

    init(names: [String]) {
        let entries = names.enumerated()
            .map {
                Entry(name: $1, first: $1.utf8.first ?? 0, last: $1.utf8.last ?? 0, position: $0)
            }
            .sorted { ($0.name.utf8.count, $0.position) < ($1.name.utf8.count, $1.position) }
        let longest = names.map(\.utf8.count).max() ?? 0
        var starts = Array(repeating: entries.count, count: longest + 2)
        for (index, entry) in entries.enumerated().reversed() {
            starts[entry.name.utf8.count] = index
        }
        // A length no name has starts where the next longer one does.
        for length in stride(from: longest, through: 0, by: -1)
        where starts[length] > starts[length + 1] {
            starts[length] = starts[length + 1]
        }
        self.entries = entries
        self.starts = starts
    }

    /// The position of `name` in the list, if it is there; never for an
    /// empty name.
    func position(of name: String) -> Int? {
        let utf8 = name.utf8
        let length = utf8.count
        guard length + 1 < starts.count, let first = utf8.first, let last = utf8.last else {
            return nil
        }
        var index = starts[length]
        while index < starts[length + 1] {
            let entry = entries[index]
            if entry.first == first, entry.last == last, entry.name == name {
                return entry.position
            }
            index += 1
        }
        return nil
    }
}
