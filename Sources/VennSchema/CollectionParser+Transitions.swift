extension CollectionParser {
    /// `x-transitions`: verbs mapped to `from` (statuses), `to` (a status),
    /// optional `stamp` (a date field), `reason` (required or not) and texts.
    func parseTransitions(
        _ node: SchemaNode?,
        fields: [FieldSchema]
    ) throws(SchemaLoadError) -> [StatusTransition] {
        guard let node else { return [] }
        guard case .object(let members) = node else {
            throw failure(.invalidDeclaration, "x-transitions must map verbs to moves")
        }
        guard let status = fields.first(where: { $0.name == CollectionSchema.statusField }),
              let statuses = status.string.allowed
        else {
            throw failure(.invalidDeclaration, "x-transitions needs a status field with an enum")
        }
        var transitions: [StatusTransition] = []
        for member in members {
            let context = "x-transitions '\(member.key)'"
            guard member.key.allSatisfy({ $0.isLowercase || $0 == "-" }), !member.key.isEmpty else {
                throw failure(.invalidDeclaration, "\(context): a verb is lowercase letters and dashes")
            }
            guard case .object(let keys) = member.value else {
                throw failure(.invalidDeclaration, "\(context) must be an object")
            }
            try checkKeys(keys.map(\.key), allowed: ["from", "to", "stamp", "reason", "via"], context: context)
            let from = try parseNames(member.value["from"], keyword: "\(context): from")
            let to = try requiredString(member.value, "to", context: context)
            for name in from + [to] where !statuses.contains(name) {
                throw failure(.invalidDeclaration, "\(context): '\(name)' is not a status")
            }
            guard !from.isEmpty, !from.contains(to) else {
                throw failure(.invalidDeclaration, "\(context): from must list other statuses than to")
            }
            let stamp = try member.value["stamp"].map { node throws(SchemaLoadError) in
                guard let name = Self.string(node),
                      let field = fields.first(where: { $0.name == name }), field.string.format == .date
                else {
                    throw failure(.invalidDeclaration, "\(context): stamp must name a date field")
                }
                return name
            }
            // `reason`: true when a reason is needed, or the name of a field
            // of codes the reason must be one of.
            var needsReason = false
            var reasonField: String?
            switch member.value["reason"] {
            case nil: break
            case .bool(let value)?: needsReason = value
            case .string(let name)?:
                guard fields.contains(where: { $0.name == name && $0.string.allowed != nil }) else {
                    throw failure(.invalidDeclaration, "\(context): reason must name a field with an enum")
                }
                reasonField = name
            default:
                throw failure(.invalidDeclaration, "\(context): reason must be true, false or a field name")
            }
            var via: String?
            if let node = member.value["via"] {
                guard let command = Self.string(node), !command.isEmpty else {
                    throw failure(.invalidDeclaration, "\(context): via must name a command")
                }
                via = command
            }
            transitions.append(StatusTransition(
                verb: member.key,
                from: from,
                to: to,
                stamp: stamp,
                needsReason: needsReason,
                reasonField: reasonField,
                via: via,
                labels: try parseTexts(member.value["x-labels"], context: "\(context): x-labels"),
                help: try parseTexts(member.value["x-help"], context: "\(context): x-help")
            ))
        }
        return transitions
    }
}
