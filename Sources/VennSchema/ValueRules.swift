/// The checks for one field's value, prepared once when the schemas load so
/// that validating a record only compares.
///
/// An array field's element checks are a nested `ValueRules`, which is why
/// this is a class; it is immutable after `init`.
final class ValueRules: Sendable {
    let kind: FieldSchema.Kind
    let isNullable: Bool
    /// The enum's values in declared order.
    let allowedList: [String]?
    /// The enum's values for hashing, only for long enums: comparing a
    /// short string with a few others is faster than hashing it.
    let allowed: Set<String>?
    let format: FieldSchema.Format?
    let pattern: SchemaPattern?
    let minLength: Int?
    let maxLength: Int?
    let minimum: Double?
    let maximum: Double?
    let minItems: Int?
    let maxItems: Int?
    let requiresUniqueItems: Bool
    let items: ValueRules?

    /// Prepares the checks of `field`, taking compiled patterns from
    /// `patterns` by their source.
    init(field: FieldSchema, patterns: [String: SchemaPattern]) {
        kind = field.kind
        isNullable = field.isNullable || field.kind == .any
        minItems = field.minItems
        maxItems = field.maxItems
        requiresUniqueItems = field.requiresUniqueItems

        if field.kind == .array {
            items = ValueRules(element: field, patterns: patterns)
            (allowedList, allowed, format, pattern) = (nil, nil, nil, nil)
            (minLength, maxLength, minimum, maximum) = (nil, nil, nil, nil)
        } else {
            items = nil
            allowedList = field.string.allowed
            allowed = Self.hashedIfLong(field.string.allowed)
            format = field.string.format
            pattern = field.string.pattern.flatMap { patterns[$0] }
            minLength = field.string.minLength
            maxLength = field.string.maxLength
            minimum = field.minimum
            maximum = field.maximum
        }
    }

    /// The checks of each element of the array field `field`.
    private init(element field: FieldSchema, patterns: [String: SchemaPattern]) {
        kind = field.itemKind
        isNullable = field.itemKind == .any
        allowedList = field.string.allowed
        allowed = Self.hashedIfLong(field.string.allowed)
        format = field.string.format
        pattern = field.string.pattern.flatMap { patterns[$0] }
        minLength = field.string.minLength
        maxLength = field.string.maxLength
        minimum = field.minimum
        maximum = field.maximum
        (minItems, maxItems, requiresUniqueItems, items) = (nil, nil, false, nil)
    }

    /// Checks `value`, reporting each issue at `pointer` or below it.
    func check(_ value: JSONValue, at pointer: String, into issues: inout IssueList) {
        switch value {
        case .null:
            if !isNullable { issues.add(pointer, .type(kind.rawValue)) }
        case .string(let text):
            guard kind == .string || kind == .any else {
                return issues.add(pointer, .type(kind.rawValue))
            }
            checkString(text, at: pointer, into: &issues)
        case .int(let number):
            guard kind == .integer || kind == .number || kind == .any else {
                return issues.add(pointer, .type(kind.rawValue))
            }
            checkNumber(Double(number), at: pointer, into: &issues)
        case .double(let number):
            let isWhole = number.isFinite && number.rounded(.towardZero) == number
            guard kind == .number || kind == .any || (kind == .integer && isWhole) else {
                return issues.add(pointer, .type(kind.rawValue))
            }
            checkNumber(number, at: pointer, into: &issues)
        case .bool:
            if kind != .boolean && kind != .any { issues.add(pointer, .type(kind.rawValue)) }
        case .array(let elements):
            guard kind == .array || kind == .any else {
                return issues.add(pointer, .type(kind.rawValue))
            }
            checkArray(elements, at: pointer, into: &issues)
        case .object:
            if kind != .any { issues.add(pointer, .type(kind.rawValue)) }
        }
    }

    private func checkString(_ text: String, at pointer: String, into issues: inout IssueList) {
        if let allowedList, !isAllowed(text, in: allowedList) {
            issues.add(pointer, .oneOf(allowedList))
        }
        if let format, !format.isValid(text) {
            issues.add(pointer, .format(format.rawValue))
        }
        if let pattern, !pattern.isFound(in: text) {
            issues.add(pointer, .pattern(pattern.source))
        }
        if minLength != nil || maxLength != nil {
            checkLength(text, at: pointer, into: &issues)
        }
    }

