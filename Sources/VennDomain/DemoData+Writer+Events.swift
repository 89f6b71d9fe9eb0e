import VennSchema
import VennStore

extension DemoData.Writer {
    // MARK: - Courses, enrolments and consents

    /// The course days, newest first: one ahead and open, then about
    /// two a year back over the group's history.
    mutating func planCourses() {
        let spacing = size.years * 365 / max(1, size.courseCount - 1)
        courses = (0..<size.courseCount).map { index in
            var first = index == 0
                ? today.adding(random.number(in: 10...50))
                : today.adding(-75 - (index - 1) * spacing + random.number(in: -15...15))
            if first.civil.month == 7 { first = first.adding(index == 0 ? 35 : -35) }  // Not in the summer holiday.
            return DemoData.CoursePlan(first: first, status: index == 0 ? "open" : index == 1 ? "held" : "closed")
        }
    }

    mutating func addCourses(volunteers: [DemoData.VolunteerPlan]) throws {
        var enrolled = Array(repeating: 0, count: courses.count)
        for plan in volunteers { if let course = plan.course { enrolled[course] += 1 } }
        for (index, course) in courses.enumerated() {
            let season = course.first.civil.month <= 6 ? "Vårkurs" : "Høstkurs"
            let sessions = [course.first, course.first.adding(7)].map { "\($0.text) 18:00-21:00" }
            var values: [String: JSONValue] = [
                "title": .string("\(season) \(course.first.civil.year)"),
                "kind": .string(random.chance(80) ? "in_person" : "combined"),
                "sessions": .array(sessions.map(JSONValue.string)),
                "venue": .string(random.pick(DemoData.venues)),
                "capacity": .int(Int64(min(500, max(random.pick([15, 20, 25]), enrolled[index])))),
                "status": .string(course.status),
            ]
            if !courseLeaderIDs.isEmpty {
                values["leaders"] = .array(
                    random.sample(courseLeaderIDs, count: 2).map(JSONValue.string)
                )
            }
            let id = try add("course", values)
            courseIDs.append(id)
            summary.courses += 1
            let opened = min(course.first.adding(-random.number(in: 40...70)), today)
            var moves = [Move(verb: "open", from: "planned", to: "open", day: opened)]
            if course.status != "open" {
                moves.append(Move(verb: "hold", from: "open", to: "held", day: course.done))
            }
            if course.status == "closed" {
                moves.append(Move(verb: "close", from: "held", to: "closed",
                                  day: day(after: course.done, 7...30, notAfter: today)))
            }
            try addMoves(moves, of: "course", id: id)
        }
    }

    /// The enrolment and follow-up conversation behind a volunteer's
    /// status.
    mutating func addCourseRecords(of plan: DemoData.VolunteerPlan, id: String) throws {
        if let course = plan.course {
            var values: [String: JSONValue] = [
                "course": .string(courseIDs[course]),
                "volunteer": .string(id),
                "completed": .bool(plan.completed),
            ]
            if plan.attended > 0 {
                values["attended_sessions"] = .int(Int64(plan.attended))
                values["attended"] = .array((1...plan.attended).map { .int(Int64($0)) })
            }
            _ = try add("course_enrolment", values)
            summary.enrolments += 1
        }
        if let followUp = plan.followUp {
            var values: [String: JSONValue] = [
                "volunteer": .string(id),
                "date": .string(followUp.day.text),
                "outcome": .string(followUp.outcome),
            ]
            let holders = followUpMemberIDs.isEmpty ? memberIDs : followUpMemberIDs
            if !holders.isEmpty { values["held_by"] = .string(random.pick(holders)) }
            _ = try add("followup_conversation", values)
            summary.followUps += 1
        }
    }

    /// The consent of a person past `referred`: mostly given by the
    /// person, some by a fremtidsfullmektig or verge, who then has a
    /// representative record; some are due for their yearly review.
    mutating func addConsent(of plan: DemoData.PersonPlan, id: String) throws {
        guard let given = plan.consented else { return }
        let roll = random.below(100)
        let givenBy = roll < 80 ? "self" : roll < 92 ? "attorney" : "guardian"
        var purposes = ["registration", "matching", "share_with_volunteer", "statistics"]
        var values: [String: JSONValue] = [
            "subject": .string(id),
            "given_by": .string(givenBy),
            "given_on": .string(given.text),
        ]
        if givenBy != "self" {
            let (first, last) = name(firstNames: DemoData.volunteerFirstNames)
            let representative = try add("representative", [
                "person": .string(id),
                "name": .string("\(first) \(last)"),
                "relation": .string(random.pick(["child", "child", "spouse", "sibling", "other_family"])),
                "phone": .string(phone()),
                "role": .string(givenBy),
            ])
            summary.representatives += 1
            values["representative"] = .string(representative)
            purposes.append("contact_representative")
        }
        if givenBy != "self" || random.chance(15) {
            // Reviewed yearly; the next review is at most a month overdue.
            var review = given.adding(365)
            while review < today.adding(-30) { review = review.adding(365) }
            values["review_on"] = .string(review.text)
        }
        values["purposes"] = .array(purposes.map(JSONValue.string))
        _ = try add("consent", values)
        summary.consents += 1
    }

    // MARK: - Gatherings

