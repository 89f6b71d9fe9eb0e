import VennDomain

extension VennCommandLine {
    static let agreementCommand = WorkflowCommand(verbs: [])

    func runAgreement(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
