import VennDomain

extension VennCommandLine {
    static let statsCommand = WorkflowCommand(verbs: [])

    func runStats(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
