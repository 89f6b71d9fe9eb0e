import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore
import VennSync

/// A store in its own temporary directory with a workflow on it, removed
/// afterwards.
final class StartUpFixture {
    let directory: URL
    let store: Store
    var workflow: Workflow

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-startup-tests-\(UUID().uuidString)", isDirectory: true)
        store = try Store.create(at: directory.appendingPathComponent("group.sqlite").path, group: "askvoll")
        workflow = Workflow(store: store, today: try #require(CalendarDay("2025-03-01")))
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var startUp: StartUp { StartUp(workflow: workflow) }
    var courses: Courses { Courses(workflow: workflow) }

    func member(_ name: String, email: String? = nil, roles: [String] = [], active: Bool = true) throws -> String {
        var fields: [String: JSONValue] = [
            "name": .string(name), "roles": .array(roles.map(JSONValue.string)), "active": .bool(active),
        ]
        if let email { fields["email"] = .string(email) }
        return try store.add(collection: "member", fields: fields)
    }

    func volunteer(_ name: String, status: String = "interested", pledge: String? = nil) throws -> String {
        var fields: [String: JSONValue] = ["name": .string(name), "status": .string(status)]
        if let pledge { fields["pledge_signed_on"] = .string(pledge) }
        return try store.add(collection: "volunteer", fields: fields)
    }

    func status(_ collection: String, _ id: String) throws -> String? {
        try store.record(collection: collection, id: id)?.values["status"]?.stringValue
    }
}

@Suite struct StartUpTests {
    @Test func theHappyPathRunsFromDraftToRegisteredAndOpensTheToolbox() throws {
        let fixture = try StartUpFixture()
        let leader = try fixture.member("Kari Leder", email: "kari@example.org")
        let agreement = try fixture.startUp.draftAgreement(leader: leader)
        #expect(agreement.values["status"] == "draft")
        #expect(try fixture.startUp.agreementOverview().isToolboxOpen == false)

        for verb in ["sign", "anchor", "send", "register"] {
            try fixture.workflow.move("agreement", id: agreement.id, verb: verb)
        }
        let overview = try fixture.startUp.agreementOverview()
        #expect(overview.isToolboxOpen)
        #expect(overview.moves.compactMap { $0.values["verb"]?.stringValue } == ["sign", "anchor", "send", "register"])
        #expect(overview.nextMoves.map(\.verb).sorted() == ["review", "terminate"])
        #expect(overview.agreement.values["registered_on"] == "2025-03-01")
    }

    @Test(arguments: [
        ("draft", false), ("signed", false), ("sent", false), ("registered", true), ("under_review", true),
        ("terminated", false),
    ])
    func theToolboxIsOpenOnlyWhenRegistered(status: String, isOpen: Bool) {
        let record = Record(collection: "agreement", id: "a", values: ["status": .string(status)],
                            updated: .zero)
        #expect(StartUp.isToolboxOpen(record) == isOpen)
    }

    @Test func sendingNeedsALeaderWithContactDetails() throws {
        let fixture = try StartUpFixture()
        let agreement = try fixture.startUp.draftAgreement()
        try fixture.workflow.move("agreement", id: agreement.id, verb: "sign")
        try fixture.workflow.move("agreement", id: agreement.id, verb: "anchor")

        let refusal = #expect(throws: WorkflowError.self) {
            try fixture.workflow.move("agreement", id: agreement.id, verb: "send")
        }
        #expect(refusal?.code == .missing([.leaderWithContact]))

        let leader = try fixture.member("Ola Leder", email: "ola@example.org")
        _ = try fixture.startUp.setLeader(leader)
        try fixture.workflow.move("agreement", id: agreement.id, verb: "send")
        #expect(try fixture.status("agreement", agreement.id) == "sent")
    }