    /// One held and one planned this year, then about two a year back.
    mutating func addGatherings() throws {
        let year = today.civil.year
        let newYear = Day("\(year)-01-01") ?? today
        let newYearsEve = Day("\(year)-12-31") ?? today
        let held = max(today.adding(-random.number(in: 20...110)), min(newYear.adding(20), today))
        for index in 0..<size.gatheringCount {
            let date = index == 0
                ? min(today.adding(random.number(in: 14...75)), max(today, newYearsEve.adding(-10)))
                : held.adding(-(index - 1) * 180 + (index == 1 ? 0 : random.number(in: -15...15)))
            let status = index == 0 ? "planned" : index == 1 ? "held" : "closed"
            let invited = random.number(in: max(5, size.activeMatchCount / 2)...max(8, size.activeMatchCount))
            var values: [String: JSONValue] = [
                "date": .string(date.text),
                "venue": .string(random.pick(DemoData.venues)),
                "theme": .string(random.pick(DemoData.gatheringThemes)),
                "invited_count": .int(Int64(invited)),
                "status": .string(status),
            ]
            var moves: [Move] = []
            if index > 0 {
                values["attended_count"] = .int(Int64(invited * random.number(in: 40...80) / 100))
                values["cost"] = .double(Double(random.number(in: 8...40) * 100))
                moves.append(Move(verb: "hold", from: "planned", to: "held", day: date))
            }
            if status == "closed" {
                moves.append(Move(verb: "close", from: "held", to: "closed",
                                  day: day(after: date, 7...30, notAfter: today)))
            }
            let id = try add("gathering", values)
            gatheringIDs.append((id, date))
            summary.gatherings += 1
            try addMoves(moves, of: "gathering", id: id)
        }
    }

    // MARK: - The working group, its agreement and refunds

    /// The working group, and its cooperation agreement signed,
    /// anchored, sent and registered with the first member as leader.
    /// Returns the day NF registered it.
    mutating func addWorkingGroupAndAgreement() throws -> Day {
        let serves = size == .typical ? ["home", "institution"] : ["home", "institution", "day_centre"]
        _ = try add("working_group", [
            "name": .string("Aktivitetsvenn Fjordvik"),
            "serves": .array(serves.map(JSONValue.string)),
            "status": .string("active"),
            "contact_email": .string("aktivitetsvenn@example.org"),
        ])
        summary.workingGroups += 1

        let signed = today.adding(-size.years * 365 - random.number(in: 120...200))
        let anchored = signed.adding(random.number(in: 14...40))
        let sent = anchored.adding(random.number(in: 3...14))
        let registered = sent.adding(random.number(in: 10...30))
        var values: [String: JSONValue] = [
            "status": "registered",
            "signed_on": .string(signed.text),
            "anchored_on": .string(anchored.text),
            "sent_on": .string(sent.text),
            "registered_on": .string(registered.text),
        ]
        if let leader = memberIDs.first { values["leader"] = .string(leader) }
        let id = try add("agreement", values)
        summary.agreements += 1
        try addMoves([
            Move(verb: "sign", from: "draft", to: "signed", day: signed),
            Move(verb: "anchor", from: "signed", to: "anchored", day: anchored),
            Move(verb: "send", from: "anchored", to: "sent", day: sent),
            Move(verb: "register", from: "sent", to: "registered", day: registered),
        ], of: "agreement", id: id)
        return registered
    }

    mutating func addRefundLimits(setOn day: Day) throws {
        for limit in DemoData.refundLimits {
            _ = try add("refund_limit", [
                "category": .string(limit.category),
                "amount": .double(Double(limit.amount)),
                "set_on": .string(day.text),
            ])
            summary.refundLimits += 1
        }
    }

    /// Claims for the courses and gatherings of the last two years, one
    /// per category and event and under its limit: older ones paid or
    /// returned, newer ones approved, submitted or still a draft.
    mutating func addRefundClaims() throws {
        let limits = Dictionary(uniqueKeysWithValues: DemoData.refundLimits.map { ($0.category, $0.amount) })
        let since = today.adding(-730)
        var events: [(field: String, id: String, day: Day, categories: [String])] = []
        for (index, course) in courses.enumerated() where course.status != "open" && course.done >= since {
            events.append(("course", courseIDs[index], course.done,
                           random.chance(50) ? ["venue", "food"] : ["venue"]))
        }
        for gathering in gatheringIDs where gathering.day < today && gathering.day >= since {
            events.append(("gathering", gathering.id, gathering.day,
                           random.chance(40) ? ["food", "venue"] : ["food"]))
        }
        for event in events {
            for category in event.categories {
                try addRefundClaim(field: event.field, event: event.id, on: event.day, category: category,
                                   limit: limits[category] ?? 1000)
            }
        }
    }

    mutating func addRefundClaim(field: String, event: String, on day: Day, category: String,
                                         limit: Int) throws {
        let age = day.days(until: today)
        let submitted = self.day(after: day.adding(1), 2...20, notAfter: today)
        var values: [String: JSONValue] = [
            field: .string(event),
            "category": .string(category),
            "amount": .double(Double(limit * random.number(in: 30...95) / 1000 * 10)),
        ]
        var moves: [Move] = []
        let submit = Move(verb: "submit", from: "draft", to: "submitted", day: submitted)
        let approved = self.day(after: submitted.adding(1), 5...20, notAfter: today)
        let approve = Move(verb: "approve", from: "submitted", to: "approved", day: approved)
        if age > 120, random.chance(90) {
            let paid = self.day(after: approved.adding(1), 5...30, notAfter: today)
            moves = [submit, approve, Move(verb: "pay", from: "approved", to: "paid", day: paid)]
            values["paid_on"] = .string(paid.text)
        } else if age > 120 {
            moves = [submit, Move(verb: "return", from: "submitted", to: "returned", day: approved,
                                  reason: "receipt_missing")]
        } else if age > 40 {
            moves = [submit, approve]
        } else if random.chance(60) {
            moves = [submit]
        }
        if !moves.isEmpty { values["submitted_on"] = .string(submitted.text) }
        values["status"] = .string(moves.last?.to ?? "draft")
        let id = try add("refund_claim", values)
        summary.refundClaims += 1
        try addMoves(moves, of: "refund_claim", id: id)
    }
}
