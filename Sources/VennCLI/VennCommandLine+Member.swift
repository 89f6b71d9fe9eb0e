import VennDomain

extension VennCommandLine {
    static let memberCommand = WorkflowCommand(verbs: [])

    func runMember(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
