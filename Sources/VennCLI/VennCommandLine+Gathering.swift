import VennDomain

extension VennCommandLine {
    static let gatheringCommand = WorkflowCommand(verbs: [])

    func runGathering(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
