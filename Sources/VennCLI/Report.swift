public import VennDomain

/// The words of the program's normal output: table headings and the
/// sentences of `history` and `why`.
///
/// Like ``Message``, each language is one exhaustive switch, so a phrase
/// without a translation does not compile.
public enum Report: Sendable, Hashable {
    /// A column heading.
    case heading(Heading)
    /// A history action: create, update, delete, merge.
    case action(String)
    /// `why`: the field's value now.
    case fieldValue(field: String, value: String)
    /// `why`: the field has never been set.
    case fieldNeverSet(field: String)
    /// `why`: the write the value comes from.
    case setBy(actor: String?, replica: String, time: String)
    /// `why`: the value the latest change replaced.
    case replaced(value: String)
    /// `why`: several concurrent writes are kept, and the rule decides.
    case concurrentWrites(count: Int, rule: String)
    /// `why`: one concurrent write and its value.
    case concurrentWrite(value: String, replica: String, time: String)
    /// `why`: a ledger entry the value won.
    case wonOver(values: [String], rule: String, status: String)
    /// `why`: a manual conflict waits for a person.
    case waitsForAPerson
    /// `sync` on a terminal: how far it has come.
    case syncProgress(pushed: Int, pulled: Int, kilobytes: Int, recordsPerSecond: Int)
    /// `status`: the server, or that there is none.
    case server(String?)
    /// `status`: changes waiting to be sent.
    case pendingChanges(Int)
    /// `status`: when the last sync finished, if ever.
    case lastSync(String?)
    /// `status`: conflicts waiting for a person.
    case openConflicts(Int)
    /// `status`: a record the server refused, and its reasons.
    case refused(collection: String, id: String, reasons: [String])
    /// `conflicts`: none open.
    case noOpenConflicts
    /// `match suggest`: why a candidate fits.
    case matchReason(MatchReason)
    /// `match suggest`: no candidate fits.
    case noCandidates
    /// The score column's heading.
    case scoreHeading
    /// The reasons column's heading.
    case reasonsHeading

    // MARK: - What is due

    /// `status`: the heading of what is due.
    case dueHeading
    /// `status`: nothing is due.
    case nothingDue
    /// `status`: one kind of thing that is due, and how many records it
    /// concerns.
    case dueAlert(DueList.Kind, count: Int)
    /// `status`: a record that is due, by its short id, with its name and
    /// how many days it is over its limit, where known.
    case dueItem(id: String, name: String?, daysOver: Int?)

    /// A reason a candidate fits, as the ranking gives it.
    public enum MatchReason: Sendable, Hashable {
        case sharedInterests([String])
        case overlappingTimes(Int)
        case sameArea(String)
        case residenceFits(String)
        case groupActivityPossible
        case alreadyMatched(Int)
    }

    public enum Heading: Sendable, Hashable, CaseIterable {
        case id, field, value, time, action, oldValue, newValue, author, replica
    }

