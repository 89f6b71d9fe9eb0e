import VennSchema
import VennStore

extension GroupStatistics {
    /// The reasons a match ends, each with its own count.
    static let endReasons = [
        "person_moved", "person_needs_changed", "person_died", "volunteer_moved", "volunteer_stopped",
        "poor_fit", "other",
    ]

    /// Counts, durations and sums as they are gathered, before suppression.
    struct Tally {
        private var counts: [String: Int] = [:]
        private var durations: [String: [Int]] = [:]
        private var sums: [String: Double] = ["refunds_claimed": 0, "refunds_approved": 0, "refunds_paid": 0]

        /// The fields: counts and medians of at least `threshold` values,
        /// and every sum.
        func values(threshold: Int) -> [String: JSONValue] {
            var values: [String: JSONValue] = [:]
            for (field, count) in counts where count >= threshold {
                values[field] = .int(Int64(count))
            }
            for (field, days) in durations where days.count >= threshold {
                values[field] = .int(Int64(Self.median(days)))
            }
            for (field, sum) in sums {
                values[field] = .double((sum * 100).rounded() / 100)
            }
            return values
        }

        /// The middle value; for an even number of values, the mean of the
        /// two middle ones rounded down.
        static func median(_ values: [Int]) -> Int {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        private mutating func count(_ field: String, by amount: Int = 1) {
            counts[field, default: 0] += amount
        }

        /// Adds the days from `start` to `end` to the median `field` when
        /// the step ended in `year`; steps that end before they start are
        /// data errors and left out.
        private mutating func duration(_ field: String, from start: CalendarDay, to end: CalendarDay, year: Int) {
            let days = start.days(until: end)
            guard end.year == year, days >= 0 else { return }
            durations[field, default: []].append(days)
        }

        /// Counts `days` into the band fields under `prefix`.
        private mutating func band(_ prefix: String, days: Int) {
            switch days {
            case ..<0: return
            case ..<91: count(prefix + "_under_3_months")
            case ..<365: count(prefix + "_3_to_12_months")
            default: count(prefix + "_over_12_months")
            }
        }

        // MARK: - Volunteers

        /// Volunteers by status (the ended ones by the year they ended), and
        /// the days each step of the funnel took.
        mutating func countVolunteers(_ volunteers: [Record], moves: StatusTimelines, year: Int) {
            for volunteer in volunteers {
                let status = volunteer.values["status"]?.stringValue ?? ""
                let timeline = moves.moves(of: "volunteer", id: volunteer.id)
                switch status {
                case "interested", "enrolled", "course_done", "ready", "proposed", "active", "paused":
                    count("volunteers_" + status)
                case "ended", "withdrawn", "not_proceeding":
                    if timeline.last(where: { $0.to == status })?.on.year == year { count("volunteers_" + status) }
                default:
                    break
                }
                funnel(of: volunteer, timeline: timeline, year: year)
            }
        }

        /// Interested (from the day the record was made, when its first move
        /// left `interested`) to course done, to ready, to active in a match;
        /// each step counted once, the first time it was taken.
        private mutating func funnel(of volunteer: Record, timeline: [StatusTimelines.Move], year: Int) {
            guard let courseDone = timeline.firstIndex(where: { $0.to == "course_done" }) else { return }
            if timeline.first?.from == "interested", let made = CalendarDay(madeWithID: volunteer.id) {
                duration("median_days_to_course", from: made, to: timeline[courseDone].on, year: year)
            }
            guard let ready = timeline[courseDone...].firstIndex(where: { $0.to == "ready" }) else { return }
            duration("median_days_to_ready", from: timeline[courseDone].on, to: timeline[ready].on, year: year)
            guard let active = timeline[ready...].firstIndex(where: { $0.to == "active" }) else { return }
            duration("median_days_to_match", from: timeline[ready].on, to: timeline[active].on, year: year)
        }

        // MARK: - People

        /// People waiting, the residence split of those taking part, and
        /// the days each wait for a match took.
        mutating func countPeople(_ people: [Record], moves: StatusTimelines, year: Int) {
            for person in people {
                let status = person.values["status"]?.stringValue ?? ""
                if status == "mapped" { count("people_waiting") }
                if ["consented", "mapped", "proposed", "matched", "paused"].contains(status) {
                    switch person.values["residence"]?.stringValue {
                    case "home": count("people_at_home")
                    case "institution": count("people_in_institution")
                    case "day_centre": count("people_in_day_centre")
                    default: break
                    }
                }
                waits(in: moves.moves(of: "person", id: person.id), year: year)
            }
        }

        /// A wait runs from becoming mapped to being matched. A proposal
        /// that falls through does not restart it; a break or closing ends
        /// it without a match.
        private mutating func waits(in timeline: [StatusTimelines.Move], year: Int) {
            var waitingSince: CalendarDay?
            for move in timeline {
                switch move.to {
                case "mapped":
                    waitingSince = waitingSince ?? move.on
                case "matched":
                    if let start = waitingSince { duration("median_wait_days", from: start, to: move.on, year: year) }
                    waitingSince = nil
                case "paused", "closed":
                    waitingSince = nil
                default:
                    break
                }
            }
        }

        // MARK: - Matches and group activities

        /// Active matches and how long they have run by `today`; matches
        /// started in `year`; matches ended in `year`, by reason and by how
        /// long they lasted. Declined proposals are not matches that ended.
        mutating func countMatches(_ matches: [Record], year: Int, today: CalendarDay) {
            for match in matches {
                let status = match.values["status"]?.stringValue ?? ""
                let started = CalendarDay(match.values["started_on"])
                if let started, started.year == year { count("matches_new") }
                if status == "active" {
                    count("matches_active")
                    if let started { band("matches_active", days: started.days(until: today)) }
                }
                guard status == "ended", let ended = CalendarDay(match.values["ended_on"]), ended.year == year else {
                    continue
                }
                count("matches_ended")
                if let reason = match.values["end_reason"]?.stringValue, GroupStatistics.endReasons.contains(reason) {
                    count("matches_ended_" + reason)
                }
                if let started { band("matches_ended", days: started.days(until: ended)) }
            }
        }

        /// Group activities that still meet.
        mutating func countGroupActivities(_ activities: [Record]) {
            count("group_activities", by: activities.filter { $0.values["active"]?.boolValue != false }.count)
        }

        // MARK: - Courses, gatherings and refunds

        /// Courses held or closed with a session in `year`, the volunteers
        /// enrolled on them and those who completed.
        mutating func countCourses(_ courses: [Record], enrolments: [Record], year: Int) {
            let held = Set(courses.filter { course in
                ["held", "closed"].contains(course.values["status"]?.stringValue ?? "")
                    && (course.values["sessions"]?.arrayValue ?? []).contains { session in
                        CalendarDay(String((session.stringValue ?? "").prefix(10)))?.year == year
                    }
            }.map(\.id))
            count("courses_held", by: held.count)

            var participants: Set<String> = []
            var completions: Set<String> = []
            for enrolment in enrolments {
                guard let course = enrolment.values["course"]?.stringValue, held.contains(course),
                      let volunteer = enrolment.values["volunteer"]?.stringValue
                else { continue }
                participants.insert(volunteer)
                if enrolment.values["completed"]?.boolValue == true { completions.insert(volunteer) }
            }
            count("course_participants", by: participants.count)
            count("course_completions", by: completions.count)
        }

        /// Experience gatherings held or closed, dated in `year`.
        mutating func countGatherings(_ gatherings: [Record], year: Int) {
            count("gatherings_held", by: gatherings.filter {
                ["held", "closed"].contains($0.values["status"]?.stringValue ?? "")
                    && CalendarDay($0.values["date"])?.year == year
            }.count)
        }

        /// Claimed: submitted in `year` and not in draft or returned;
        /// approved: of those, approved or paid; paid: paid in `year`.
        mutating func sumRefunds(_ claims: [Record], year: Int) {
            for claim in claims {
                let amount = claim.values["amount"]?.doubleValue ?? 0
                let status = claim.values["status"]?.stringValue ?? ""
                if CalendarDay(claim.values["submitted_on"])?.year == year {
                    if ["submitted", "approved", "paid"].contains(status) {
                        sums["refunds_claimed", default: 0] += amount
                    }
                    if ["approved", "paid"].contains(status) {
                        sums["refunds_approved", default: 0] += amount
                    }
                }
                if status == "paid", CalendarDay(claim.values["paid_on"])?.year == year {
                    sums["refunds_paid", default: 0] += amount
                }
            }
        }
    }
}
