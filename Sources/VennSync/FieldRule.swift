public import VennSchema

/// A field's merge rule together with what the rule needs to know.
public struct FieldRule: Sendable, Hashable {
    public var merge: MergeRule
    /// For `forward`: the values in their declared order.
    public var order: [String]

    public init(merge: MergeRule, order: [String] = []) {
        self.merge = merge
        self.order = order
    }

    /// The rule for a field the schema declares.
    public init(_ field: FieldSchema) {
        self.init(merge: field.merge, order: field.string.allowed ?? [])
    }

    /// The rule for fields no schema declares (they may come from a newer
    /// schema): last writer wins.
    public static let undeclared = FieldRule(merge: .lww)

    func rank(of value: JSONValue) -> Int {
        guard let text = value.stringValue, let index = order.firstIndex(of: text) else { return -1 }
        return index
    }
}

/// The merge rules of every field of every collection.
public struct MergePolicy: Sendable {
    private let rules: [String: [String: FieldRule]]

    /// The rules the schemas declare.
    public init(schemas: SchemaSet) {
        var rules: [String: [String: FieldRule]] = [:]
        for (name, collection) in schemas.collections {
            rules[name] = Dictionary(uniqueKeysWithValues: collection.fields.map { ($0.name, FieldRule($0)) })
        }
        self.rules = rules
    }

    /// Explicit rules, for tests and tools.
    public init(rules: [String: [String: FieldRule]]) {
        self.rules = rules
    }

    /// The rule for `field` of `collection`; `undeclared` when unknown.
    public func rule(collection: String, field: String) -> FieldRule {
        rules[collection]?[field] ?? .undeclared
    }
}
