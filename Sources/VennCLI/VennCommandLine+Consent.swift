import VennDomain

extension VennCommandLine {
    static let consentCommand = WorkflowCommand(verbs: [])

    func runConsent(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
