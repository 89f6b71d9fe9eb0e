import VennSchema
public import VennStore

/// The working group's catalogue of activity types (aktivitetstyper): one
/// list for the interests of both volunteers and people, and for group
/// activities.
public struct ActivityCatalogue: Sendable, Hashable {
    /// The types still offered, by code.
    public private(set) var types: [Record]

    /// The catalogue in the store, without retired types.
    public init(store: Store) throws {
        types = try store.records(collection: "activity_type")
            .filter { $0.values["retired"]?.boolValue != true }
            .sorted { ($0.values["code"]?.stringValue ?? "") < ($1.values["code"]?.stringValue ?? "") }
    }

    /// The codes of the types, in order.
    public var codes: [String] { types.compactMap { $0.values["code"]?.stringValue } }

    /// The type that `text` names by code or label, ignoring case.
    public func type(named text: String) -> Record? {
        let wanted = text.lowercased()
        return types.first { $0.values["code"]?.stringValue?.lowercased() == wanted }
            ?? types.first { $0.values["label"]?.stringValue?.lowercased() == wanted }
    }

    /// The codes of the types that `texts` name, in the given order.
    ///
    /// - Throws: `MappingError` `.unknownInterests` listing every text that
    ///   names no type, and the catalogue's codes.
    public func codes(for texts: [String]) throws(MappingError) -> [String] {
        var found: [String] = []
        var unknown: [String] = []
        for text in texts {
            if let code = type(named: text)?.values["code"]?.stringValue {
                if !found.contains(code) { found.append(code) }
            } else {
                unknown.append(text)
            }
        }
        guard unknown.isEmpty else { throw MappingError(.unknownInterests(unknown, known: codes)) }
        return found
    }
}

/// What a mapping conversation found out about a volunteer or a person;
/// nil leaves a field as it is.
public struct MappingChanges: Sendable, Hashable {
    /// Activity types, by code or label.
    public var interests: [String]?
    /// Weekday and part of the day, e.g. `tue-evening`.
    public var availability: [String]?
    /// Part of the municipality.
    public var area: String?
    /// What they would like to do together, in a few words.
    public var wishes: String?
    /// For volunteers: what they are willing for, of `group`, `home` and
    /// `institution`; those not named are set to no.
    public var willing: [String]?

    public init(
        interests: [String]? = nil,
        availability: [String]? = nil,
        area: String? = nil,
        wishes: String? = nil,
        willing: [String]? = nil
    ) {
        self.interests = interests
        self.availability = availability
        self.area = area
        self.wishes = wishes
        self.willing = willing
    }
}

/// What mapping a person did, and what it still lacks before the person
/// can wait for a match.
public struct MappingOutcome: Sendable, Hashable {
    /// The person after the mapping, and a move to `mapped` when made.
    public var step: WorkflowStep
    /// What the mapping lacks; empty when the person is mapped.
    public var missing: [Requirement]
}

extension Workflow {
    /// The kinds of activity a volunteer may be willing for.
    public static let willingness = ["group", "home", "institution"]

    /// Sets a volunteer's interests, times, area and willingness.
    ///
    /// - Throws: `MappingError` for interests outside the catalogue,
    ///   unknown times or willingness; `WorkflowError` `.recordNotFound`.
    public func mapVolunteer(_ id: String, _ changes: MappingChanges) throws -> WorkflowStep {
        try store.batch {
            _ = try existing("volunteer", id, verb: "map")
            var values = try mappedValues(changes, collection: "volunteer")
            if let willing = changes.willing {
                let unknown = willing.filter { !Self.willingness.contains($0) }
                guard unknown.isEmpty else {
                    throw MappingError(.unknownWillingness(unknown, known: Self.willingness))
                }
                for kind in Self.willingness { values["willing_" + kind] = .bool(willing.contains(kind)) }
            }
            if !values.isEmpty { _ = try store.update(collection: "volunteer", id: id, changes: values) }
            return WorkflowStep(record: try existing("volunteer", id, verb: "map"))
        }
    }

