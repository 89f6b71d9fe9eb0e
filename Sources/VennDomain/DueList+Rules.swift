import VennSchema
import VennStore
import VennSync

extension DueList {
    /// The collections the rules read, each read once.
    struct Snapshot {
        var volunteers: [Record] = []
        var persons: [Record] = []
        var matches: [Record] = []
        var checkIns: [Record] = []
        var followUps: [Record] = []
        var gatherings: [Record] = []
        var agreements: [Record] = []
        var consents: [Record] = []
        var transitions: [Record] = []

        init() {}

        /// Reads of each collection only the fields the rules look at.
        init(store: Store) throws {
            let status = CollectionSchema.statusField
            func read(_ collection: String, _ fields: [String]) throws -> [Record] {
                try store.records(collection: collection, fields: fields)
            }
            volunteers = try read("volunteer", [status, "name", "contacted_on"])
            persons = try read("person", [status, "name"])
            matches = try read("match", [status, "volunteer", "person", "started_on"])
            checkIns = try read("match_checkin", ["match", "date"])
            followUps = try read("followup_conversation", ["volunteer"])
            gatherings = try read("gathering", [status, "date"])
            agreements = try read("agreement", [status])
            consents = try read("consent", ["withdrawn_on", "review_on", "subject"])
            transitions = try read(Workflow.transitionCollection, ["subject_collection", "subject", "from", "to", "on"])
        }
    }

    /// The rules, over indexes built once from a snapshot.
    struct Rules {
        let snapshot: Snapshot
        let today: CalendarDay
        /// Each record's moves, oldest first.
        let timelines: StatusTimelines
        /// The names of volunteers and of persons, by id.
        let volunteerNames: [String: String]
        let personNames: [String: String]

        init(snapshot: Snapshot, today: CalendarDay) {
            self.snapshot = snapshot
            self.today = today
            volunteerNames = Self.names(snapshot.volunteers)
            personNames = Self.names(snapshot.persons)

            timelines = StatusTimelines(snapshot.transitions)
        }

        // MARK: Start days

        /// The day the record was made, read from its id; the day of its
        /// latest write for ids that do not tell.
        func madeDay(_ record: Record) -> CalendarDay {
            CalendarDay(madeWithID: record.id) ?? CalendarDay(milliseconds: record.updated.milliseconds)
        }

        /// The day of the record's first move, else the day it was made.
        func firstMoveDay(_ record: Record) -> CalendarDay {
            timelines.moves(of: record.collection, id: record.id).first?.on ?? madeDay(record)
        }

        /// The day of the record's latest move into one of `statuses`, tried
        /// in order; else the day it was made.
        func entryDay(_ record: Record, into statuses: [String]) -> CalendarDay {
            let list = timelines.moves(of: record.collection, id: record.id)
            for status in statuses {
                if let move = list.last(where: { $0.to == status }) { return move.on }
            }
            return madeDay(record)
        }

        // MARK: Alerts

        func alert(of kind: Kind) -> Alert? {
            switch kind {
            case .volunteerNotContacted: items(kind, volunteerNotContacted())
            case .followUpMissing: items(kind, followUpMissing())
            case .readyWithoutProposal: items(kind, readyWithoutProposal())
            case .personWaiting: items(kind, personWaiting())
            case .matchWithoutCheckIn: items(kind, matchWithoutCheckIn())
            case .noGatheringThisYear:
                gatheringsThisYear < DueList.gatheringsRequiredPerYear ? Alert(kind: kind, items: []) : nil
            case .fewGatheringsThisYear:
                (DueList.gatheringsRequiredPerYear..<DueList.gatheringsHintedPerYear)
                    .contains(gatheringsThisYear) ? Alert(kind: kind, items: []) : nil
            case .agreementNotRegistered: agreementNotRegistered()
            case .consentReviewDue: items(kind, consentReviewDue())
            case .retentionExpired: items(kind, retentionExpired())
            }
        }

        /// An alert of `items`, sorted; nil when there are none.
        private func items(_ kind: Kind, _ items: [Item]) -> Alert? {
            guard !items.isEmpty else { return nil }
            let sorted = items.sorted { ($1.daysOver ?? 0, $0.id) < ($0.daysOver ?? 0, $1.id) }
            return Alert(kind: kind, items: sorted)
        }

        /// The item for `record` when `limit` days have passed since `start`.
        private func overdue(_ record: Record, since start: CalendarDay, limit: Int) -> Item? {
            let over = start.days(until: today) - limit
            guard over >= 0 else { return nil }
            return Item(collection: record.collection, id: record.id, name: name(of: record), daysOver: over)
        }

        private func name(of record: Record) -> String? {
            record.values["name"]?.stringValue
        }

