/// Reads one schema file into a `CollectionSchema`, checking every convention
/// the programs rely on.
///
/// The conventions: a JSON Schema 2020-12 object schema named by
/// `x-collection` (matching the file name and `$id`), with `x-sensitivity`,
/// optional `x-labels`, `x-help`, `x-list`, `x-system`, `required` and
/// `properties`; each property has a supported `type`, only the validation
/// keywords the validator enforces, and an `x-merge` rule that suits its
/// type and sensitivity.
struct CollectionParser {
    /// The file's name, for errors.
    let file: String
    /// Patterns compiled so far in this schema set, by source; shared so
    /// that each distinct pattern compiles once.
    var patterns: [String: SchemaPattern]

    static let metaSchema = "https://json-schema.org/draft/2020-12/schema"
    static let idPrefix = "urn:venn:schema:records:"

    private static let annotationKeys: Set<String> = [
        "title", "description", "$comment", "examples", "deprecated", "readOnly", "writeOnly",
    ]
    private static let collectionKeys: Set<String> = [
        "$schema", "$id", "type", "required", "properties",
    ]
    private static let fieldKeys: Set<String> = [
        "type", "enum", "format", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "items", "uniqueItems", "minItems", "maxItems", "default",
    ]
    private static let stringKeys: Set<String> = [
        "enum", "format", "pattern", "minLength", "maxLength",
    ]
    private static let numberKeys: Set<String> = ["minimum", "maximum"]
    private static let arrayKeys: Set<String> = ["items", "uniqueItems", "minItems", "maxItems"]

    // MARK: - Collection

    /// Parses the file's bytes.
    ///
    /// - Throws: `SchemaLoadError` for the first broken convention.
    mutating func parse(_ data: some Collection<UInt8>) throws(SchemaLoadError) -> CollectionSchema
    {
        let root: SchemaNode
        do {
            root = try SchemaNode(parsing: data)
        } catch {
            throw failure(.malformedJSON, "not valid JSON: \(error)")
        }
        guard case .object(let members) = root else {
            throw failure(.invalidDeclaration, "the file must hold a JSON object")
        }
        try checkKeys(members.map(\.key), allowed: Self.collectionKeys, context: "the collection")

        // Identity: the name, the file name and `$id` agree.
        let name = try requiredString(root, "x-collection", context: "the collection")
        guard Self.isIdentifier(name) else {
            throw failure(.invalidDeclaration, "x-collection '\(name)' must be snake_case")
        }
        guard file == name + ".json" else {
            throw failure(.invalidDeclaration, "x-collection '\(name)' must match the file name")
        }
        guard root["$schema"].flatMap(Self.string) == Self.metaSchema else {
            throw failure(.invalidDeclaration, "$schema must be \(Self.metaSchema)")
        }
        guard root["$id"].flatMap(Self.string) == Self.idPrefix + name else {
            throw failure(.invalidDeclaration, "$id must be \(Self.idPrefix + name)")
        }
        guard root["type"].flatMap(Self.string) == "object" else {
            throw failure(.invalidDeclaration, "type must be \"object\"")
        }

        let sensitivity = try parseSensitivity(root["x-sensitivity"], context: "the collection")
        guard let sensitivity else {
            throw failure(.invalidDeclaration, "the collection needs x-sensitivity")
        }

        // Fields, in the order the file declares them.
        guard case .object(let properties)? = root["properties"] else {
            throw failure(.invalidDeclaration, "properties must be an object")
        }
        var fields: [FieldSchema] = []
        for property in properties {
            fields.append(
                try parseField(property.key, property.value, collectionSensitivity: sensitivity)
            )
        }

        let required = try parseRequired(root["required"], fields: fields)
        let listColumns = try parseNames(root["x-list"], keyword: "x-list")
        for column in listColumns where !fields.contains(where: { $0.name == column }) {
            throw failure(.unknownListColumn, "x-list names '\(column)', which is not a field")
        }

        return CollectionSchema(
            name: name,
            sensitivity: sensitivity,
            fields: fields,
            required: required,
            listColumns: listColumns,
            isSystem: try parseBool(root["x-system"], context: "x-system") ?? false,
            labels: try parseTexts(root["x-labels"], context: "the collection's x-labels"),
            help: try parseTexts(root["x-help"], context: "the collection's x-help"),
            transitions: try parseTransitions(root["x-transitions"], fields: fields)
        )
    }