    /// Sets a person's interests, times and area, and moves a consented
    /// person to `mapped` when nothing is missing.
    ///
    /// - Returns: the person, the move when made, and what is still
    ///   missing (empty for a person who is mapped or further along).
    /// - Throws: `MappingError` for interests outside the catalogue or
    ///   unknown times; `WorkflowError` `.recordNotFound`.
    public func mapPerson(_ id: String, _ changes: MappingChanges, on day: CalendarDay? = nil) throws
        -> MappingOutcome
    {
        try store.batch {
            let before = try existing("person", id, verb: "map")
            let values = try mappedValues(changes, collection: "person")
            if !values.isEmpty { _ = try store.update(collection: "person", id: id, changes: values) }
            let person = try existing("person", id, verb: "map")

            let status = person.values[CollectionSchema.statusField]?.stringValue
            guard status == "referred" || status == "consented" else {
                return MappingOutcome(step: WorkflowStep(record: person), missing: [])
            }
            let missing = try mapping(ofPerson: person)
            guard missing.isEmpty, status == "consented" else {
                return MappingOutcome(step: WorkflowStep(record: person), missing: missing)
            }
            let after = try move("person", id: id, verb: "map", on: day)
            return MappingOutcome(
                step: WorkflowStep(record: after, moves: [RecordMove(before: before, after: after)]),
                missing: []
            )
        }
    }

    /// Records the day the group first talked with the volunteer.
    public func recordContact(volunteer id: String, on day: CalendarDay? = nil) throws -> WorkflowStep {
        try store.batch {
            _ = try existing("volunteer", id, verb: "contact")
            _ = try store.update(collection: "volunteer", id: id, changes: ["contacted_on": (day ?? today).json])
            return WorkflowStep(record: try existing("volunteer", id, verb: "contact"))
        }
    }

    /// Records the signed pledge of confidentiality (taushetsløfte), and
    /// moves a volunteer who is done with the course to `ready` when the
    /// course is completed and the follow-up conversation ended ready.
    public func signPledge(volunteer id: String, on day: CalendarDay? = nil) throws -> WorkflowStep {
        try store.batch {
            let before = try existing("volunteer", id, verb: "pledge")
            _ = try store.update(collection: "volunteer", id: id, changes: ["pledge_signed_on": (day ?? today).json])
            let signed = try existing("volunteer", id, verb: "pledge")
            guard signed.values[CollectionSchema.statusField]?.stringValue == "course_done",
                  try readiness(ofVolunteer: signed).isEmpty
            else { return WorkflowStep(record: signed) }
            let after = try move("volunteer", id: id, verb: "ready", on: day)
            return WorkflowStep(record: after, moves: [RecordMove(before: before, after: after)])
        }
    }

    /// The field values for interests, times, area and wishes, checked against the
    /// catalogue and the schema.
    private func mappedValues(_ changes: MappingChanges, collection: String) throws -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        if let interests = changes.interests {
            let codes = try ActivityCatalogue(store: store).codes(for: interests)
            values["interests"] = .array(codes.map(JSONValue.string))
        }
        if let availability = changes.availability {
            let field = schemas.collection(named: collection)?.field(named: "availability")
            var codes: [String] = []
            var unknown: [String] = []
            for slot in availability {
                if let code = field?.code(forLabel: slot) {
                    if !codes.contains(code) { codes.append(code) }
                } else {
                    unknown.append(slot)
                }
            }
            guard unknown.isEmpty else {
                throw MappingError(.unknownTimes(unknown, known: field?.string.allowed ?? []))
            }
            values["availability"] = .array(codes.map(JSONValue.string))
        }
        if let area = changes.area {
            values["area"] = area.isEmpty ? .null : .string(area)
        }
        if let wishes = changes.wishes {
            values["wishes"] = wishes.isEmpty ? .null : .string(wishes)
        }
        return values
    }
}
