public import VennStore

/// What is due for a working group on a given day: volunteers waiting for a
/// call, people waiting for a match, matches nobody has checked on, and the
/// group's own duties.
///
/// The list is computed from the store alone, reading each collection once,
/// so it works offline and stays fast on a store of thousands of records.
///
/// A rule with a limit of *n* days fires once *n* whole days have passed
/// since its start day: on the day the limit is reached the record is due,
/// with zero days over. Where a start day comes from a status move, it is
/// the `on` day of the move's `transition` record; a record without one
/// falls back to the day of its latest write.
///
/// ```swift
/// let due = try DueList(store: store, today: CalendarDay("2026-12-03")!)
/// for alert in due.alerts {
///     print(alert.kind, alert.items.count)
/// }
/// ```
public struct DueList: Sendable, Hashable {
    /// What an alert is about.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A volunteer still `interested` and not contacted
        /// ``DueList/contactDays`` after registering.
        case volunteerNotContacted = "volunteer_not_contacted"
        /// A volunteer at `course_done` without a follow-up conversation
        /// (oppfølgingssamtale) ``DueList/followUpDays`` after the course.
        case followUpMissing = "follow_up_missing"
        /// A volunteer `ready` without a proposal ``DueList/proposalDays``
        /// after becoming ready.
        case readyWithoutProposal = "ready_without_proposal"
        /// A person `mapped` and waiting for a match ``DueList/waitingDays``
        /// or longer.
        case personWaiting = "person_waiting"
        /// An `active` match without a check-in for ``DueList/checkInDays``.
        case matchWithoutCheckIn = "match_without_check_in"
        /// No experience gathering (erfaringssamling) held or planned this
        /// year. Has no records.
        case noGatheringThisYear = "no_gathering_this_year"
        /// A hint: only one gathering this year, where groups usually hold
        /// ``DueList/gatheringsHintedPerYear``. Has no records.
        case fewGatheringsThisYear = "few_gatherings_this_year"
        /// The cooperation agreement (samarbeidsavtale) is not registered.
        /// Lists the agreement records that are not, if any.
        case agreementNotRegistered = "agreement_not_registered"
        /// A consent (samtykke) whose `review_on` has come and that is not
        /// withdrawn.
        case consentReviewDue = "consent_review_due"
        /// A person `closed` ``DueList/retentionDays`` ago or more, whose
        /// record the group should now delete.
        case retentionExpired = "retention_expired"

        /// Whether the alert is a hint rather than something overdue.
        public var isHint: Bool { self == .fewGatheringsThisYear }
    }

    /// A record an alert concerns.
    public struct Item: Sendable, Hashable {
        /// The record's collection.
        public var collection: String
        /// The record's id.
        public var id: String
        /// The record's `name`, for volunteers and persons; for a consent,
        /// the name of the person it is about; for a match, the volunteer's
        /// and the person's names joined by a dash; nil when not known.
        public var name: String?
        /// Whole days past the limit (0 on the day it is reached); nil where
        /// the rule has no day, as for an agreement not registered.
        public var daysOver: Int?

        /// An item with the given values.
        public init(collection: String, id: String, name: String? = nil, daysOver: Int?) {
            self.collection = collection
            self.id = id
            self.name = name
            self.daysOver = daysOver
        }
    }

    /// One kind of thing that is due, and the records it concerns.
    public struct Alert: Sendable, Hashable {
        /// What the alert is about.
        public var kind: Kind
        /// The records, most days over first, then by id; empty for kinds
        /// about the group as a whole.
        public var items: [Item]

        /// An alert with the given values.
        public init(kind: Kind, items: [Item]) {
            self.kind = kind
            self.items = items
        }
    }

    // MARK: - Limits

    /// Days an `interested` volunteer may wait for a first contact.
    public static let contactDays = 7
    /// Days after the course by which the follow-up conversation is due.
    public static let followUpDays = 21
    /// Days a `ready` volunteer may wait for a proposal.
    public static let proposalDays = 60
    /// Days a `mapped` person may wait for a match.
    public static let waitingDays = 90
    /// Days an `active` match may go without a check-in: about six months.
    public static let checkInDays = 183
    /// Days a `closed` person's record is kept before it should be deleted.
    public static let retentionDays = 90
    /// Gatherings a year below which ``Kind/noGatheringThisYear`` fires.
    public static let gatheringsRequiredPerYear = 1
    /// Gatherings a year below which ``Kind/fewGatheringsThisYear`` hints.
    public static let gatheringsHintedPerYear = 2

    // MARK: - The list

    /// The day the list was computed for.
    public let today: CalendarDay
    /// The alerts that fire, in the order of ``Kind/allCases``.
    public let alerts: [Alert]

    /// The list computed from `store` for `today`.
    ///
    /// - Throws: `StoreError` when a collection cannot be read.
    public init(store: Store, today: CalendarDay) throws {
        let snapshot = try Snapshot(store: store)
        self.init(snapshot: snapshot, today: today)
    }

    init(snapshot: Snapshot, today: CalendarDay) {
        self.today = today
        let rules = Rules(snapshot: snapshot, today: today)
        alerts = Kind.allCases.compactMap { rules.alert(of: $0) }
    }

    /// The alert of `kind`, or nil when it does not fire.
    public func alert(_ kind: Kind) -> Alert? {
        alerts.first { $0.kind == kind }
    }

    /// Whether nothing is due.
    public var isEmpty: Bool { alerts.isEmpty }
}
