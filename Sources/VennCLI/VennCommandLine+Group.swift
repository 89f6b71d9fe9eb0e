import VennDomain

extension VennCommandLine {
    static let groupCommand = WorkflowCommand(verbs: [])

    func runGroup(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
