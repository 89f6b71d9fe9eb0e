import VennDomain

extension VennCommandLine {
    static let refundCommand = WorkflowCommand(verbs: [])

    func runRefund(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
