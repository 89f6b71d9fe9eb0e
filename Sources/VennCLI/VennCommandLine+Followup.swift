import VennDomain

extension VennCommandLine {
    static let followupCommand = WorkflowCommand(verbs: [])

    func runFollowup(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