    private func parseRequired(
        _ node: SchemaNode?,
        fields: [FieldSchema]
    ) throws(SchemaLoadError) -> Set<String> {
        let names = try parseNames(node, keyword: "required")
        for name in names {
            guard let field = fields.first(where: { $0.name == name }) else {
                throw failure(
                    .unknownRequiredField,
                    "required names '\(name)', which is not a field"
                )
            }
            // JSON Schema would accept null for a required nullable field,
            // but a required field must hold a value.
            guard !field.isNullable else {
                throw failure(
                    .invalidDeclaration,
                    "field '\(name)' is required, so it cannot allow null"
                )
            }
        }
        return Set(names)
    }

    // MARK: - Field

    private mutating func parseField(
        _ name: String,
        _ node: SchemaNode,
        collectionSensitivity: Sensitivity
    ) throws(SchemaLoadError) -> FieldSchema {
        let context = "field '\(name)'"
        guard Self.isIdentifier(name) else {
            throw failure(.invalidDeclaration, "\(context): must be snake_case")
        }
        guard case .object(let members) = node else {
            throw failure(.invalidDeclaration, "\(context): must be an object")
        }
        try checkKeys(members.map(\.key), allowed: Self.fieldKeys, context: context)

        // Type, and the keywords that type allows.
        let (kind, isNullable) = try parseType(node["type"], context: context)
        var field = FieldSchema(name: name, kind: kind, isNullable: isNullable)
        let keys = Set(members.map(\.key))
        let allowedKeys: Set<String> =
            switch kind {
            case .string: Self.stringKeys
            case .integer, .number: Self.numberKeys
            case .array: Self.arrayKeys
            case .boolean, .any: []
            }
        let misplaced = keys.intersection(
            Self.stringKeys.union(Self.numberKeys).union(Self.arrayKeys)
        )
        .subtracting(allowedKeys)
        if let keyword = misplaced.sorted().first {
            throw failure(
                .invalidDeclaration,
                "\(context): \(keyword) does not apply to \(kind.rawValue)"
            )
        }

        switch kind {
        case .string, .integer, .number:
            try parseScalarRules(node, into: &field, isNullable: isNullable, context: context)
        case .array:
            try parseArrayRules(node, into: &field, context: context)
        case .boolean, .any:
            break
        }

        field.sensitivity =
            try parseSensitivity(node["x-sensitivity"], context: context) ?? collectionSensitivity
        field.merge = try parseMerge(node["x-merge"], field: field, context: context)
        field.reference = try parseReference(node["x-ref"], field: field, context: context)
        field.labels = try parseTexts(node["x-labels"], context: "\(context): x-labels")
        field.help = try parseTexts(node["x-help"], context: "\(context): x-help")
        field.valueLabels = try parseValueLabels(node["x-enum-labels"], field: field, context: context)

        if let defaultNode = node["default"] {
            let value = defaultNode.jsonValue
            var issues = IssueList()
            ValueRules(field: field, patterns: patterns).check(value, at: "", into: &issues)
            guard issues.found.isEmpty else {
                throw failure(
                    .invalidDefault,
                    "\(context): the default \(value.canonicalText) breaks the field's rules"
                )
            }
            field.defaultValue = value
        }
        return field
    }

    /// Parses `type`: one type name, or one and "null"; none means any
    /// JSON value.
    private func parseType(
        _ node: SchemaNode?,
        context: String
    ) throws(SchemaLoadError) -> (FieldSchema.Kind, isNullable: Bool) {
        guard let node else { return (.any, true) }
        var names: [String]
        switch node {
        case .string(let name):
            names = [name]
        case .array(let elements):
            names = elements.compactMap(Self.string)
            guard names.count == elements.count, Set(names).count == names.count else {
                throw failure(.invalidDeclaration, "\(context): type must list distinct type names")
            }
        default:
            throw failure(.invalidDeclaration, "\(context): type must be a name or a list of names")
        }

        let isNullable = names.contains("null")
        names.removeAll { $0 == "null" }
        guard names.count == 1, let kind = FieldSchema.Kind(rawValue: names[0]), kind != .any else {
            throw failure(
                .invalidDeclaration,
                "\(context): type must be one of string, integer, number, boolean, array, optionally with null"
            )
        }
        return (kind, isNullable)
    }

