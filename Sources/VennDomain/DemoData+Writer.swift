import VennSchema
import VennStore

extension DemoData {
    /// Makes and adds the records of one `fill` call.
    struct Writer {
        let store: Store
        let size: Size
        var random: Generator
        let today: Day
        var summary = Summary()

        private var areas: [String] { Array(DemoData.areas.prefix(size.areaCount)) }
        var memberIDs: [String] = []
        var contactMemberIDs: [String] = []
        var courseLeaderIDs: [String] = []
        var followUpMemberIDs: [String] = []
        /// The courses, newest first, planned before the volunteers.
        var courses: [CoursePlan] = []
        var courseIDs: [String] = []
        var gatheringIDs: [(id: String, day: Day)] = []

        init(store: Store, size: Size, random: Generator, today: Day) {
            self.store = store
            self.size = size
            self.random = random
            self.today = today
        }

        /// Adds every collection, catalogue and members first so records can
        /// refer to them.
        mutating func writeAll() throws {
            try addActivityTypes()
            try addMembers()
            let registered = try addWorkingGroupAndAgreement()
            try addRefundLimits(setOn: registered)
            planCourses()
            try addGatherings()
            try addPeopleAndMatches()
            try addRefundClaims()
        }

        // MARK: - Catalogue and members

        private mutating func addActivityTypes() throws {
            for activity in DemoData.activities {
                _ = try add("activity_type", [
                    "code": .string(activity.code),
                    "label": .string(activity.label),
                    "group_capable": .bool(activity.isGroupCapable),
                ])
                summary.activityTypes += 1
            }
        }

        private mutating func addMembers() throws {
            let organisations = DemoData.memberOrganisations
            for index in 0..<size.memberCount {
                let organisation = organisations[index % organisations.count]
                let (first, last) = name(firstNames: DemoData.volunteerFirstNames)
                let id = try add("member", [
                    "name": .string("\(first) \(last)"),
                    "organisation": .string(organisation.name),
                    "roles": .array(organisation.roles.map(JSONValue.string)),
                    "email": .string(email(first: first, last: last)),
                    "phone": .string(phone()),
                    "active": .bool(index < size.memberCount - 1 || size == .typical),
                ])
                memberIDs.append(id)
                if organisation.roles.contains("contact_person") || organisation.roles.contains("matching") {
                    contactMemberIDs.append(id)
                }
                if organisation.roles.contains("course") { courseLeaderIDs.append(id) }
                if organisation.roles.contains("followup") { followUpMemberIDs.append(id) }
                summary.members += 1
            }
        }

        // MARK: - Volunteers, people and matches