    @Test func aSecondAgreementIsRefusedUntilTheFirstIsTerminated() throws {
        let fixture = try StartUpFixture()
        let first = try fixture.startUp.draftAgreement()
        #expect(throws: StartUpError(.agreementExists(status: "draft"))) {
            try fixture.startUp.draftAgreement()
        }
        try fixture.workflow.move("agreement", id: first.id, verb: "terminate", reason: "new start")
        let second = try fixture.startUp.draftAgreement()
        #expect(try fixture.startUp.liveAgreement()?.id == second.id)
    }

    @Test func withoutAnAgreementTheLeaderCannotBeSet() throws {
        let fixture = try StartUpFixture()
        let leader = try fixture.member("Kari")
        #expect(throws: StartUpError(.noAgreement)) { try fixture.startUp.setLeader(leader) }
        #expect(throws: StartUpError(.noAgreement)) { try fixture.startUp.agreementOverview() }
    }

    @Test func aLeaderWhoIsNoMemberIsRefusedAndNothingIsWritten() throws {
        let fixture = try StartUpFixture()
        #expect(throws: StartUpError.self) { try fixture.startUp.draftAgreement(leader: "no-such-member") }
        #expect(try fixture.store.records(collection: "agreement").isEmpty)
    }

    @Test func tasksListTheActiveMembersWhoHoldThemAndThoseNobodyHolds() throws {
        let fixture = try StartUpFixture()
        let kari = try fixture.member("Kari", roles: ["lead"])
        let ola = try fixture.member("Ola")
        _ = try fixture.member("Per", roles: ["course"], active: false)
        _ = try fixture.startUp.assign(ola, task: "course")
        _ = try fixture.startUp.assign(ola, task: "followup")

        let holders = try fixture.startUp.taskHolders()
        let byTask = Dictionary(uniqueKeysWithValues: holders.map { ($0.task, $0.members.map(\.id)) })
        #expect(holders.map(\.task) == fixture.startUp.tasks)
        #expect(byTask["lead"] == [kari])
        #expect(byTask["course"] == [ola])
        #expect(byTask["followup"] == [ola])
        #expect(byTask["network"] == [])

        _ = try fixture.startUp.unassign(ola, task: "course")
        #expect(try fixture.startUp.taskHolders().first { $0.task == "course" }?.members.isEmpty == true)
    }

    @Test func unknownAndUnheldTasksAreRefused() throws {
        let fixture = try StartUpFixture()
        let kari = try fixture.member("Kari")
        #expect(throws: StartUpError.self) { try fixture.startUp.assign(kari, task: "cooking") }
        #expect(throws: StartUpError(.notAssigned(task: "lead"))) { try fixture.startUp.unassign(kari, task: "lead") }
    }

    @Test func theLaptopMemberIsKeptInTheStore() throws {
        let fixture = try StartUpFixture()
        let kari = try fixture.member("Kari")
        try fixture.startUp.setLaptopMember(kari, setting: "member")
        #expect(try fixture.store.syncState("member") == kari)
        #expect(throws: StartUpError.self) { try fixture.startUp.setLaptopMember("nobody", setting: "member") }
    }

    @Test func servingMakesTheWorkingGroupNamedAfterTheStoreThenChangesIt() throws {
        let fixture = try StartUpFixture()
        #expect(try fixture.startUp.workingGroup() == nil)
        let group = try fixture.startUp.setServes(["home", "day_centre", "home"])
        #expect(group.values["name"] == "askvoll")
        #expect(group.values["status"] == "forming")
        #expect(group.values["serves"] == ["home", "day_centre"])

        let changed = try fixture.startUp.setServes(["institution"])
        #expect(changed.id == group.id)
        #expect(changed.values["serves"] == ["institution"])
        #expect(try fixture.store.records(collection: "working_group").count == 1)
    }

    @Test(arguments: [["school"], []])
    func servingRefusesWhatTheGroupCannotServe(targets: [String]) throws {
        let fixture = try StartUpFixture()
        #expect(throws: StartUpError.self) { try fixture.startUp.setServes(targets) }
        #expect(try fixture.startUp.workingGroup() == nil)
    }
}