    private static func hashedIfLong(_ values: [String]?) -> Set<String>? {
        guard let values, values.count > 32 else { return nil }
        return Set(values)
    }

    private func isAllowed(_ text: String, in list: [String]) -> Bool {
        if let allowed { return allowed.contains(text) }
        return list.contains(text)
    }

    /// Counts characters (grapheme clusters) only when the UTF-8 length
    /// cannot settle it: a string has at most as many characters as bytes,
    /// and ASCII has exactly as many.
    private func checkLength(_ text: String, at pointer: String, into issues: inout IssueList) {
        let bytes = text.utf8.count
        let isWithinMaximum = maxLength.map { bytes <= $0 } ?? true
        let isWithinMinimum = minLength.map { $0 <= (bytes > 0 ? 1 : 0) } ?? true
        guard !isWithinMaximum || !isWithinMinimum else { return }

        let characters = text.utf8.allSatisfy { $0 < 0x80 } ? bytes : text.count
        if let minLength, characters < minLength { issues.add(pointer, .minLength(minLength)) }
        if let maxLength, characters > maxLength { issues.add(pointer, .maxLength(maxLength)) }
    }

    private func checkNumber(_ number: Double, at pointer: String, into issues: inout IssueList) {
        if let minimum, number < minimum { issues.add(pointer, .minimum(minimum)) }
        if let maximum, number > maximum { issues.add(pointer, .maximum(maximum)) }
    }

    private func checkArray(
        _ elements: [JSONValue],
        at pointer: String,
        into issues: inout IssueList
    ) {
        if let minItems, elements.count < minItems { issues.add(pointer, .minItems(minItems)) }
        if let maxItems, elements.count > maxItems { issues.add(pointer, .maxItems(maxItems)) }
        if requiresUniqueItems, elements.count > 1, !Self.areUnique(elements) {
            issues.add(pointer, .uniqueItems)
        }
        guard let items else { return }
        elements.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                // Issues are reported at "" and get their pointer only when
                // there are any.
                let before = issues.found.count
                items.check(elements[index], at: "", into: &issues)
                if issues.found.count > before {
                    issues.prefixPointers(from: before, with: "\(pointer)/\(index)")
                }
            }
        }
    }

    /// Whether no two elements are equal as JSON values (so `1` equals
    /// `1.0`).
    private static func areUnique(_ elements: [JSONValue]) -> Bool {
        if elements.count <= 8 {
            for first in elements.indices {
                for second in elements.indices where second > first {
                    if areEqual(elements[first], elements[second]) { return false }
                }
            }
            return true
        }
        var seen = Set<String>(minimumCapacity: elements.count)
        for element in elements {
            let key = element.stringValue.map { "s" + $0 } ?? "j" + element.canonicalText
            guard seen.insert(key).inserted else { return false }
        }
        return true
    }

    private static func areEqual(_ first: JSONValue, _ second: JSONValue) -> Bool {
        switch (first, second) {
        case (.string(let a), .string(let b)): a == b
        case (.string, _), (_, .string): false
        default: first == second || first.canonicalText == second.canonicalText
        }
    }
}

/// Issues found in one record, as field pointers and expectations.
struct IssueList {
    /// An issue, with the position of its field in declaration order.
    struct Entry {
        var field: Int
        var pointer: String
        var expected: ValidationIssue.Expectation
    }

    private(set) var found: [Entry] = []
    /// The position of the field being checked; new issues take it.
    var field = 0

    mutating func add(_ pointer: String, _ expected: ValidationIssue.Expectation) {
        found.append(Entry(field: field, pointer: pointer, expected: expected))
    }

    /// Puts `prefix` before the pointers of the issues from `start` on.
    mutating func prefixPointers(from start: Int, with prefix: String) {
        for index in start..<found.count {
            found[index].pointer = prefix + found[index].pointer
        }
    }

    /// Orders issues by field, keeping the order within each field.
    mutating func sortByField() {
        guard found.count > 1 else { return }
        found = found.enumerated()
            .sorted { ($0.element.field, $0.offset) < ($1.element.field, $1.offset) }
            .map(\.element)
    }
}
