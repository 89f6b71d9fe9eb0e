import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore

/// Moves along one laptop's status machines: what each refuses and what it
/// records.
struct WorkflowTests {
    let laptops: Laptops
    let store: Store
    let member: String

    init() throws {
        laptops = try Laptops(count: 1)
        store = laptops.stores[0]
        member = try store.add(collection: "member", fields: ["name": "Anne", "email": "anne@example.org"])
    }

    var workflow: Workflow {
        Workflow(store: store, member: member, today: CalendarDay("2026-11-02")!)
    }

    func expectRefusal(_ code: WorkflowError.Code, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected \(code), but the move went ahead")
        } catch let error as WorkflowError {
            #expect(error.code == code)
        } catch {
            Issue.record("expected \(code), got \(error)")
        }
    }

    @Test func aVolunteerBecomesReadyOnlyWithCourseFollowUpAndPledge() throws {
        let volunteer = try store.add(collection: "volunteer", fields: ["name": "Kari", "status": "course_done"])
        expectRefusal(.missing([.courseCompleted, .followupHeld, .pledgeSigned])) {
            try workflow.move("volunteer", id: volunteer, verb: "ready")
        }

        let course = try store.add(collection: "course", fields: ["kind": "e_learning"])
        _ = try store.add(collection: "course_enrolment", fields: [
            "course": .string(course), "volunteer": .string(volunteer), "completed": true,
        ])
        _ = try store.add(collection: "followup_conversation", fields: [
            "volunteer": .string(volunteer), "date": "2026-10-20", "outcome": "needs_time",
        ])
        expectRefusal(.missing([.followupHeld, .pledgeSigned])) {
            try workflow.move("volunteer", id: volunteer, verb: "ready")
        }

        _ = try store.add(collection: "followup_conversation", fields: [
            "volunteer": .string(volunteer), "date": "2026-10-30", "outcome": "ready",
        ])
        _ = try store.update(collection: "volunteer", id: volunteer, changes: ["pledge_signed_on": "2026-10-30"])
        let ready = try workflow.move("volunteer", id: volunteer, verb: "ready", on: CalendarDay("2026-10-31"))
        #expect(ready.values["status"] == "ready")
    }

    @Test func everyMoveIsRecordedWithWhoWhenAndWhy() throws {
        let agreement = try store.add(collection: "agreement", fields: ["leader": .string(member)])
        try workflow.move("agreement", id: agreement, verb: "sign", on: CalendarDay("2026-09-01"))
        try workflow.move("agreement", id: agreement, verb: "anchor")
        try workflow.move("agreement", id: agreement, verb: "send")
        try workflow.move("agreement", id: agreement, verb: "register")
        try workflow.move("agreement", id: agreement, verb: "terminate", reason: "the group closes")

        let record = try #require(try store.record(collection: "agreement", id: agreement))
        #expect(record.values["status"] == "terminated")
        #expect(record.values["signed_on"] == "2026-09-01")
        #expect(record.values["registered_on"] == "2026-11-02")

        let moves = try workflow.moves(of: "agreement", id: agreement)
        #expect(moves.map { $0.values["to"] } == ["signed", "anchored", "sent", "registered", "terminated"])
        #expect(moves.allSatisfy { $0.values["by"] == .string(member) })
        #expect(moves.first?.values["on"] == "2026-09-01")
        #expect(moves.last?.values["reason"] == "the group closes")
        #expect(moves.last?.values["from"] == "registered")
    }

    @Test func aMoveMustStartFromTheRecordsStatusAndNothingIsWrittenWhenRefused() throws {
        let agreement = try store.add(collection: "agreement", fields: [:])
        expectRefusal(.notFromStatus(current: "draft", allowed: ["sent"])) {
            try workflow.move("agreement", id: agreement, verb: "register")
        }
        expectRefusal(.reasonRequired) {
            try workflow.move("agreement", id: agreement, verb: "terminate")
        }
        expectRefusal(.unknownVerb(known: ["sign", "anchor", "send", "register", "review", "confirm", "terminate"])) {
            try workflow.move("agreement", id: agreement, verb: "approve")
        }
        try workflow.move("agreement", id: agreement, verb: "sign")
        try workflow.move("agreement", id: agreement, verb: "anchor")
        _ = try store.update(collection: "member", id: member, changes: ["email": .null])
        expectRefusal(.missing([.leaderWithContact])) {
            try workflow.move("agreement", id: agreement, verb: "send")
        }

        #expect(try store.record(collection: "agreement", id: agreement)?.values["status"] == "anchored")
        #expect(try workflow.moves(of: "agreement", id: agreement).count == 2)
    }

    @Test func aMatchEndsOnlyWithOneOfItsReasonCodes() throws {
        let volunteer = try store.add(collection: "volunteer", fields: ["name": "Kari", "status": "active"])
        let match = try store.add(collection: "match", fields: [
            "volunteer": .string(volunteer), "status": "active",
        ])
        expectRefusal(.reasonRequired) { try workflow.move("match", id: match, verb: "end") }
        expectRefusal(.unknownReason(known: try #require(
            SchemaSet.embedded.collection(named: "match")?.field(named: "end_reason")?.string.allowed
        ))) {
            try workflow.move("match", id: match, verb: "end", reason: "bored")
        }
        let ended = try workflow.move("match", id: match, verb: "end", reason: "volunteer_moved")
        #expect(ended.values["status"] == "ended")
        #expect(ended.values["end_reason"] == "volunteer_moved")
        #expect(ended.values["ended_on"] == "2026-11-02")
    }

    @Test func anInPersonCourseIsHeldOnlyWithSixHoursOfSessions() throws {
        let course = try store.add(collection: "course", fields: [
            "kind": "in_person", "sessions": ["2026-10-01 18:00-21:00"],
        ])
        expectRefusal(.missing([.courseHours(needed: 6, planned: 3)])) {
            try workflow.move("course", id: course, verb: "hold")
        }
        _ = try store.update(collection: "course", id: course, changes: [
            "sessions": ["2026-10-01 18:00-21:00", "2026-10-08 18:00-21:00"],
        ])
        #expect(try workflow.move("course", id: course, verb: "hold").values["status"] == "held")
    }

    @Test func aPersonIsMappedOnlyWithConsentInterestsTimesAndArea() throws {
        let person = try store.add(collection: "person", fields: ["name": "Ola", "status": "consented"])
        expectRefusal(.missing([.consentInForce, .field("interests"), .field("availability"), .field("area")])) {
            try workflow.move("person", id: person, verb: "map")
        }
        _ = try store.add(collection: "consent", fields: [
            "subject": .string(person), "purposes": ["matching"], "given_by": "self", "given_on": "2026-10-01",
        ])
        _ = try store.update(collection: "person", id: person, changes: [
            "interests": ["walk"], "availability": ["mon-morning"], "area": "Sentrum",
        ])
        #expect(try workflow.move("person", id: person, verb: "map").values["status"] == "mapped")
    }

    @Test func aMatchStartsNoEarlierThanItWasProposedAndAGatheringIsHeldNoEarlierThanItsDay() throws {
        let volunteer = try store.add(collection: "volunteer", fields: ["name": "Kari", "status": "ready"])
        let match = try store.add(collection: "match", fields: [
            "volunteer": .string(volunteer), "status": "proposed", "proposed_on": "2026-10-01",
        ])
        expectRefusal(.tooEarly(earliest: "2026-10-01")) {
            try workflow.move("match", id: match, verb: "start", on: CalendarDay("2026-09-30"))
        }
        #expect(try workflow.move("match", id: match, verb: "start", on: CalendarDay("2026-10-01"))
            .values["status"] == "active")

        let gathering = try store.add(collection: "gathering", fields: ["date": "2026-11-20"])
        expectRefusal(.tooEarly(earliest: "2026-11-20")) {
            try workflow.move("gathering", id: gathering, verb: "hold", on: CalendarDay("2026-11-02"))
        }
        #expect(try workflow.move("gathering", id: gathering, verb: "hold", on: CalendarDay("2026-11-20"))
            .values["status"] == "held")
    }

    @Test func aVolunteerOrPersonLeavesOnlyWithTheirMatchesClosed() throws {
        let volunteer = try store.add(collection: "volunteer", fields: ["name": "Kari", "status": "active"])
        let person = try store.add(collection: "person", fields: ["name": "Ola", "status": "matched"])
        let match = try store.add(collection: "match", fields: [
            "volunteer": .string(volunteer), "person": .string(person), "status": "active",
        ])
        expectRefusal(.missing([.matchesClosed([match])])) {
            try workflow.move("volunteer", id: volunteer, verb: "withdraw", reason: "moved")
        }
        expectRefusal(.missing([.matchesClosed([match])])) {
            try workflow.move("person", id: person, verb: "close", reason: "moved")
        }
        try workflow.move("match", id: match, verb: "end", reason: "volunteer_moved")
        #expect(try workflow.move("volunteer", id: volunteer, verb: "withdraw", reason: "moved")
            .values["status"] == "withdrawn")
        #expect(try workflow.move("person", id: person, verb: "close", reason: "moved").values["status"] == "closed")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "yesterday", "2026-04-31"])
    func calendarDaysRefuseDatesNoCalendarHas(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test(arguments: ["1970-01-01", "2024-02-29", "2026-12-03", "2099-12-31"])
    func calendarDaysReadWhatTheyWrite(text: String) throws {
        #expect(try #require(CalendarDay(text)).text == text)
    }
}
