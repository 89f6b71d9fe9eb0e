import Testing
import VennDomain
import VennSchema
import VennStore

@Suite struct CourseWorkflowTests {
    static let twoEvenings = ["2025-03-04 18:00-21:00", "2025-03-11 18:00-21:00"]

    @Test func aCourseRunsFromPlanToCompleteAndMovesItsVolunteers() throws {
        let fixture = try StartUpFixture()
        let leader = try fixture.member("Kari", roles: ["course"])
        let plan = try fixture.courses.plan(title: "Vårkurs", sessions: Self.twoEvenings, venue: "Biblioteket",
                                            leaders: [leader])
        #expect(plan.hours == 6)
        #expect(plan.shortfall == nil)
        #expect(plan.hasUsualSessions)
        let course = plan.course.id

        let anne = try fixture.volunteer("Anne")
        let bjorn = try fixture.volunteer("Bjørn")
        let enrolment = try fixture.courses.enrol(course: course, volunteer: anne)
        #expect(enrolment.moved?.after.values["status"] == "enrolled")
        _ = try fixture.courses.enrol(course: course, volunteer: bjorn)
        #expect(try fixture.status("volunteer", anne) == "enrolled")

        try fixture.workflow.move("course", id: course, verb: "open")
        try fixture.workflow.move("course", id: course, verb: "hold")
        for session in [1, 2] { _ = try fixture.courses.attend(course: course, volunteer: anne, session: session) }
        let bjornsPlace = try fixture.courses.attend(course: course, volunteer: bjorn, session: 2)
        #expect(bjornsPlace.values["attended_sessions"] == 1)

        let completion = try fixture.courses.complete(course: course)
        #expect(completion.completed.map { $0.volunteer?.id } == [anne])
        #expect(completion.leftOut.map { $0.volunteer?.id } == [bjorn])
        #expect(completion.leftOut.first?.attended == [2])
        #expect(try fixture.status("volunteer", anne) == "course_done")
        #expect(try fixture.status("volunteer", bjorn) == "enrolled")

        let overview = try fixture.courses.overview(of: course)
        #expect(overview.sessions == Self.twoEvenings)
        #expect(overview.participants.map(\.isCompleted) == [true, false])

        let moves = try fixture.workflow.moves(of: "volunteer", id: anne).compactMap { $0.values["verb"]?.stringValue }
        #expect(moves == ["enrol", "course-done"])
    }

    @Test func sixHoursInThreeSessionsAreUnusualButAllowed() throws {
        let fixture = try StartUpFixture()
        let plan = try fixture.courses.plan(sessions: [
            "2025-03-04 18:00-20:00", "2025-03-05 18:00-20:00", "2025-03-06 18:00-20:00",
        ])
        #expect(plan.shortfall == nil)
        #expect(!plan.hasUsualSessions)
    }