    private mutating func parseScalarRules(
        _ node: SchemaNode,
        into field: inout FieldSchema,
        isNullable: Bool,
        context: String
    ) throws(SchemaLoadError) {
        if let enumNode = node["enum"] {
            field.string.allowed = try parseEnum(enumNode, isNullable: isNullable, context: context)
        }
        try parseStringRules(node, into: &field.string, context: context)
        field.minimum = try parseNumber(node["minimum"], context: "\(context): minimum")
        field.maximum = try parseNumber(node["maximum"], context: "\(context): maximum")
        if let minimum = field.minimum, let maximum = field.maximum, minimum > maximum {
            throw failure(.invalidDeclaration, "\(context): minimum is above maximum")
        }
    }

    private mutating func parseArrayRules(
        _ node: SchemaNode,
        into field: inout FieldSchema,
        context: String
    ) throws(SchemaLoadError) {
        field.requiresUniqueItems =
            try parseBool(node["uniqueItems"], context: "\(context): uniqueItems") ?? false
        field.minItems = try parseCount(node["minItems"], context: "\(context): minItems")
        field.maxItems = try parseCount(node["maxItems"], context: "\(context): maxItems")
        if let minItems = field.minItems, let maxItems = field.maxItems, minItems > maxItems {
            throw failure(.invalidDeclaration, "\(context): minItems is above maxItems")
        }

        // Elements: a single type (not an array or null), or any value.
        let itemContext = "\(context): items"
        guard case .object(let members)? = node["items"] else {
            throw failure(.invalidDeclaration, "\(itemContext) must be an object")
        }
        let itemKeys = Self.stringKeys.union(Self.numberKeys).union(["type"])
        try checkKeys(members.map(\.key), allowed: itemKeys, context: itemContext)
        let items = node["items"] ?? .null

        if let typeNode = items["type"] {
            let (kind, isNullable) = try parseType(typeNode, context: itemContext)
            guard kind != .array, !isNullable else {
                throw failure(
                    .invalidDeclaration,
                    "\(itemContext): elements must be strings, numbers or booleans"
                )
            }
            field.itemKind = kind
        } else {
            field.itemKind = .any
        }

        let allowedKeys: Set<String> =
            switch field.itemKind {
            case .string: Self.stringKeys.union(["type"])
            case .integer, .number: Self.numberKeys.union(["type"])
            default: ["type"]
            }
        if let keyword = Set(members.map(\.key)).intersection(itemKeys).subtracting(allowedKeys)
            .sorted().first
        {
            throw failure(
                .invalidDeclaration,
                "\(itemContext): \(keyword) does not apply to \(field.itemKind)"
            )
        }
        try parseScalarRules(items, into: &field, isNullable: false, context: itemContext)
    }

    private func parseEnum(
        _ node: SchemaNode,
        isNullable: Bool,
        context: String
    ) throws(SchemaLoadError) -> [String] {
        guard case .array(let elements) = node, !elements.isEmpty else {
            throw failure(.invalidDeclaration, "\(context): enum must be a non-empty list")
        }
        let values = elements.compactMap(Self.string)
        let nulls = elements.count - values.count
        guard
            nulls == 0
                || (nulls == 1 && elements.contains { if case .null = $0 { true } else { false } })
        else {
            throw failure(.invalidDeclaration, "\(context): enum may list only strings and null")
        }
        guard Set(values).count == values.count, !values.isEmpty else {
            throw failure(.invalidDeclaration, "\(context): enum must list distinct strings")
        }
        // A nullable enum must list null too, or JSON Schema rejects null.
        guard (nulls == 1) == isNullable else {
            throw failure(
                .invalidDeclaration,
                "\(context): enum must list null exactly when type allows null"
            )
        }
        return values
    }