    /// The phrase in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .english: englishText
        case .bokmal: bokmalText
        }
    }

    private var englishText: String {
        switch self {
        case .heading(let heading):
            switch heading {
            case .id: "ID"
            case .field: "Field"
            case .value: "Value"
            case .time: "Time"
            case .action: "Change"
            case .oldValue: "Before"
            case .newValue: "After"
            case .author: "By"
            case .replica: "Replica"
            }
        case .action(let action):
            switch action {
            case "create": "created"
            case "update": "changed"
            case "delete": "deleted"
            case "merge": "merged"
            default: action
            }
        case .fieldValue(let field, let value):
            "\(field) is “\(value)”."
        case .fieldNeverSet(let field):
            "\(field) has never been set."
        case .setBy(let actor, let replica, let time):
            "Set \(time)" + (actor.map { " by \($0)" } ?? "") + " on replica \(replica)."
        case .replaced(let value):
            "It replaced “\(value)”."
        case .concurrentWrites(let count, let rule):
            "\(count) concurrent writes are kept; the rule \(rule) decides between them:"
        case .concurrentWrite(let value, let replica, let time):
            "  “\(value)” from replica \(replica), \(time)"
        case .wonOver(let values, let rule, let status):
            "Concurrent values \(values.map { "“\($0)”" }.joined(separator: ", ")) "
                + "were decided by the rule \(rule) (\(status))."
        case .waitsForAPerson:
            "A person must choose the value: the conflict is open."
        case .syncProgress(let pushed, let pulled, let kilobytes, let rate):
            "Sent \(pushed), received \(pulled), \(kilobytes) kB, \(rate) records/s"
        case .server(let server):
            server.map { "Server: \($0)" } ?? "Server: none (this store is not enrolled)"
        case .pendingChanges(let count):
            "Changes waiting to be sent: \(count)"
        case .lastSync(let time):
            "Last sync: " + (time ?? "never")
        case .openConflicts(let count):
            "Open conflicts: \(count)"
        case .refused(let collection, let id, let reasons):
            "Refused by the server: \(collection) \(id) — \(reasons.joined(separator: "; "))"
        case .noOpenConflicts:
            "No open conflicts."
        case .matchReason(let reason):
            switch reason {
            case .sharedInterests(let interests): "shared interests: \(interests.joined(separator: ", "))"
            case .overlappingTimes(let count): "\(count) common \(count == 1 ? "time" : "times")"
            case .sameArea(let area): "same area (\(area))"
            case .residenceFits(let residence): "willing to visit: \(residence)"
            case .groupActivityPossible: "a group activity is possible"
            case .alreadyMatched(let count): "already has \(count) active \(count == 1 ? "match" : "matches")"
            }
        case .noCandidates:
            "No candidates: nobody fits yet."
        case .scoreHeading:
            "Score"
        case .reasonsHeading:
            "Why"

        // MARK: - What is due
        case .dueHeading:
            "What is due"
        case .nothingDue:
            "Nothing is due."
        case .dueAlert(let kind, let count):
            switch kind {
            case .volunteerNotContacted:
                "Volunteers not contacted \(DueList.contactDays) days after registering: \(count)"
            case .followUpMissing:
                "Volunteers without a follow-up conversation \(DueList.followUpDays) days after the course: \(count)"
            case .readyWithoutProposal:
                "Volunteers ready for \(DueList.proposalDays) days without a proposal: \(count)"
            case .personWaiting:
                "People waiting for an activity friend for \(DueList.waitingDays) days or more: \(count)"
            case .matchWithoutCheckIn:
                "Active matches without a check-in for \(DueList.checkInDays) days: \(count)"
            case .noGatheringThisYear:
                "No experience gathering held or planned this year"
            case .fewGatheringsThisYear:
                "Hint: one experience gathering this year; groups usually hold \(DueList.gatheringsHintedPerYear)"
            case .agreementNotRegistered:
                "The cooperation agreement is not registered" + (count > 0 ? ": \(count)" : "")
            case .consentReviewDue:
                "Consents due for review: \(count)"
            case .retentionExpired:
                "Closed people to delete, \(DueList.retentionDays) days after closing: \(count)"
            }
        case .dueItem(let id, let name, let daysOver):
            "  \(id)" + (name.map { "  \($0)" } ?? "") + (daysOver.map { over in
                switch over {
                case 0: "  (due today)"
                case 1: "  (1 day over)"
                default: "  (\(over) days over)"
                }
            } ?? "")
        }
    }

    private var bokmalText: String {
        switch self {
        case .heading(let heading):
            switch heading {
            case .id: "ID"
            case .field: "Felt"
            case .value: "Verdi"
            case .time: "Tid"
            case .action: "Endring"
            case .oldValue: "Før"
            case .newValue: "Etter"
            case .author: "Av"
            case .replica: "Replika"
            }
        case .action(let action):
            switch action {
            case "create": "opprettet"
            case "update": "endret"
            case "delete": "slettet"
            case "merge": "flettet"
            default: action
            }
        case .fieldValue(let field, let value):
            "\(field) er «\(value)»."
        case .fieldNeverSet(let field):
            "\(field) har aldri fått en verdi."
        case .setBy(let actor, let replica, let time):
            "Satt \(time)" + (actor.map { " av \($0)" } ?? "") + " på replika \(replica)."
        case .replaced(let value):
            "Den erstattet «\(value)»."
        case .concurrentWrites(let count, let rule):
            "\(count) samtidige endringer er tatt vare på; regelen \(rule) avgjør mellom dem:"
        case .concurrentWrite(let value, let replica, let time):
            "  «\(value)» fra replika \(replica), \(time)"
        case .wonOver(let values, let rule, let status):
            "Samtidige verdier \(values.map { "«\($0)»" }.joined(separator: ", ")) ble avgjort av regelen \(rule) "
                + "(\(status))."
        case .waitsForAPerson:
            "En person må velge verdien: konflikten er åpen."
        case .syncProgress(let pushed, let pulled, let kilobytes, let rate):
            "Sendt \(pushed), mottatt \(pulled), \(kilobytes) kB, \(rate) poster/s"
        case .server(let server):
            server.map { "Server: \($0)" } ?? "Server: ingen (datalageret er ikke registrert)"
        case .pendingChanges(let count):
            "Endringer som venter på å bli sendt: \(count)"
        case .lastSync(let time):
            "Siste synkronisering: " + (time ?? "aldri")
        case .openConflicts(let count):
            "Åpne konflikter: \(count)"
        case .refused(let collection, let id, let reasons):
            "Avvist av serveren: \(collection) \(id) — \(reasons.joined(separator: "; "))"
        case .noOpenConflicts:
            "Ingen åpne konflikter."
        case .matchReason(let reason):
            switch reason {
            case .sharedInterests(let interests): "felles interesser: \(interests.joined(separator: ", "))"
            case .overlappingTimes(let count): "\(count) \(count == 1 ? "felles tidspunkt" : "felles tidspunkter")"
            case .sameArea(let area): "samme område (\(area))"
            case .residenceFits(let residence): "villig til besøk: \(residence)"
            case .groupActivityPossible: "gruppeaktivitet er mulig"
            case .alreadyMatched(let count):
                "har allerede \(count) \(count == 1 ? "aktiv kobling" : "aktive koblinger")"
            }
        case .noCandidates:
            "Ingen kandidater: ingen passer ennå."
        case .scoreHeading:
            "Poeng"
        case .reasonsHeading:
            "Hvorfor"

        // MARK: - What is due
        case .dueHeading:
            "Til oppfølging"
        case .nothingDue:
            "Ingenting å følge opp."
        case .dueAlert(let kind, let count):
            switch kind {
            case .volunteerNotContacted:
                "Frivillige som ikke er kontaktet \(DueList.contactDays) dager etter registrering: \(count)"
            case .followUpMissing:
                "Frivillige uten oppfølgingssamtale \(DueList.followUpDays) dager etter kurset: \(count)"
            case .readyWithoutProposal:
                "Frivillige som har vært klare i \(DueList.proposalDays) dager uten forslag: \(count)"
            case .personWaiting:
                "Personer som har ventet på en aktivitetsvenn i \(DueList.waitingDays) dager eller mer: \(count)"
            case .matchWithoutCheckIn:
                "Aktive koblinger uten oppfølging på \(DueList.checkInDays) dager: \(count)"
            case .noGatheringThisYear:
                "Ingen erfaringssamling holdt eller planlagt i år"
            case .fewGatheringsThisYear:
                "Tips: én erfaringssamling i år; arbeidsgrupper holder vanligvis \(DueList.gatheringsHintedPerYear)"
            case .agreementNotRegistered:
                "Samarbeidsavtalen er ikke registrert" + (count > 0 ? ": \(count)" : "")
            case .consentReviewDue:
                "Samtykker som skal vurderes på nytt: \(count)"
            case .retentionExpired:
                "Avsluttede personer som skal slettes, \(DueList.retentionDays) dager etter avslutning: \(count)"
            }
        case .dueItem(let id, let name, let daysOver):
            "  \(id)" + (name.map { "  \($0)" } ?? "") + (daysOver.map { over in
                switch over {
                case 0: "  (frist i dag)"
                case 1: "  (1 dag over fristen)"
                default: "  (\(over) dager over fristen)"
                }
            } ?? "")
        }
    }
}