        private mutating func addPeopleAndMatches() throws {
            let pairCount = size.activeMatchCount + size.proposedMatchCount

            // Statuses first, shuffled so they do not follow the id order.
            var volunteerStatuses = statuses(
                count: size.volunteerCount,
                active: size.activeMatchCount,
                proposed: size.proposedMatchCount,
                others: DemoData.otherVolunteerStatuses
            )
            var personStatuses = statuses(
                count: size.personCount,
                active: size.activeMatchCount,
                proposed: size.proposedMatchCount,
                others: DemoData.otherPersonStatuses,
                activeName: "matched"
            )
            random.shuffle(&volunteerStatuses)
            random.shuffle(&personStatuses)

            // The k-th active (proposed) volunteer pairs with the k-th
            // matched (proposed) person.
            let pairs = Array(zip(indices(of: ["active"], in: volunteerStatuses),
                                  indices(of: ["matched"], in: personStatuses)))
                + zip(indices(of: ["proposed"], in: volunteerStatuses), indices(of: ["proposed"], in: personStatuses))
            precondition(pairs.count == pairCount, "every active or proposed status has a partner")

            let volunteerPlans = volunteerStatuses.map { planVolunteer(status: $0) }
            var partner: [Int: Int] = [:]
            for (volunteer, person) in pairs { partner[person] = volunteer }
            let personPlans = personStatuses.indices.map { index in
                let volunteer = partner[index].map { volunteerPlans[$0] }
                return planPerson(status: personStatuses[index], proposed: volunteer?.proposed,
                                  started: volunteer?.started)
            }
            try addCourses(volunteers: volunteerPlans)

            var volunteers = volunteerPlans.map { makeVolunteer($0) }
            var persons = personPlans.map { makePerson(status: $0.status) }
            for (volunteer, person) in pairs {
                makeFit(volunteer: &volunteers[volunteer], person: &persons[person])
            }

            var volunteerIDs: [String] = []
            for values in volunteers {
                volunteerIDs.append(try add("volunteer", values))
                summary.volunteers += 1
            }
            var personIDs: [String] = []
            for values in persons {
                personIDs.append(try add("person", values))
                summary.persons += 1
            }
            for (index, plan) in volunteerPlans.enumerated() {
                try addCourseRecords(of: plan, id: volunteerIDs[index])
                try addMoves(plan.moves, of: "volunteer", id: volunteerIDs[index])
            }
            for (index, plan) in personPlans.enumerated() {
                try addConsent(of: plan, id: personIDs[index])
                try addMoves(plan.moves, of: "person", id: personIDs[index])
            }

            for (volunteer, person) in pairs {
                let plan = volunteerPlans[volunteer]
                try addMatch(
                    volunteer: volunteerIDs[volunteer],
                    person: personIDs[person],
                    status: plan.status,
                    proposed: plan.proposed ?? today,
                    started: plan.started
                )
            }

            // Past matches, between volunteers who were ready and people
            // who were mapped, in the time both took part.
            let pastVolunteers = volunteerPlans.indices.filter { volunteerPlans[$0].ready != nil }
            let pastPersons = personPlans.indices.filter { personPlans[$0].mapped != nil }
            for _ in 0..<(size.matchCount - pairCount) {
                var choice: (volunteer: Int, person: Int, from: Day, to: Day)?
                for _ in 0..<5 {
                    let volunteer = random.pick(pastVolunteers)
                    let person = random.pick(pastPersons)
                    let (vPlan, pPlan) = (volunteerPlans[volunteer], personPlans[person])
                    let from = max(vPlan.ready ?? today, pPlan.mapped ?? today).adding(1)
                    let to = min(vPlan.stopped ?? today, pPlan.stopped ?? today).adding(-1)
                    choice = (volunteer, person, from, max(from, to))
                    if from.days(until: to) >= 90 { break }
                }
                guard let choice else { break }
                try addPastMatch(
                    volunteer: volunteerIDs[choice.volunteer],
                    person: personIDs[choice.person],
                    from: choice.from,
                    to: choice.to
                )
            }
        }

        /// `active` and `proposed` statuses for the pairs, then the rest
        /// from `others`, repeated as needed.
        private func statuses(
            count: Int,
            active: Int,
            proposed: Int,
            others: [String],
            activeName: String = "active"
        ) -> [String] {
            var result = Array(repeating: activeName, count: active) + Array(repeating: "proposed", count: proposed)
            var index = 0
            while result.count < count {
                result.append(others[index % others.count])
                index += 1
            }
            return result
        }

        private func indices(of statuses: Set<String>, in list: [String]) -> [Int] {
            list.indices.filter { statuses.contains(list[$0]) }
        }

        private mutating func makeVolunteer(_ plan: VolunteerPlan) -> [String: JSONValue] {
            let status = plan.status
            let (first, last) = name(firstNames: DemoData.volunteerFirstNames)
            let year = today.civil.year
            let isMinor = random.chance(3)
            let birthYear = random.number(in: isMinor ? (year - 17)...(year - 16) : (year - 80)...(year - 19))

            var values: [String: JSONValue] = [
                "name": .string("\(first) \(last)"),
                "birth_year": .int(Int64(birthYear)),
                "phone": .string(phone()),
                "email": .string(email(first: first, last: last)),
                "area": .string(random.pick(areas)),
                "languages": .array(languages().map(JSONValue.string)),
                "recruitment_source": .string(random.pick(DemoData.recruitmentSources)),
                "interests": codes(count: random.number(in: 2...4)),
                "availability": slots(count: random.number(in: 2...6)),
                "mobility": .array(random.sample(["car", "public_transport", "bicycle", "on_foot"],
                                                 count: random.number(in: 1...2)).map(JSONValue.string)),
                "willing_group": .bool(random.chance(40)),
                "status": .string(status),
            ]
            let isHomeWilling = random.chance(75)
            values["willing_home"] = .bool(isHomeWilling)
            values["willing_institution"] = .bool(!isHomeWilling || random.chance(55))
            if isMinor {
                values["is_minor"] = .bool(true)
                values["guardian_name"] = .string("\(random.pick(DemoData.volunteerFirstNames)) \(last)")
                values["guardian_phone"] = .string(phone())
            }

            // Dates and a contact person as far as the volunteer has come.
            if let contacted = plan.contacted { values["contacted_on"] = .string(contacted.text) }
            if let ready = plan.ready { values["pledge_signed_on"] = .string(ready.adding(-random.below(3)).text) }
            if ["ready", "proposed", "active", "paused"].contains(status), !contactMemberIDs.isEmpty {
                values["contact_member"] = .string(random.pick(contactMemberIDs))
            }
            return values
        }

