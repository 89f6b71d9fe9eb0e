import VennSchema
public import VennStore

/// A consent as the working group records it.
public struct ConsentGrant: Sendable, Hashable {
    /// The purposes a consent covers when none are named: what taking part
    /// needs.
    public static let defaultPurposes = ["registration", "matching", "share_with_volunteer"]

    /// The person's id.
    public var person: String
    /// Who gave it: `self`, `attorney` (fremtidsfullmektig) or `guardian`
    /// (verge), as code or label.
    public var givenBy: String
    /// The id of the representative who gave it, for an attorney or a
    /// guardian.
    public var representative: String?
    /// Codes or labels of the purposes; ``defaultPurposes`` when empty.
    public var purposes: [String]
    /// The day it was given; today when nil.
    public var givenOn: CalendarDay?
    /// When to ask again.
    public var reviewOn: CalendarDay?

    public init(
        person: String,
        givenBy: String,
        representative: String? = nil,
        purposes: [String] = [],
        givenOn: CalendarDay? = nil,
        reviewOn: CalendarDay? = nil
    ) {
        self.person = person
        self.givenBy = givenBy
        self.representative = representative
        self.purposes = purposes
        self.givenOn = givenOn
        self.reviewOn = reviewOn
    }
}

extension Workflow {
    /// The reason written when a consent is withdrawn: the matches' end
    /// reason, and the person's closing.
    public static let consentWithdrawn = "consent_withdrawn"

    /// Records a consent, and moves a referred person to `consented`.
    ///
    /// - Returns: the consent, and the person's move when made.
    /// - Throws: `ConsentError` for an unknown giver or purpose, or when an
    ///   attorney's or guardian's consent lacks their representative
    ///   record; `WorkflowError` `.recordNotFound`.
    public func giveConsent(_ grant: ConsentGrant) throws -> WorkflowStep {
        let schema = schemas.collection(named: "consent")
        let giverField = schema?.field(named: "given_by")
        guard let givenBy = giverField?.code(forLabel: grant.givenBy) else {
            throw ConsentError(.unknownGiver(known: giverField?.string.allowed ?? []), detail: grant.givenBy)
        }
        let purposeField = schema?.field(named: "purposes")
        let named = grant.purposes.isEmpty ? ConsentGrant.defaultPurposes : grant.purposes
        let purposes = named.map { purposeField?.code(forLabel: $0) }
        let unknown = zip(named, purposes).filter { $0.1 == nil }.map(\.0)
        guard unknown.isEmpty else {
            throw ConsentError(.unknownPurposes(unknown, known: purposeField?.string.allowed ?? []))
        }

        return try store.batch {
            let person = try existing("person", grant.person, verb: "consent")
            try checkRepresentative(grant.representative, givenBy: givenBy, person: person.id)

            var fields: [String: JSONValue] = [
                "subject": .string(person.id),
                "given_by": .string(givenBy),
                "purposes": .array(purposes.compactMap { $0 }.map(JSONValue.string)),
                "given_on": (grant.givenOn ?? today).json,
            ]
            if let representative = grant.representative { fields["representative"] = .string(representative) }
            if let review = grant.reviewOn { fields["review_on"] = review.json }
            let consent = try existing("consent", try store.add(collection: "consent", fields: fields), verb: nil)

            guard person.values[CollectionSchema.statusField]?.stringValue == "referred" else {
                return WorkflowStep(record: consent)
            }
            let after = try move("person", id: person.id, verb: "consent", on: grant.givenOn)
            return WorkflowStep(record: consent, moves: [RecordMove(before: person, after: after)])
        }
    }

    /// Withdraws the person's consent, in one batch: the consents in force
    /// get `withdrawn_on`; active and paused matches end and proposed ones
    /// are declined (reason ``consentWithdrawn``); volunteers left without
    /// a match that goes on are released; and the person is closed, which
    /// starts the retention time before the record is deleted.
    ///
    /// - Returns: the person, and every move made.
    /// - Throws: `ConsentError` `.noConsentInForce`; `WorkflowError`
    ///   `.recordNotFound`.
    public func withdrawConsent(person id: String, on day: CalendarDay? = nil) throws -> WorkflowStep {
        try store.batch {
            _ = try existing("person", id, verb: "close")
            let consents = try consentsInForce(for: id)
            guard !consents.isEmpty else { throw ConsentError(.noConsentInForce) }
            for consent in consents {
                _ = try store.update(collection: "consent", id: consent.id,
                                     changes: ["withdrawn_on": (day ?? today).json])
            }

            // The person's matches first, then the volunteers they leave.
            var moves: [RecordMove] = []
            var volunteers: [String] = []
            for match in try store.records(collection: "match") where match.values["person"]?.stringValue == id {
                let verb: String
                switch match.values[CollectionSchema.statusField]?.stringValue {
                case "active", "paused": verb = "end"
                case "proposed": verb = "decline"
                default: continue
                }
                let after = try move("match", id: match.id, verb: verb, reason: Self.consentWithdrawn, on: day)
                moves.append(RecordMove(before: match, after: after))
                if let volunteer = match.values["volunteer"]?.stringValue { volunteers.append(volunteer) }
            }
            for volunteer in volunteers {
                if let move = try settle("volunteer", volunteer, on: day) { moves.append(move) }
            }

            var closed = try existing("person", id, verb: "close")
            if closed.values[CollectionSchema.statusField]?.stringValue != "closed" {
                let before = closed
                closed = try move("person", id: id, verb: "close", reason: Self.consentWithdrawn, on: day)
                moves.append(RecordMove(before: before, after: closed))
            }
            return WorkflowStep(record: closed, moves: moves)
        }
    }

    /// Sets when the person's consents in force are to be reviewed.
    ///
    /// - Returns: the consents changed.
    /// - Throws: `ConsentError` `.noConsentInForce`.
    public func reviewConsent(person id: String, on day: CalendarDay) throws -> [Record] {
        try store.batch {
            _ = try existing("person", id, verb: nil)
            let consents = try consentsInForce(for: id)
            guard !consents.isEmpty else { throw ConsentError(.noConsentInForce) }
            return try consents.map { consent in
                _ = try store.update(collection: "consent", id: consent.id, changes: ["review_on": day.json])
                return try existing("consent", consent.id, verb: nil)
            }
        }
    }

    /// The person's consents that are not withdrawn.
    public func consentsInForce(for person: String) throws -> [Record] {
        try store.records(collection: "consent").filter {
            $0.values["subject"]?.stringValue == person && ($0.values["withdrawn_on"] ?? .null).isNull
        }
    }

    /// Checks that an attorney or guardian has a representative record of
    /// that role for the person.
    private func checkRepresentative(_ id: String?, givenBy: String, person: String) throws {
        let needsRepresentative = givenBy == "attorney" || givenBy == "guardian"
        guard let id else {
            if needsRepresentative { throw ConsentError(.representativeNeeded(role: givenBy)) }
            return
        }
        let representative = try existing("representative", id, verb: nil)
        let role = representative.values["role"]?.stringValue
        guard representative.values["person"]?.stringValue == person,
              !needsRepresentative || role == givenBy
        else { throw ConsentError(.representativeMismatch(role: givenBy)) }
    }
}
