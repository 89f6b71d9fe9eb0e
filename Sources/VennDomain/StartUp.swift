public import VennSchema
public import VennStore

/// The working group's start-up (oppstart): its cooperation agreement
/// (samarbeidsavtale) with NF, the tasks its members share, and whom it
/// serves.
///
/// Every step that writes runs inside one ``Store/batch(_:)``, so it lands
/// whole or not at all.
public struct StartUp {
    /// The statuses in which NF's toolbox (Verktøykassen) is open to the
    /// group.
    public static let toolboxStatuses: Set<String> = ["registered", "under_review"]

    /// The workflow the steps write through: its store, member and day.
    public let workflow: Workflow

    /// Start-up steps on the workflow's store.
    public init(workflow: Workflow) {
        self.workflow = workflow
    }

    var store: Store { workflow.store }

    // MARK: - Agreement

    /// An agreement with what has happened to it so far.
    public struct AgreementOverview {
        /// The agreement that is not terminated.
        public var agreement: Record
        /// The recorded moves, oldest first.
        public var moves: [Record]
        /// The moves that may come next from the agreement's status.
        public var nextMoves: [StatusTransition]
        /// Whether the toolbox is open: the agreement is registered.
        public var isToolboxOpen: Bool
    }

    /// Whether the toolbox (Verktøykassen) is open under `agreement`.
    public static func isToolboxOpen(_ agreement: Record) -> Bool {
        toolboxStatuses.contains(agreement.values[CollectionSchema.statusField]?.stringValue ?? "")
    }

    /// The group's agreement that is not terminated, the newest when there
    /// are several.
    public func liveAgreement() throws -> Record? {
        try store.records(collection: "agreement")
            .filter { $0.values[CollectionSchema.statusField]?.stringValue != "terminated" }
            .max { $0.updated < $1.updated }
    }

    /// Drafts the group's agreement, with its leader when given.
    ///
    /// - Parameter leader: the id of the member who leads the group.
    /// - Returns: the new agreement.
    /// - Throws: `StartUpError` `.agreementExists` when an agreement that
    ///   is not terminated exists, `.notFound` when the leader is not a
    ///   member.
    public func draftAgreement(leader: String? = nil) throws -> Record {
        try store.batch {
            if let live = try liveAgreement() {
                let status = live.values[CollectionSchema.statusField]?.stringValue ?? ""
                throw StartUpError(.agreementExists(status: status))
            }
            var fields: [String: JSONValue] = [CollectionSchema.statusField: "draft"]
            if let leader {
                _ = try member(leader)
                fields["leader"] = .string(leader)
            }
            let id = try store.add(collection: "agreement", fields: fields)
            return try existing("agreement", id)
        }
    }

    /// Makes `member` the leader of the live agreement.
    ///
    /// - Throws: `StartUpError` `.noAgreement` or `.notFound`.
    public func setLeader(_ member: String) throws -> Record {
        try store.batch {
            guard let agreement = try liveAgreement() else { throw StartUpError(.noAgreement) }
            _ = try self.member(member)
            _ = try store.update(collection: "agreement", id: agreement.id, changes: ["leader": .string(member)])
            return try existing("agreement", agreement.id)
        }
    }

    /// The live agreement, its moves and whether the toolbox is open.
    ///
    /// - Throws: `StartUpError` `.noAgreement`.
    public func agreementOverview() throws -> AgreementOverview {
        guard let agreement = try liveAgreement() else { throw StartUpError(.noAgreement) }
        let status = agreement.values[CollectionSchema.statusField]?.stringValue ?? ""
        return AgreementOverview(
            agreement: agreement,
            moves: try workflow.moves(of: "agreement", id: agreement.id),
            nextMoves: try workflow.transitions(of: "agreement").filter { $0.from.contains(status) },
            isToolboxOpen: Self.isToolboxOpen(agreement)
        )
    }

    // MARK: - Working group

    /// The store's working group record, if one was made.
    public func workingGroup() throws -> Record? {
        try store.records(collection: "working_group").min { $0.id < $1.id }
    }

    /// Sets whom the group serves: people at home, in institutions, in day
    /// centres. Makes the working group record, named after the store's
    /// group, when there is none.
    ///
    /// - Parameter targets: codes of `working_group.serves`.
    /// - Throws: `StartUpError` `.unknownCode` for a code the field lacks.
    public func setServes(_ targets: [String]) throws -> Record {
        let known = store.schemas.collection(named: "working_group")?.field(named: "serves")?.string.allowed ?? []
        if let unknown = targets.first(where: { !known.contains($0) }) ?? (targets.isEmpty ? "" : nil) {
            throw StartUpError(.unknownCode(field: "serves", known: known), detail: unknown)
        }
        var unique: [String] = []
        for target in targets where !unique.contains(target) { unique.append(target) }
        let serves = JSONValue.array(unique.map(JSONValue.string))
        return try store.batch {
            if let group = try workingGroup() {
                _ = try store.update(collection: "working_group", id: group.id, changes: ["serves": serves])
                return try existing("working_group", group.id)
            }
            let id = try store.add(collection: "working_group", fields: [
                "name": .string(store.group), CollectionSchema.statusField: "forming", "serves": serves,
            ])
            return try existing("working_group", id)
        }
    }

    // MARK: - Records

    /// The live member with this id.
    func member(_ id: String) throws -> Record {
        try existing("member", id)
    }

    /// The live record, or `StartUpError` `.notFound`.
    func existing(_ collection: String, _ id: String) throws -> Record {
        guard let record = try store.record(collection: collection, id: id) else {
            throw StartUpError(.notFound(collection: collection), detail: id)
        }
        return record
    }
}
