import VennDomain

extension VennCommandLine {
    static let personCommand = WorkflowCommand(verbs: [])

    func runPerson(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
