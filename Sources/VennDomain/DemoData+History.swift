import VennSchema
import VennStore

extension DemoData {
    /// One move along a status machine, as the workflow records it.
    struct Move {
        var verb: String
        var from: String
        var to: String
        var day: Day
        var reason: String?
    }

    /// A course's days, planned before any record is written.
    struct CoursePlan {
        var first: Day
        var status: String
        /// The day of the last session, when the course is done.
        var done: Day { first.adding(7) }
    }

    /// How far a volunteer has come, and when: the records that back the
    /// volunteer's status are made from this.
    struct VolunteerPlan {
        var status: String
        var moves: [Move] = []
        var course: Int?
        var completed = false
        var attended = 0
        var followUp: (day: Day, outcome: String)?
        var contacted: Day?
        var ready: Day?
        /// The day the volunteer stopped, or nil while still taking part.
        var stopped: Day?
        /// The day the current match was proposed, and the day it started.
        var proposed: Day?
        var started: Day?
    }

    /// How far a person has come, and when.
    struct PersonPlan {
        var status: String
        var moves: [Move] = []
        var consented: Day?
        var mapped: Day?
        var stopped: Day?
    }

    /// Reasons a volunteer gives for stopping; never health details.
    static let volunteerStopReasons = ["no_time", "moved_away", "changed_mind", "other"]

    /// Reasons a person's record is closed; never health details.
    static let personCloseReasons = ["moved_away", "no_longer_wanted", "other"]

    /// Reasons a proposal is declined.
    static let declineReasons = ["volunteer_declined", "person_declined", "poor_fit"]

    /// The refund limits of NF, in NOK per course or gathering.
    static let refundLimits: [(category: String, amount: Int)] = [
        ("food", 2500), ("venue", 4000), ("materials", 1000), ("travel", 1500), ("speaker", 3000),
        ("other", 1000),
    ]
}

extension DemoData.Writer {
    typealias Day = DemoData.Day
    typealias Move = DemoData.Move

    /// A day `range` days after `start`, but not after `latest`, and
    /// never before `start`.
    mutating func day(after start: Day, _ range: ClosedRange<Int>, notAfter latest: Day) -> Day {
        max(start, min(start.adding(random.number(in: range)), latest))
    }

    // MARK: - Volunteers

    /// A held course done by `latest`: often the newest, else any older.
    mutating func pickCourse(doneBy latest: Day) -> Int? {
        let eligible = courses.indices.filter { courses[$0].status != "open" && courses[$0].done <= latest }
        guard let newest = eligible.first else { return nil }
        return random.chance(size == .typical ? 45 : 20) ? newest : random.pick(eligible)
    }

    /// Contact, enrolment and the course, done by `latest`.
    mutating func throughCourse(_ plan: inout DemoData.VolunteerPlan, doneBy latest: Day) {
        guard let course = pickCourse(doneBy: latest) ?? courses.indices.last else { return }
        let enrolled = courses[course].first.adding(-random.number(in: 5...40))
        plan.contacted = enrolled.adding(-random.number(in: 2...20))
        plan.course = course
        plan.attended = 2
        plan.completed = true
        plan.moves.append(Move(verb: "enrol", from: "interested", to: "enrolled", day: enrolled))
        plan.moves.append(Move(verb: "course-done", from: "enrolled", to: "course_done", day: courses[course].done))
    }

    /// Through the course, the follow-up conversation and the pledge to
    /// `ready`, by `latest`.
    mutating func throughReady(_ plan: inout DemoData.VolunteerPlan, readyBy latest: Day) {
        throughCourse(&plan, doneBy: latest.adding(-7))
        guard let course = plan.course else { return }
        let ready = day(after: courses[course].done.adding(1), 6...35, notAfter: latest)
        plan.followUp = (ready, "ready")
        plan.ready = ready
        plan.moves.append(Move(verb: "ready", from: "course_done", to: "ready", day: ready))
    }

    /// Enrolment on a course that is ahead, or was left.
    mutating func enrolAhead(_ plan: inout DemoData.VolunteerPlan) {
        let enrolled = today.adding(-random.number(in: 3...40))
        plan.contacted = enrolled.adding(-random.number(in: 1...14))
        plan.course = courses.firstIndex { $0.status == "open" }
        plan.moves.append(Move(verb: "enrol", from: "interested", to: "enrolled", day: enrolled))
    }

    mutating func planVolunteer(status: String) -> DemoData.VolunteerPlan {
        var plan = DemoData.VolunteerPlan(status: status)
        let reason = { (random: inout DemoData.Generator) in random.pick(DemoData.volunteerStopReasons) }
        switch status {
        case "interested":
            if random.chance(50) { plan.contacted = today.adding(-random.number(in: 1...14)) }
        case "enrolled":
            enrolAhead(&plan)
        case "course_done":
            throughCourse(&plan, doneBy: today.adding(-1))
            if let course = plan.course, random.chance(60) {
                plan.followUp = (day(after: courses[course].done, 7...30, notAfter: today), "needs_time")
            }
        case "ready":
            throughReady(&plan, readyBy: today.adding(-3))
        case "proposed":
            throughReady(&plan, readyBy: today.adding(-10))
            let proposed = day(after: (plan.ready ?? today).adding(1), 2...60, notAfter: today)
            plan.proposed = proposed
            plan.moves.append(Move(verb: "propose", from: "ready", to: "proposed", day: proposed))
        case "active":
            throughReady(&plan, readyBy: today.adding(-31))
            let proposed = day(after: (plan.ready ?? today).adding(1), 2...90, notAfter: today.adding(-21))
            let started = day(after: proposed.adding(1), 6...40, notAfter: today.adding(-14))
            plan.proposed = proposed
            plan.started = started
            plan.moves.append(Move(verb: "propose", from: "ready", to: "proposed", day: proposed))
            plan.moves.append(Move(verb: "activate", from: "proposed", to: "active", day: started))
        case "paused", "ended":
            throughReady(&plan, readyBy: today.adding(-60))
            let stopped = day(after: (plan.ready ?? today).adding(1), 14...700, notAfter: today.adding(-1))
            plan.moves.append(status == "paused"
                ? Move(verb: "pause", from: "ready", to: "paused", day: stopped)
                : Move(verb: "end", from: "ready", to: "ended", day: stopped, reason: reason(&random)))
            if status == "ended" { plan.stopped = stopped }
        case "withdrawn", "not_proceeding":
            planLeaving(&plan, verb: status == "withdrawn" ? "withdraw" : "not-proceeding", reason: reason(&random))
        default:
            break
        }
        return plan
    }