        private mutating func makePerson(status: String) -> [String: JSONValue] {
            let (first, last) = name(firstNames: DemoData.personFirstNames)
            let year = today.civil.year
            let roll = random.below(100)
            let residence = roll < 60 ? "home" : roll < 85 ? "institution" : "day_centre"
            let address = residence == "institution"
                ? random.pick(DemoData.institutions)
                : "\(random.pick(DemoData.streets)) \(random.number(in: 1...60))"

            var values: [String: JSONValue] = [
                "name": .string("\(first) \(last)"),
                "birth_year": .int(Int64(random.number(in: (year - 98)...(year - 60)))),
                "address": .string(address),
                "residence": .string(residence),
                "area": .string(random.pick(areas)),
                "languages": .array(languages().map(JSONValue.string)),
                "referral_source": .string(random.pick(DemoData.referralSources)),
                "status": .string(status),
            ]
            if random.chance(80) { values["phone"] = .string(phone()) }

            // Interests and times are known once the person has been mapped.
            if !["referred", "consented"].contains(status) {
                values["interests"] = codes(count: random.number(in: 1...4))
                values["availability"] = slots(count: random.number(in: 2...5))
                let needs = random.number(in: 0...2)
                if needs > 0 {
                    values["practical_needs"] = .array(
                        random.sample(DemoData.practicalNeeds, count: needs).map(JSONValue.string)
                    )
                }
            }
            if status != "referred", !contactMemberIDs.isEmpty {
                values["contact_member"] = .string(random.pick(contactMemberIDs))
            }
            return values
        }

        /// Gives a pair what the group matched them on: a shared interest, a
        /// shared time, often the same area, and the volunteer's willingness
        /// for where the person lives.
        private mutating func makeFit(volunteer: inout [String: JSONValue], person: inout [String: JSONValue]) {
            for field in ["interests", "availability"] {
                let offered = volunteer[field]?.arrayValue ?? []
                var wanted = person[field]?.arrayValue ?? []
                if let shared = offered.first, !wanted.contains(where: { offered.contains($0) }) {
                    wanted.append(shared)
                    person[field] = .array(wanted)
                }
            }
            if random.chance(70) { person["area"] = volunteer["area"] }
            let isHome = person["residence"]?.stringValue == "home"
            volunteer[isHome ? "willing_home" : "willing_institution"] = .bool(true)
        }

        private mutating func addMatch(
            volunteer: String,
            person: String,
            status: String,
            proposed: Day,
            started: Day?
        ) throws {
            var values: [String: JSONValue] = [
                "volunteer": .string(volunteer),
                "person": .string(person),
                "status": .string(status),
                "proposed_on": .string(proposed.text),
            ]
            let contact = contactMemberIDs.isEmpty ? nil : random.pick(contactMemberIDs)
            if let contact { values["contact_member"] = .string(contact) }
            if let started { values["started_on"] = .string(started.text) }
            let id = try add("match", values)
            summary.matches += 1
            guard status == "active", let started else { return }
            summary.activeMatches += 1
            try addMoves([Move(verb: "start", from: "proposed", to: "active", day: started)], of: "match", id: id)
            try addCheckIns(match: id, started: started, by: contact)
        }