    private mutating func parseStringRules(
        _ node: SchemaNode,
        into rules: inout FieldSchema.StringRules,
        context: String
    ) throws(SchemaLoadError) {
        if let formatNode = node["format"] {
            guard let name = Self.string(formatNode),
                let format = FieldSchema.Format(rawValue: name)
            else {
                throw failure(
                    .unsupportedKeyword,
                    "\(context): format must be date, date-time, email or uuid"
                )
            }
            rules.format = format
        }
        if let patternNode = node["pattern"] {
            guard let source = Self.string(patternNode) else {
                throw failure(.invalidDeclaration, "\(context): pattern must be a string")
            }
            if patterns[source] == nil {
                do {
                    patterns[source] = try SchemaPattern(source)
                } catch {
                    throw failure(
                        .invalidPattern,
                        "\(context): pattern \(source) is not a regular expression"
                    )
                }
            }
            rules.pattern = source
        }
        rules.minLength = try parseCount(node["minLength"], context: "\(context): minLength")
        rules.maxLength = try parseCount(node["maxLength"], context: "\(context): maxLength")
        if let minLength = rules.minLength, let maxLength = rules.maxLength, minLength > maxLength {
            throw failure(.invalidDeclaration, "\(context): minLength is above maxLength")
        }
    }

    // MARK: - Annotations

    /// Checks `x-merge`: present, known, and suited to the field.
    private func parseMerge(
        _ node: SchemaNode?,
        field: FieldSchema,
        context: String
    ) throws(SchemaLoadError) -> MergeRule {
        guard let node else { throw failure(.missingMergeRule, "\(context): x-merge is missing") }
        guard let name = Self.string(node), let rule = MergeRule(rawValue: name) else {
            let names = MergeRule.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure(.unknownMergeRule, "\(context): x-merge must be one of \(names)")
        }
        if field.sensitivity.isSealed, rule != .lww, rule != .manual {
            throw failure(
                .sealedMergeRule,
                "\(context): a \(field.sensitivity.rawValue) field is sealed, so x-merge must be lww or manual"
            )
        }
        switch rule {
        case .forward where field.kind != .string || field.string.allowed == nil:
            throw failure(.mergeRuleMismatch, "\(context): forward needs an enum of strings")
        case .union where field.kind != .array:
            throw failure(.mergeRuleMismatch, "\(context): union needs an array")
        case .max where field.kind == .array || field.kind == .any,
            .min where field.kind == .array || field.kind == .any:
            throw failure(
                .mergeRuleMismatch,
                "\(context): \(rule.rawValue) needs a single value, not \(field.kind)"
            )
        default:
            return rule
        }
    }

    /// Checks `x-ref`: it must sit on a uuid string or an array of them.
    /// Whether the collection exists is checked once every file is read.
    private func parseReference(
        _ node: SchemaNode?,
        field: FieldSchema,
        context: String
    ) throws(SchemaLoadError) -> String? {
        guard let node else { return nil }
        guard let target = Self.string(node), !target.isEmpty else {
            throw failure(.invalidDeclaration, "\(context): x-ref must name a collection")
        }
        let holdsIds =
            field.string.format == .uuid
            && (field.kind == .string || (field.kind == .array && field.itemKind == .string))
        guard holdsIds else {
            throw failure(
                .invalidDeclaration,
                "\(context): x-ref needs format uuid on the field or its items"
            )
        }
        return target
    }

    private func parseSensitivity(
        _ node: SchemaNode?,
        context: String
    ) throws(SchemaLoadError) -> Sensitivity? {
        guard let node else { return nil }
        guard let name = Self.string(node), let sensitivity = Sensitivity(rawValue: name) else {
            throw failure(
                .invalidDeclaration,
                "\(context): x-sensitivity must be org, contact, personal or health"
            )
        }
        return sensitivity
    }

    /// Parses `x-labels` or `x-help`: texts by language code.
    func parseTexts(
        _ node: SchemaNode?,
        context: String
    ) throws(SchemaLoadError) -> [String: String] {
        guard let node else { return [:] }
        guard case .object(let members) = node else {
            throw failure(.invalidDeclaration, "\(context) must map language codes to texts")
        }
        var texts: [String: String] = [:]
        for member in members {
            guard let text = Self.string(member.value) else {
                throw failure(.invalidDeclaration, "\(context) must map language codes to texts")
            }
            texts[member.key] = text
        }
        return texts
    }

