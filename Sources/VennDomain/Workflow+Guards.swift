public import VennSchema
public import VennStore

extension Workflow {
    /// The hours of course a volunteer needs before the follow-up
    /// conversation.
    public static let courseHours = 6

    /// What the move still needs, in the order people would fix it; empty
    /// when the move may go ahead.
    public func requirements(for transition: StatusTransition, of record: Record) throws -> [Requirement] {
        switch (record.collection, transition.to) {
        case ("volunteer", "ready"): return try readiness(ofVolunteer: record)
        case ("person", "consented"): return try consentInForce(for: record.id) ? [] : [.consentInForce]
        case ("person", "mapped"): return try mapping(ofPerson: record)
        case ("match", "active"): return try matchRequirements(of: record)
        case ("agreement", "sent"): return try leaderContact(of: record)
        case ("course", "held"): return courseHours(of: record)
        case ("volunteer", "ended"), ("volunteer", "withdrawn"), ("volunteer", "not_proceeding"):
            return try openMatches(of: record, field: "volunteer")
        case ("person", "closed"): return try openMatches(of: record, field: "person")
        case ("refund_claim", "submitted"):
            return try Refunds(workflow: self).limitExceeded(by: record).map { [$0] } ?? []
        default: return []
        }
    }

    /// Why the volunteer is not ready yet: a completed course, a follow-up
    /// conversation that ended `ready`, and a signed pledge.
    public func readiness(ofVolunteer volunteer: Record) throws -> [Requirement] {
        var missing: [Requirement] = []
        let completed = try store.records(collection: "course_enrolment").contains {
            $0.values["volunteer"]?.stringValue == volunteer.id && $0.values["completed"] == .bool(true)
        }
        if !completed { missing.append(.courseCompleted) }
        let heldReady = try store.records(collection: "followup_conversation").contains {
            $0.values["volunteer"]?.stringValue == volunteer.id && $0.values["outcome"]?.stringValue == "ready"
        }
        if !heldReady { missing.append(.followupHeld) }
        if volunteer.values["pledge_signed_on"]?.stringValue == nil { missing.append(.pledgeSigned) }
        return missing
    }

    /// Whether the person has a consent that is not withdrawn.
    public func consentInForce(for person: String) throws -> Bool {
        try store.records(collection: "consent").contains {
            $0.values["subject"]?.stringValue == person && ($0.values["withdrawn_on"] ?? .null).isNull
        }
    }

    /// What a person's mapping lacks: interests, times and area, and a
    /// consent in force.
    public func mapping(ofPerson person: Record) throws -> [Requirement] {
        var missing: [Requirement] = []
        if !(try consentInForce(for: person.id)) { missing.append(.consentInForce) }
        for field in ["interests", "availability"] where (person.values[field]?.arrayValue ?? []).isEmpty {
            missing.append(.field(field))
        }
        if person.values["area"]?.stringValue == nil { missing.append(.field("area")) }
        return missing
    }

    /// What a pair needs: a volunteer who is ready (or already active with
    /// someone else) and a person who has consented and been mapped.
    public func pairRequirements(volunteer: Record, person: Record?) throws -> [Requirement] {
        var missing: [Requirement] = []
        let volunteerStatus = volunteer.values["status"]?.stringValue ?? ""
        if !["ready", "proposed", "active"].contains(volunteerStatus) {
            missing.append(.volunteerReady(status: volunteerStatus))
        }
        guard let person else { return missing }
        let personStatus = person.values["status"]?.stringValue ?? ""
        if !(try consentInForce(for: person.id)) { missing.append(.consentInForce) }
        if !["mapped", "proposed", "matched"].contains(personStatus) {
            missing.append(.personMapped(status: personStatus))
        }
        return missing
    }

    private func matchRequirements(of match: Record) throws -> [Requirement] {
        guard let volunteerID = match.values["volunteer"]?.stringValue,
              let volunteer = try store.record(collection: "volunteer", id: volunteerID)
        else { throw WorkflowError(.wrongReference(field: "volunteer"), collection: "match", id: match.id) }
        var person: Record?
        if let personID = match.values["person"]?.stringValue {
            person = try store.record(collection: "person", id: personID)
            if person == nil {
                throw WorkflowError(.wrongReference(field: "person"), collection: "match", id: match.id)
            }
        }
        return try pairRequirements(volunteer: volunteer, person: person)
    }

    /// A volunteer or person leaves only when their matches are closed, so
    /// no match is left active with someone who has gone.
    private func openMatches(of record: Record, field: String) throws -> [Requirement] {
        let open = try store.records(collection: "match").filter {
            $0.values[field]?.stringValue == record.id
                && ["proposed", "active", "paused"].contains($0.values[CollectionSchema.statusField]?.stringValue ?? "")
        }
        return open.isEmpty ? [] : [.matchesClosed(open.map(\.id))]
    }

    private func leaderContact(of agreement: Record) throws -> [Requirement] {
        guard let leaderID = agreement.values["leader"]?.stringValue,
              let leader = try store.record(collection: "member", id: leaderID),
              leader.values["email"]?.stringValue != nil || leader.values["phone"]?.stringValue != nil
        else { return [.leaderWithContact] }
        return []
    }

    private func courseHours(of course: Record) -> [Requirement] {
        guard course.values["kind"]?.stringValue != "e_learning" else { return [] }
        let hours = (course.values["sessions"]?.arrayValue ?? []).compactMap(\.stringValue)
            .compactMap(Self.sessionHours).reduce(0, +)
        return hours + 0.01 >= Double(Self.courseHours) ? [] : [.courseHours(needed: Self.courseHours, planned: hours)]
    }

    /// The length in hours of a session written `YYYY-MM-DD HH:MM-HH:MM`.
    public static func sessionHours(_ session: String) -> Double? {
        let parts = session.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let times = parts[1].split(separator: "-")
        guard times.count == 2, let start = minutes(times[0]), let end = minutes(times[1]), end > start else {
            return nil
        }
        return Double(end - start) / 60
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return nil }
        return hours * 60 + minutes
    }
}
