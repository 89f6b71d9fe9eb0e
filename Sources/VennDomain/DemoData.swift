public import VennStore

/// Made-up records for demonstrations, manual testing and benchmarks.
///
/// `fill(_:size:seed:)` writes a working group's register as it looks after
/// some time of work: the activity catalogue, the members of the working
/// group (arbeidsgruppe) and its registered cooperation agreement
/// (samarbeidsavtale), volunteers and people at every step of their status
/// machines, active, proposed and past matches, courses and experience
/// gatherings (erfaringssamlinger) with their refund claims. Every status is
/// backed by its records: enrolments and follow-up conversations for
/// volunteers, consents (samtykke) for people, check-ins for active matches,
/// and the `transition` records of the moves that led there, in order.
/// Every record passes the store's schema validation.
///
/// The names, phone numbers and addresses are drawn from lists of common
/// names and made-up places; they describe no real people.
///
/// ```swift
/// let store = try Store.create(at: path, group: "demo")
/// let summary = try DemoData.fill(store, size: .typical, seed: 1)
/// print(summary.volunteers)  // 15
/// ```
public enum DemoData {
    /// How large a group to make, after the realistic sizes of the domain.
    public enum Size: String, Sendable, Hashable, CaseIterable {
        /// A typical group: 15 volunteers, 12 people, 10 active matches,
        /// two courses and two gatherings a year.
        case typical
        /// The largest city group: 200 volunteers, 200 people and about
        /// 1,200 matches over the years.
        case city
        /// A stress store: 3,000 volunteers and 2,500 people in one group.
        case stress

        /// The number of volunteers made.
        public var volunteerCount: Int {
            switch self {
            case .typical: 15
            case .city: 200
            case .stress: 3000
            }
        }

        /// The number of people who want an activity friend made.
        public var personCount: Int {
            switch self {
            case .typical: 12
            case .city: 200
            case .stress: 2500
            }
        }

        /// The number of matches with status `active`.
        public var activeMatchCount: Int {
            switch self {
            case .typical: 10
            case .city: 140
            case .stress: 2000
            }
        }

        /// The number of matches with status `proposed`.
        public var proposedMatchCount: Int {
            switch self {
            case .typical: 1
            case .city: 8
            case .stress: 100
            }
        }

        /// The number of matches of every status, past ones included.
        public var matchCount: Int {
            switch self {
            case .typical: 15
            case .city: 1200
            case .stress: 4000
            }
        }

        /// The number of courses: about two a year over the group's
        /// history, and the next one, open for enrolment.
        public var courseCount: Int {
            switch self {
            case .typical: 5
            case .city: 13
            case .stress: 30
            }
        }

        /// The number of experience gatherings.
        public var gatheringCount: Int {
            switch self {
            case .typical: 2
            case .city: 8
            case .stress: 20
            }
        }

        /// The number of working group members.
        public var memberCount: Int {
            switch self {
            case .typical: 6
            case .city: 10
            case .stress: 14
            }
        }

        /// How many parts of the municipality people live in.
        var areaCount: Int {
            switch self {
            case .typical: 4
            case .city: 8
            case .stress: DemoData.areas.count
            }
        }

        /// Whether every status move is recorded; otherwise only the moves
        /// of the last year and each record's latest move, which keeps the
        /// stress store quick to fill.
        var keepsFullHistory: Bool { self != .stress }

        /// How many years back the group's history goes.
        var years: Int {
            switch self {
            case .typical: 2
            case .city: 6
            case .stress: 10
            }
        }
    }

    /// How many records of each collection `fill` wrote.
    public struct Summary: Sendable, Hashable {
        /// Activity types in the catalogue.
        public var activityTypes: Int
        /// Working group members.
        public var members: Int
        /// Volunteers, of every status.
        public var volunteers: Int
        /// People who want an activity friend, of every status.
        public var persons: Int
        /// Matches of every status.
        public var matches: Int
        /// Matches with status `active`.
        public var activeMatches: Int
        /// Courses.
        public var courses: Int
        /// Experience gatherings.
        public var gatherings: Int
        /// The working group: one.
        public var workingGroups: Int = 0
        /// Cooperation agreements: one, registered.
        public var agreements: Int = 0
        /// Course enrolments.
        public var enrolments: Int = 0
        /// Follow-up conversations after the course.
        public var followUps: Int = 0
        /// Consents of people past `referred`.
        public var consents: Int = 0
        /// Fremtidsfullmektiger and verger who gave a consent.
        public var representatives: Int = 0
        /// Check-ins on active matches.
        public var checkIns: Int = 0
        /// Status moves (`transition` records).
        public var transitions: Int = 0
        /// Refund limits, one per category.
        public var refundLimits: Int = 0
        /// Refund claims for courses and gatherings.
        public var refundClaims: Int = 0

        /// A summary with the given counts.
        public init(
            activityTypes: Int = 0,
            members: Int = 0,
            volunteers: Int = 0,
            persons: Int = 0,
            matches: Int = 0,
            activeMatches: Int = 0,
            courses: Int = 0,
            gatherings: Int = 0
        ) {
            self.activityTypes = activityTypes
            self.members = members
            self.volunteers = volunteers
            self.persons = persons
            self.matches = matches
            self.activeMatches = activeMatches
            self.courses = courses
            self.gatherings = gatherings
        }

        /// All records written.
        public var total: Int {
            activityTypes + members + volunteers + persons + matches + courses + gatherings + workingGroups
                + agreements + enrolments + followUps + consents + representatives + checkIns + transitions
                + refundLimits + refundClaims
        }
    }

    /// Writes a made-up working group's records into `store`, in one batch.
    ///
    /// The values depend only on `size`, `seed` and the day the store's wall
    /// clock gives (dates are placed around it); the same arguments give the
    /// same names, statuses and pairs. Record ids are the store's own and
    /// differ between runs.
    ///
    /// - Parameters:
    ///   - store: The store to write to; it may already hold records.
    ///   - size: How large a group to make.
    ///   - seed: Fixes every random choice.
    /// - Returns: How many records of each collection were written.
    /// - Throws: `StoreError` from the store; nothing is written then.
    public static func fill(_ store: Store, size: Size, seed: UInt64) throws -> Summary {
        var writer = Writer(
            store: store,
            size: size,
            random: Generator(seed: seed),
            today: Day(milliseconds: store.options.wallClock())
        )
        return try store.batch {
            try writer.writeAll()
            return writer.summary
        }
    }
}
