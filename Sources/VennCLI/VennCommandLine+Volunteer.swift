import VennDomain

extension VennCommandLine {
    static let volunteerCommand = WorkflowCommand(verbs: [])

    func runVolunteer(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