    /// Parses `x-enum-labels`: for each enum code (of the field or of its
    /// elements), labels by language code. Every code labelled must be one
    /// the enum allows.
    private func parseValueLabels(
        _ node: SchemaNode?,
        field: FieldSchema,
        context: String
    ) throws(SchemaLoadError) -> [String: [String: String]] {
        guard let node else { return [:] }
        guard let allowed = field.string.allowed else {
            throw failure(.invalidDeclaration, "\(context): x-enum-labels needs an enum of strings")
        }
        guard case .object(let members) = node else {
            throw failure(
                .invalidDeclaration,
                "\(context): x-enum-labels must map enum codes to labels by language"
            )
        }
        var labels: [String: [String: String]] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                throw failure(
                    .unknownEnumLabel,
                    "\(context): x-enum-labels names '\(member.key)', which the enum does not allow"
                )
            }
            labels[member.key] = try parseTexts(
                member.value,
                context: "\(context): x-enum-labels of '\(member.key)'"
            )
        }
        return labels
    }

    // MARK: - Values

    func parseNames(
        _ node: SchemaNode?,
        keyword: String
    ) throws(SchemaLoadError) -> [String] {
        guard let node else { return [] }
        guard case .array(let elements) = node else {
            throw failure(.invalidDeclaration, "\(keyword) must be a list of field names")
        }
        let names = elements.compactMap(Self.string)
        guard names.count == elements.count, Set(names).count == names.count else {
            throw failure(.invalidDeclaration, "\(keyword) must list distinct field names")
        }
        return names
    }

    func requiredString(
        _ node: SchemaNode,
        _ key: String,
        context: String
    ) throws(SchemaLoadError) -> String {
        guard let value = node[key].flatMap(Self.string) else {
            throw failure(.invalidDeclaration, "\(context) needs \(key) as a string")
        }
        return value
    }

    func parseBool(_ node: SchemaNode?, context: String) throws(SchemaLoadError) -> Bool? {
        guard let node else { return nil }
        guard case .bool(let value) = node else {
            throw failure(.invalidDeclaration, "\(context) must be true or false")
        }
        return value
    }

    private func parseNumber(
        _ node: SchemaNode?,
        context: String
    ) throws(SchemaLoadError) -> Double? {
        switch node {
        case nil: return nil
        case .int(let value)?: return Double(value)
        case .double(let value)?: return value
        default: throw failure(.invalidDeclaration, "\(context) must be a number")
        }
    }

    /// Parses a count: a non-negative integer.
    private func parseCount(_ node: SchemaNode?, context: String) throws(SchemaLoadError) -> Int? {
        switch node {
        case nil:
            return nil
        case .int(let value)? where value >= 0 && value <= Int32.max:
            return Int(value)
        case .double(let value)?
        where value >= 0 && value <= Double(Int32.max) && value.rounded() == value:
            return Int(value)
        default:
            throw failure(.invalidDeclaration, "\(context) must be a non-negative integer")
        }
    }

    /// Rejects keywords that are neither `allowed`, annotations, nor `x-`
    /// extensions, since the validator would silently skip them.
    func checkKeys(
        _ keys: [String],
        allowed: Set<String>,
        context: String
    ) throws(SchemaLoadError) {
        for key in keys
        where !allowed.contains(key) && !Self.annotationKeys.contains(key) && !key.hasPrefix("x-") {
            throw failure(.unsupportedKeyword, "\(context): the keyword \(key) is not supported")
        }
    }

    static func string(_ node: SchemaNode) -> String? {
        if case .string(let value) = node { return value }
        return nil
    }

    /// Whether `name` is snake_case: a lowercase letter, then lowercase
    /// letters, digits and underscores.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    func failure(_ code: SchemaLoadError.Code, _ message: String) -> SchemaLoadError {
        SchemaLoadError(code: code, file: file, message: message)
    }
}