    @Test func aShortCourseIsPlannedWithAWarningButCannotBeHeld() throws {
        let fixture = try StartUpFixture()
        let plan = try fixture.courses.plan(sessions: ["2025-03-04 18:00-22:00"])
        #expect(plan.shortfall == .courseHours(needed: 6, planned: 4))
        #expect(plan.hasUsualSessions)

        let refusal = #expect(throws: WorkflowError.self) {
            try fixture.workflow.move("course", id: plan.course.id, verb: "hold")
        }
        #expect(refusal?.code == .missing([.courseHours(needed: 6, planned: 4)]))
    }

    @Test(arguments: ["2025-03-04", "2025-03-04 21:00-18:00", "tomorrow evening"])
    func badSessionsAreRefused(session: String) throws {
        let fixture = try StartUpFixture()
        #expect(throws: StartUpError(.invalidSession(session), detail: session)) {
            try fixture.courses.plan(sessions: [session])
        }
        #expect(try fixture.store.records(collection: "course").isEmpty)
    }

    @Test func anELearningCourseCompletesWithoutAttendance() throws {
        let fixture = try StartUpFixture()
        let course = try fixture.courses.planELearning(on: try #require(CalendarDay("2025-04-01")))
        #expect(course.values["kind"] == "e_learning")
        #expect(course.values["date"] == "2025-04-01")
        try fixture.workflow.move("course", id: course.id, verb: "hold")

        let anne = try fixture.volunteer("Anne")
        _ = try fixture.courses.enrol(course: course.id, volunteer: anne)
        let completion = try fixture.courses.complete(course: course.id, volunteer: anne)
        #expect(completion.completed.count == 1)
        #expect(try fixture.status("volunteer", anne) == "course_done")
    }

    @Test func oneVolunteerWhoMissedASessionIsRefusedByName() throws {
        let fixture = try StartUpFixture()
        let course = try fixture.courses.plan(sessions: Self.twoEvenings).course.id
        let anne = try fixture.volunteer("Anne")
        _ = try fixture.courses.enrol(course: course, volunteer: anne)
        _ = try fixture.courses.attend(course: course, volunteer: anne, session: 1)

        #expect(throws: StartUpError(.sessionsMissed(attended: 1, of: 2))) {
            try fixture.courses.complete(course: course, volunteer: anne)
        }
        #expect(try fixture.status("volunteer", anne) == "enrolled")
    }

    @Test func enrolmentIsRefusedTwiceAndOnACancelledCourse() throws {
        let fixture = try StartUpFixture()
        let course = try fixture.courses.plan(sessions: Self.twoEvenings).course.id
        let anne = try fixture.volunteer("Anne")
        _ = try fixture.courses.enrol(course: course, volunteer: anne)
        #expect(throws: StartUpError(.alreadyEnrolled)) { try fixture.courses.enrol(course: course, volunteer: anne) }

        try fixture.workflow.move("course", id: course, verb: "cancel", reason: "too few")
        let bjorn = try fixture.volunteer("Bjørn")
        #expect(throws: StartUpError(.courseNotRunning(status: "cancelled"))) {
            try fixture.courses.enrol(course: course, volunteer: bjorn)
        }
        #expect(try fixture.status("volunteer", bjorn) == "interested")
    }

    @Test(arguments: [0, 3])
    func attendanceIsRefusedForASessionTheCourseLacks(session: Int) throws {
        let fixture = try StartUpFixture()
        let course = try fixture.courses.plan(sessions: Self.twoEvenings).course.id
        let anne = try fixture.volunteer("Anne")
        _ = try fixture.courses.enrol(course: course, volunteer: anne)
        #expect(throws: StartUpError(.noSuchSession(number: session, count: 2))) {
            try fixture.courses.attend(course: course, volunteer: anne, session: session)
        }
    }

    @Test func aReadyFollowupMovesAVolunteerWithCourseAndPledgeToReady() throws {
        let fixture = try StartUpFixture()
        let anne = try fixture.volunteer("Anne", pledge: "2025-02-01")
        try completeCourse(for: anne, in: fixture)

        let followup = try fixture.courses.recordFollowup(volunteer: anne, outcome: "ready")
        #expect(followup.missing.isEmpty)
        #expect(followup.moved?.after.values["status"] == "ready")
        #expect(followup.conversation.values["date"] == "2025-03-01")
    }

    @Test func aReadyFollowupWithoutThePledgeSaysWhatIsMissing() throws {
        let fixture = try StartUpFixture()
        let anne = try fixture.volunteer("Anne")
        try completeCourse(for: anne, in: fixture)

        let followup = try fixture.courses.recordFollowup(volunteer: anne, outcome: "ready")
        #expect(followup.moved == nil)
        #expect(followup.missing == [.pledgeSigned])
        #expect(try fixture.status("volunteer", anne) == "course_done")
    }

    @Test func aFollowupThatEndsTheWayInMovesTheVolunteerWithItsReason() throws {
        let fixture = try StartUpFixture()
        let member = try fixture.member("Kari")
        fixture.workflow.member = member
        let anne = try fixture.volunteer("Anne", status: "course_done")

        let followup = try fixture.courses.recordFollowup(volunteer: anne, outcome: "not_proceeding",
                                                          on: CalendarDay("2025-02-20"))
        #expect(followup.conversation.values["held_by"] == .string(member))
        #expect(try fixture.status("volunteer", anne) == "not_proceeding")
        let move = try #require(try fixture.workflow.moves(of: "volunteer", id: anne).last)
        #expect(move.values["reason"] == "followup")
        #expect(move.values["on"] == "2025-02-20")
        #expect(move.values["by"] == .string(member))
    }

    @Test func aRefusedMoveRecordsNoConversation() throws {
        let fixture = try StartUpFixture()
        let anne = try fixture.volunteer("Anne", status: "active")
        let refusal = #expect(throws: WorkflowError.self) {
            try fixture.courses.recordFollowup(volunteer: anne, outcome: "not_proceeding")
        }
        #expect(refusal?.verb == "not-proceeding")
        #expect(try fixture.store.records(collection: "followup_conversation").isEmpty)
        #expect(try fixture.status("volunteer", anne) == "active")
    }

    @Test func anUnknownOutcomeIsRefusedAndNothingIsRecorded() throws {
        let fixture = try StartUpFixture()
        let anne = try fixture.volunteer("Anne")
        #expect(throws: StartUpError.self) { try fixture.courses.recordFollowup(volunteer: anne, outcome: "maybe") }
        #expect(try fixture.store.records(collection: "followup_conversation").isEmpty)
    }

    private func completeCourse(for volunteer: String, in fixture: StartUpFixture) throws {
        let course = try fixture.courses.plan(sessions: ["2025-02-10 10:00-16:00"]).course.id
        _ = try fixture.courses.enrol(course: course, volunteer: volunteer)
        _ = try fixture.courses.attend(course: course, volunteer: volunteer, session: 1)
        _ = try fixture.courses.complete(course: course)
    }
}
