import VennDomain

extension VennCommandLine {
    static let activityCommand = WorkflowCommand(verbs: [])

    func runActivity(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
