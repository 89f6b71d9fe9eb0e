import VennSchema
public import VennStore

/// A group activity with its type and volunteers.
public struct ActivityDetails: Sendable, Hashable {
    /// The group activity.
    public var activity: Record
    /// Its activity type, when still in the store.
    public var type: Record?
    /// The volunteers who run it.
    public var volunteers: [Record]
}

extension Workflow {
    /// Plans a group activity of a type in the catalogue.
    ///
    /// - Parameters:
    ///   - type: the activity type's code or label.
    ///   - schedule: weekday and part of the day, e.g. `tue-afternoon`.
    /// - Throws: `MatchingError` `.unknownActivityType` listing the
    ///   catalogue's codes, or `.unknownCode` for an unknown time.
    public func planActivity(
        type: String,
        name: String? = nil,
        venue: String? = nil,
        schedule: [String] = []
    ) throws -> WorkflowStep {
        let catalogue = try ActivityCatalogue(store: store)
        guard let activityType = catalogue.type(named: type) else {
            throw MatchingError(.unknownActivityType(known: catalogue.codes), detail: type)
        }
        let slots = try schedule.map { try code($0, of: "schedule", in: "group_activity") }
        var fields: [String: JSONValue] = [
            "activity_type": .string(activityType.id),
            "schedule": .array(slots.map(JSONValue.string)),
        ]
        if let name { fields["name"] = .string(name) }
        if let venue { fields["venue"] = .string(venue) }
        if let member { fields["contact_member"] = .string(member) }
        return try store.batch {
            let id = try store.add(collection: "group_activity", fields: fields)
            return WorkflowStep(record: try existing("group_activity", id, verb: "plan"))
        }
    }

    /// Adds volunteers to those who run a group activity.
    ///
    /// - Throws: `WorkflowError` `.missing` when a volunteer is not ready
    ///   or has said no to group activities; nothing is added then.
    public func joinActivity(_ id: String, volunteers: [String]) throws -> WorkflowStep {
        try store.batch {
            let activity = try existing("group_activity", id, verb: "join")
            var joined = (activity.values["volunteers"]?.arrayValue ?? []).compactMap(\.stringValue)
            for volunteerID in volunteers {
                let volunteer = try existing("volunteer", volunteerID, verb: "join")
                var missing = try pairRequirements(volunteer: volunteer, person: nil)
                if volunteer.values["willing_group"]?.boolValue == false { missing.append(.willingForGroup) }
                guard missing.isEmpty else {
                    throw WorkflowError(.missing(missing), collection: "group_activity", id: volunteerID, verb: "join")
                }
                if !joined.contains(volunteerID) { joined.append(volunteerID) }
            }
            _ = try store.update(collection: "group_activity", id: id,
                                 changes: ["volunteers": .array(joined.map(JSONValue.string))])
            return WorkflowStep(record: try existing("group_activity", id, verb: "join"))
        }
    }

    /// Sets how many people usually take part: a count, never names.
    ///
    /// - Throws: `StoreError` `.invalidData` for a count outside 0...500.
    public func setParticipants(_ id: String, count: Int) throws -> WorkflowStep {
        try store.batch {
            _ = try existing("group_activity", id, verb: "participants")
            _ = try store.update(collection: "group_activity", id: id,
                                 changes: ["participant_count": .int(Int64(count))])
            return WorkflowStep(record: try existing("group_activity", id, verb: "participants"))
        }
    }

    /// The group activity with its type and volunteers.
    public func activityDetails(_ id: String) throws -> ActivityDetails {
        let activity = try existing("group_activity", id, verb: nil)
        let type = try activity.values["activity_type"]?.stringValue.flatMap {
            try store.record(collection: "activity_type", id: $0)
        }
        let volunteers = try (activity.values["volunteers"]?.arrayValue ?? []).compactMap(\.stringValue).compactMap {
            try store.record(collection: "volunteer", id: $0)
        }
        return ActivityDetails(activity: activity, type: type, volunteers: volunteers)
    }
}
