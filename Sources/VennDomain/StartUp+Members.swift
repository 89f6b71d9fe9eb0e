import VennSchema
public import VennStore

extension StartUp {
    /// A task of the working group and the active members who hold it.
    public struct TaskHolders: Sendable, Hashable {
        /// The task's code, one of `member.roles`.
        public var task: String
        /// The active members who hold it, by name.
        public var members: [Record]
    }

    /// The tasks members can hold, in the order the schema declares them.
    public var tasks: [String] {
        store.schemas.collection(named: "member")?.field(named: "roles")?.string.allowed ?? []
    }

    /// Makes `member` the one using this laptop, under the store's setting
    /// `setting`.
    ///
    /// - Returns: the member.
    /// - Throws: `StartUpError` `.notFound` when no live member has the id.
    @discardableResult
    public func setLaptopMember(_ member: String, setting: String) throws -> Record {
        let record = try self.member(member)
        try store.setSyncState(setting, record.id)
        return record
    }

    /// Every task with the active members who hold it; a task nobody holds
    /// has no members.
    public func taskHolders() throws -> [TaskHolders] {
        let members = try store.records(collection: "member")
            .filter { $0.values["active"] != .bool(false) }
            .sorted { ($0.values["name"]?.stringValue ?? "", $0.id) < ($1.values["name"]?.stringValue ?? "", $1.id) }
        return tasks.map { task in
            TaskHolders(task: task, members: members.filter { Self.roles(of: $0).contains(task) })
        }
    }

    /// Gives `member` the task.
    ///
    /// - Throws: `StartUpError` `.unknownCode` or `.notFound`.
    public func assign(_ member: String, task: String) throws -> Record {
        try changeRoles(of: member, task: task) { roles in
            if !roles.contains(task) { roles.append(task) }
        }
    }

    /// Takes the task from `member`.
    ///
    /// - Throws: `StartUpError` `.unknownCode`, `.notFound`, or
    ///   `.notAssigned` when the member does not hold it.
    public func unassign(_ member: String, task: String) throws -> Record {
        try changeRoles(of: member, task: task) { roles in
            guard roles.contains(task) else { throw StartUpError(.notAssigned(task: task)) }
            roles.removeAll { $0 == task }
        }
    }

    private func changeRoles(
        of member: String,
        task: String,
        _ change: (inout [String]) throws -> Void
    ) throws -> Record {
        guard tasks.contains(task) else {
            throw StartUpError(.unknownCode(field: "roles", known: tasks), detail: task)
        }
        return try store.batch {
            let record = try self.member(member)
            var roles = Self.roles(of: record)
            try change(&roles)
            _ = try store.update(collection: "member", id: record.id, changes: [
                "roles": .array(roles.map(JSONValue.string)),
            ])
            return try existing("member", record.id)
        }
    }

    static func roles(of member: Record) -> [String] {
        (member.values["roles"]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