        /// Check-ins every one to three months since the start; about one
        /// match in fifteen has gone more than half a year without one.
        private mutating func addCheckIns(match: String, started: Day, by member: String?) throws {
            let running = started.days(until: today)
            let isOverdue = running > 200 && random.chance(7)
            let last = isOverdue ? today.adding(-random.number(in: 184...min(running - 10, 400))) : today
            var days: [Day] = []
            var day = started.adding(random.number(in: 14...60))
            while day <= last {
                days.append(day)
                day = day.adding(random.number(in: 30...90))
            }
            if days.isEmpty { days.append(self.day(after: started, 7...14, notAfter: last)) }
            if !size.keepsFullHistory { days = Array(days.suffix(1)) }
            let band = random.pick(["weekly", "weekly", "fortnightly", "fortnightly", "monthly", "less_often"])
            for date in days {
                var values: [String: JSONValue] = [
                    "match": .string(match),
                    "date": .string(date.text),
                    "still_meeting": .bool(true),
                    "frequency_band": .string(band),
                ]
                if let member { values["checked_by"] = .string(member) }
                _ = try add("match_checkin", values)
                summary.checkIns += 1
            }
        }

        /// An ended match or a declined proposal between `from` and `to`.
        private mutating func addPastMatch(volunteer: String, person: String, from: Day, to: Day) throws {
            var values: [String: JSONValue] = [
                "volunteer": .string(volunteer),
                "person": .string(person),
            ]
            if !contactMemberIDs.isEmpty { values["contact_member"] = .string(random.pick(contactMemberIDs)) }
            let span = from.days(until: to)
            var moves: [Move] = []
            if span >= 90, random.chance(85) {
                let started = from.adding(random.number(in: 0...(span - 60)))
                let ended = day(after: started.adding(60), 0...840, notAfter: to)
                let reason = random.pick(DemoData.endReasons)
                values["status"] = "ended"
                values["proposed_on"] = .string(started.adding(-random.number(in: 7...40)).text)
                values["started_on"] = .string(started.text)
                values["ended_on"] = .string(ended.text)
                values["end_reason"] = .string(reason)
                moves = [
                    Move(verb: "start", from: "proposed", to: "active", day: started),
                    Move(verb: "end", from: "active", to: "ended", day: ended, reason: reason),
                ]
            } else {
                let proposed = day(after: from, 0...max(0, span - 5), notAfter: to)
                let declined = day(after: proposed.adding(1), 2...14, notAfter: max(proposed.adding(1), to))
                values["status"] = "declined"
                values["proposed_on"] = .string(proposed.text)
                values["ended_on"] = .string(declined.text)
                moves = [Move(verb: "decline", from: "proposed", to: "declined", day: declined,
                              reason: random.pick(DemoData.declineReasons))]
            }
            let id = try add("match", values)
            summary.matches += 1
            try addMoves(moves, of: "match", id: id)
        }

        // MARK: - Values

        func add(_ collection: String, _ values: [String: JSONValue]) throws -> String {
            try store.add(collection: collection, fields: values)
        }

        mutating func name(firstNames: [String]) -> (first: String, last: String) {
            let first = random.pick(firstNames)
            var last = random.pick(DemoData.lastNames)
            if random.chance(10) { last = random.pick(DemoData.lastNames) + " " + last }
            return (first, last)
        }

        /// A Norwegian mobile number: eight digits starting with 4 or 9,
        /// written `912 34 567`.
        mutating func phone() -> String {
            let digits = [random.chance(50) ? 4 : 9] + (0..<7).map { _ in random.below(10) }
            let text = digits.map(String.init)
            return text[0..<3].joined() + " " + text[3..<5].joined() + " " + text[5..<8].joined()
        }

        /// An address at the reserved `example.org` domain.
        mutating func email(first: String, last: String) -> String {
            let local = "\(first).\(last)".lowercased().map { character -> String in
                switch character {
                case "æ": "ae"
                case "ø": "o"
                case "å": "aa"
                case " ": "-"
                default: String(character)
                }
            }.joined()
            let number = random.chance(30) ? String(random.number(in: 2...99)) : ""
            return "\(local)\(number)@example.org"
        }

        mutating func languages() -> [String] {
            random.chance(15) ? ["nb", random.pick(DemoData.otherLanguages)] : ["nb"]
        }

        mutating func codes(count: Int) -> JSONValue {
            .array(random.sample(DemoData.activities.map(\.code), count: count).map(JSONValue.string))
        }

        mutating func slots(count: Int) -> JSONValue {
            .array(random.sample(DemoData.slots, count: count).map(JSONValue.string))
        }
    }
}
