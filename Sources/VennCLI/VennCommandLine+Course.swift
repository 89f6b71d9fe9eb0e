import VennDomain

extension VennCommandLine {
    static let courseCommand = WorkflowCommand(verbs: [])

    func runCourse(_ verb: String, _ invocation: Invocation, workflow: Workflow) throws {}
}