        private func status(of record: Record) -> String? {
            record.values[CollectionSchema.statusField]?.stringValue
        }

        private func volunteerNotContacted() -> [Item] {
            snapshot.volunteers.compactMap { volunteer in
                guard status(of: volunteer) == "interested",
                      volunteer.values["contacted_on"]?.stringValue == nil
                else { return nil }
                return overdue(volunteer, since: firstMoveDay(volunteer), limit: DueList.contactDays)
            }
        }

        private func followUpMissing() -> [Item] {
            let followedUp = Set(snapshot.followUps.compactMap { $0.values["volunteer"]?.stringValue })
            return snapshot.volunteers.compactMap { volunteer in
                guard status(of: volunteer) == "course_done", !followedUp.contains(volunteer.id) else {
                    return nil
                }
                let done = entryDay(volunteer, into: ["course_done"])
                return overdue(volunteer, since: done, limit: DueList.followUpDays)
            }
        }

        private func readyWithoutProposal() -> [Item] {
            // A match proposed or running counts as a proposal even when
            // the volunteer's status was not moved along with it.
            let proposed = Set(snapshot.matches.compactMap { match -> String? in
                guard ["proposed", "active"].contains(status(of: match)) else { return nil }
                return match.values["volunteer"]?.stringValue
            })
            return snapshot.volunteers.compactMap { volunteer in
                guard status(of: volunteer) == "ready", !proposed.contains(volunteer.id) else { return nil }
                let ready = entryDay(volunteer, into: ["ready"])
                return overdue(volunteer, since: ready, limit: DueList.proposalDays)
            }
        }

        private func personWaiting() -> [Item] {
            snapshot.persons.compactMap { person in
                guard status(of: person) == "mapped" else { return nil }
                let waiting = entryDay(person, into: ["mapped", "consented"])
                return overdue(person, since: waiting, limit: DueList.waitingDays)
            }
        }

        /// The names of the records of `records`, by id.
        private static func names(_ records: [Record]) -> [String: String] {
            Dictionary(
                records.compactMap { record in record.values["name"]?.stringValue.map { (record.id, $0) } },
                uniquingKeysWith: { first, _ in first }
            )
        }

        private func matchWithoutCheckIn() -> [Item] {
            var lastCheckIn: [String: CalendarDay] = [:]
            for checkIn in snapshot.checkIns {
                guard let match = checkIn.values["match"]?.stringValue,
                      let day = CalendarDay(checkIn.values["date"])
                else { continue }
                lastCheckIn[match] = max(lastCheckIn[match] ?? day, day)
            }
            return snapshot.matches.compactMap { match in
                guard status(of: match) == "active" else { return nil }
                let started = CalendarDay(match.values["started_on"]) ?? entryDay(match, into: ["active"])
                let since = max(started, lastCheckIn[match.id] ?? started)
                var item = overdue(match, since: since, limit: DueList.checkInDays)
                let pair = ["volunteer", "person"].compactMap { field in
                    match.values[field]?.stringValue.flatMap {
                        field == "volunteer" ? volunteerNames[$0] : personNames[$0]
                    }
                }
                item?.name = pair.isEmpty ? nil : pair.joined(separator: " – ")
                return item
            }
        }

        /// Gatherings held, closed, or planned or open with a date, dated in
        /// today's year.
        private var gatheringsThisYear: Int {
            snapshot.gatherings.count { gathering in
                guard ["held", "closed", "planned", "open"].contains(status(of: gathering)),
                      let day = CalendarDay(gathering.values["date"])
                else { return false }
                return day.year == today.year
            }
        }

        private func agreementNotRegistered() -> Alert? {
            guard !snapshot.agreements.contains(where: { status(of: $0) == "registered" }) else { return nil }
            let items = snapshot.agreements.map { Item(collection: $0.collection, id: $0.id, daysOver: nil) }
            return Alert(kind: .agreementNotRegistered, items: items)
        }

        private func consentReviewDue() -> [Item] {
            return snapshot.consents.compactMap { consent in
                guard consent.values["withdrawn_on"]?.stringValue == nil,
                      let review = CalendarDay(consent.values["review_on"])
                else { return nil }
                let over = review.days(until: today)
                guard over >= 0 else { return nil }
                let person = consent.values["subject"]?.stringValue
                return Item(
                    collection: consent.collection,
                    id: consent.id,
                    name: person.flatMap { personNames[$0] },
                    daysOver: over
                )
            }
        }

        private func retentionExpired() -> [Item] {
            snapshot.persons.compactMap { person in
                guard status(of: person) == "closed" else { return nil }
                let closed = entryDay(person, into: ["closed"])
                return overdue(person, since: closed, limit: DueList.retentionDays)
            }
        }
    }
}