    /// A volunteer who withdrew or did not go on, from one of the steps.
    private mutating func planLeaving(_ plan: inout DemoData.VolunteerPlan, verb: String, reason: String) {
        let step = random.below(verb == "withdraw" ? 4 : 3)
        var from = "interested"
        var left: Day
        switch step {
        case 0:
            let contacted = today.adding(-random.number(in: 20...700))
            plan.contacted = contacted
            left = day(after: contacted.adding(1), 3...40, notAfter: today.adding(-1))
        case 1:
            throughCourse(&plan, doneBy: today.adding(-20))
            _ = plan.moves.popLast()
            plan.completed = false
            plan.attended = 1
            from = "enrolled"
            left = day(after: plan.moves.last?.day.adding(1) ?? today, 7...30, notAfter: today.adding(-1))
        case 2:
            throughCourse(&plan, doneBy: today.adding(-20))
            from = "course_done"
            left = day(after: plan.moves.last?.day.adding(1) ?? today, 7...30, notAfter: today.adding(-1))
            plan.followUp = (left, "not_proceeding")
        default:
            throughReady(&plan, readyBy: today.adding(-40))
            from = "ready"
            left = day(after: (plan.ready ?? today).adding(1), 30...500, notAfter: today.adding(-1))
            plan.stopped = left
        }
        plan.moves.append(Move(verb: verb, from: from, to: plan.status, day: left, reason: reason))
    }

    // MARK: - People

    /// The moves of a person up to `status`; `proposed` and `started` are
    /// the days of the person's current match, when there is one.
    mutating func planPerson(status: String, proposed: Day?, started: Day?) -> DemoData.PersonPlan {
        var plan = DemoData.PersonPlan(status: status)
        func consent(_ plan: inout DemoData.PersonPlan, on day: Day) {
            plan.consented = day
            plan.moves.append(Move(verb: "consent", from: "referred", to: "consented", day: day))
        }
        func map(_ plan: inout DemoData.PersonPlan, on day: Day, random: inout DemoData.Generator) {
            consent(&plan, on: day.adding(-random.number(in: 3...30)))
            plan.mapped = day
            plan.moves.append(Move(verb: "map", from: "consented", to: "mapped", day: day))
        }
        switch status {
        case "consented":
            consent(&plan, on: today.adding(-random.number(in: 3...45)))
        case "mapped":
            map(&plan, on: today.adding(-random.number(in: 5...150)), random: &random)
        case "proposed", "matched":
            let proposedDay = proposed ?? today
            map(&plan, on: proposedDay.adding(-random.number(in: 0...150)), random: &random)
            plan.moves.append(Move(verb: "propose", from: "mapped", to: "proposed", day: proposedDay))
            if status == "matched" {
                plan.moves.append(Move(verb: "match", from: "proposed", to: "matched", day: started ?? today))
            }
        case "paused":
            let mapped = today.adding(-random.number(in: 60...600))
            map(&plan, on: mapped, random: &random)
            let paused = day(after: mapped.adding(1), 20...300, notAfter: today.adding(-1))
            plan.moves.append(Move(verb: "pause", from: "mapped", to: "paused", day: paused))
        case "closed":
            // Most closed records are still within the 90 days they are kept.
            let closed = today.adding(-(random.chance(80) ? random.number(in: 5...85) : random.number(in: 91...250)))
            map(&plan, on: closed.adding(-random.number(in: 30...500)), random: &random)
            plan.stopped = closed
            plan.moves.append(Move(
                verb: "close", from: "mapped", to: "closed", day: closed,
                reason: random.pick(DemoData.personCloseReasons)
            ))
        default:
            break
        }
        return plan
    }

    // MARK: - Writing moves

    /// Writes the `transition` records of `moves` of one record, oldest
    /// first. Sizes that keep no full history write the moves of the last
    /// year and the latest move.
    mutating func addMoves(_ moves: [Move], of collection: String, id: String) throws {
        let since = today.adding(-365)
        for (index, move) in moves.enumerated()
        where size.keepsFullHistory || move.day >= since || index == moves.count - 1 {
            var fields: [String: JSONValue] = [
                "subject_collection": .string(collection),
                "subject": .string(id),
                "verb": .string(move.verb),
                "from": .string(move.from),
                "to": .string(move.to),
                "on": .string(move.day.text),
            ]
            if !memberIDs.isEmpty { fields["by"] = .string(random.pick(memberIDs)) }
            if let reason = move.reason { fields["reason"] = .string(reason) }
            _ = try store.addSystemRecord(collection: Workflow.transitionCollection, fields: fields)
            summary.transitions += 1
        }
    }
}
