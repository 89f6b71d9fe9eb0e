import VennSchema
import VennStore

extension DemoData {
    /// Makes and adds the records of one `fill` call.
    struct Writer {
        let store: Store
        let size: Size
        var random: Generator
        let today: Day
        private(set) var summary = Summary()

        private var areas: [String] { Array(DemoData.areas.prefix(size.areaCount)) }
        private var memberIDs: [String] = []
        private var contactMemberIDs: [String] = []
        private var courseLeaderIDs: [String] = []

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
            try addPeopleAndMatches()
            try addCourses()
            try addGatherings()
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

            var volunteers = volunteerStatuses.map { makeVolunteer(status: $0) }
            var persons = personStatuses.map { makePerson(status: $0) }

            // Pair the k-th active (proposed) volunteer with the k-th matched
            // (proposed) person, and make each pair one that fits.
            let pairs = Array(zip(indices(of: ["active"], in: volunteerStatuses),
                                  indices(of: ["matched"], in: personStatuses)))
                + zip(indices(of: ["proposed"], in: volunteerStatuses), indices(of: ["proposed"], in: personStatuses))
            precondition(pairs.count == pairCount, "every active or proposed status has a partner")
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

            for (volunteer, person) in pairs {
                let isActive = volunteerStatuses[volunteer] == "active"
                try addMatch(
                    volunteer: volunteerIDs[volunteer],
                    person: personIDs[person],
                    status: isActive ? "active" : "proposed"
                )
            }

            // Past matches, between people who have done the course and
            // people who were mapped.
            let pastVolunteers = indices(
                of: ["active", "ready", "proposed", "paused", "ended", "withdrawn"],
                in: volunteerStatuses
            )
            let pastPersons = indices(of: ["matched", "mapped", "proposed", "paused", "closed"], in: personStatuses)
            for _ in 0..<(size.matchCount - pairCount) {
                try addMatch(
                    volunteer: volunteerIDs[random.pick(pastVolunteers)],
                    person: personIDs[random.pick(pastPersons)],
                    status: random.chance(85) ? "ended" : "declined"
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

        private mutating func makeVolunteer(status: String) -> [String: JSONValue] {
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
            if status != "interested" || random.chance(50) {
                values["contacted_on"] = .string(today.adding(-random.number(in: 8...(365 * size.years))).text)
            }
            if ["ready", "proposed", "active", "paused", "ended"].contains(status) {
                values["pledge_signed_on"] = .string(today.adding(-random.number(in: 30...(365 * size.years))).text)
            }
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

        private mutating func addMatch(volunteer: String, person: String, status: String) throws {
            var values: [String: JSONValue] = [
                "volunteer": .string(volunteer),
                "person": .string(person),
                "status": .string(status),
            ]
            if !contactMemberIDs.isEmpty { values["contact_member"] = .string(random.pick(contactMemberIDs)) }

            switch status {
            case "active":
                let started = today.adding(-random.number(in: 14...(365 * min(size.years, 3))))
                values["proposed_on"] = .string(started.adding(-random.number(in: 7...40)).text)
                values["started_on"] = .string(started.text)
            case "proposed":
                values["proposed_on"] = .string(today.adding(-random.number(in: 0...20)).text)
            case "ended":
                let started = today.adding(-random.number(in: 120...(365 * size.years)))
                let ended = min(started.adding(random.number(in: 60...900)), today.adding(-1))
                values["proposed_on"] = .string(started.adding(-random.number(in: 7...40)).text)
                values["started_on"] = .string(started.text)
                values["ended_on"] = .string(ended.text)
                values["end_reason"] = .string(random.pick(DemoData.endReasons))
            default:
                values["proposed_on"] = .string(today.adding(-random.number(in: 30...(365 * size.years))).text)
            }

            _ = try add("match", values)
            summary.matches += 1
            if status == "active" { summary.activeMatches += 1 }
        }

        // MARK: - Courses and gatherings

        private mutating func addCourses() throws {
            // About two a year, the newest one still ahead.
            for index in 0..<size.courseCount {
                var first = today.adding(30 - index * 180 + random.number(in: -20...20))
                if first.civil.month == 7 { first = first.adding(35) }  // No courses in the summer holiday.
                let isAhead = first > today
                let season = first.civil.month <= 6 ? "Vårkurs" : "Høstkurs"
                let sessions = [first, first.adding(7)].map { "\($0.text) 18:00-21:00" }
                var values: [String: JSONValue] = [
                    "title": .string("\(season) \(first.civil.year)"),
                    "kind": .string(random.chance(80) ? "in_person" : "combined"),
                    "sessions": .array(sessions.map(JSONValue.string)),
                    "venue": .string(random.pick(DemoData.venues)),
                    "capacity": .int(Int64(random.pick([15, 20, 25]))),
                    "status": .string(isAhead ? "open" : index == 1 ? "held" : "closed"),
                ]
                if !courseLeaderIDs.isEmpty {
                    values["leaders"] = .array(
                        random.sample(courseLeaderIDs, count: 2).map(JSONValue.string)
                    )
                }
                _ = try add("course", values)
                summary.courses += 1
            }
        }

        private mutating func addGatherings() throws {
            // Twice a year, the newest one still ahead.
            for index in 0..<size.gatheringCount {
                let date = today.adding(60 - index * 180 + random.number(in: -15...15))
                let isAhead = date > today
                let invited = random.number(in: max(5, size.activeMatchCount / 2)...max(8, size.activeMatchCount))
                var values: [String: JSONValue] = [
                    "date": .string(date.text),
                    "venue": .string(random.pick(DemoData.venues)),
                    "theme": .string(random.pick(DemoData.gatheringThemes)),
                    "invited_count": .int(Int64(invited)),
                    "status": .string(isAhead ? "planned" : "held"),
                ]
                if !isAhead {
                    values["attended_count"] = .int(Int64(invited * random.number(in: 40...80) / 100))
                    values["cost"] = .double(Double(random.number(in: 8...40) * 100))
                }
                _ = try add("gathering", values)
                summary.gatherings += 1
            }
        }

        // MARK: - Values

        private func add(_ collection: String, _ values: [String: JSONValue]) throws -> String {
            try store.add(collection: collection, fields: values)
        }

        private mutating func name(firstNames: [String]) -> (first: String, last: String) {
            let first = random.pick(firstNames)
            var last = random.pick(DemoData.lastNames)
            if random.chance(10) { last = random.pick(DemoData.lastNames) + " " + last }
            return (first, last)
        }

        /// A Norwegian mobile number: eight digits starting with 4 or 9,
        /// written `912 34 567`.
        private mutating func phone() -> String {
            let digits = [random.chance(50) ? 4 : 9] + (0..<7).map { _ in random.below(10) }
            let text = digits.map(String.init)
            return text[0..<3].joined() + " " + text[3..<5].joined() + " " + text[5..<8].joined()
        }

        /// An address at the reserved `example.org` domain.
        private mutating func email(first: String, last: String) -> String {
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

        private mutating func languages() -> [String] {
            random.chance(15) ? ["nb", random.pick(DemoData.otherLanguages)] : ["nb"]
        }

        private mutating func codes(count: Int) -> JSONValue {
            .array(random.sample(DemoData.activities.map(\.code), count: count).map(JSONValue.string))
        }

        private mutating func slots(count: Int) -> JSONValue {
            .array(random.sample(DemoData.slots, count: count).map(JSONValue.string))
        }
    }
}
