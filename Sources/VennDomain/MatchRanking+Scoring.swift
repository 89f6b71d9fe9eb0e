import VennSchema
import VennStore

extension MatchRanking {
    /// Every availability slot, in weekday order: `mon-morning` to
    /// `sun-evening`.
    static let slots: [String] = {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let parts = ["morning", "afternoon", "evening"]
        return days.flatMap { day in parts.map { "\(day)-\($0)" } }
    }()

    /// The points of the table in `MatchRanking`.
    enum Points {
        static let interests = [0, 16, 28, 40]
        static let times = [0, 12, 20, 25]
        static let sameArea = 15
        static let residenceFits = 15
        static let residenceRefused = -20
        static let group = 5
        static let perActiveMatch = -10
    }

    /// What ranking needs of one record, read once: interests as a set,
    /// availability as a bit mask, the area without case or spaces.
    struct Profile {
        var interests: Set<String>
        var slots: UInt32
        var area: [UInt8]
        var residence: String?
        var willingHome: Bool?
        var willingInstitution: Bool?
        var willingGroup: Bool?

        init(_ record: Record) {
            let values = record.values
            interests = Set((values["interests"]?.arrayValue ?? []).compactMap(\.stringValue))
            slots = Self.slotMask(values["availability"])
            area = values["area"]?.stringValue.map { Self.folded($0.utf8) } ?? []
            residence = values["residence"]?.stringValue
            willingHome = values["willing_home"]?.boolValue
            willingInstitution = values["willing_institution"]?.boolValue
            willingGroup = values["willing_group"]?.boolValue
        }

        /// Each availability slot's bit, in weekday order.
        static let slotBits: [String: UInt32] = {
            var bits: [String: UInt32] = [:]
            for (index, slot) in MatchRanking.slots.enumerated() { bits[slot] = 1 << UInt32(index) }
            return bits
        }()

        static func slotMask(_ value: JSONValue?) -> UInt32 {
            guard case .array(let slots)? = value else { return 0 }
            var mask: UInt32 = 0
            for case .string(let slot) in slots {
                mask |= slotBits[slot] ?? 0
            }
            return mask
        }

        /// ASCII-lowercased bytes without leading and trailing spaces.
        static func folded(_ text: String.UTF8View) -> [UInt8] {
            trimmed(Array(text)).map(lowercased)
        }

        /// Whether `text` equals this profile's area, ignoring ASCII case
        /// and surrounding spaces, without allocating.
        func isSameArea(_ text: String) -> Bool {
            guard !area.isEmpty else { return false }
            var utf8 = Substring(text).utf8
            while utf8.first == 0x20 { utf8 = utf8.dropFirst() }
            while utf8.last == 0x20 { utf8 = utf8.dropLast() }
            guard utf8.count == area.count else { return false }
            return zip(utf8, area).allSatisfy { Self.lowercased($0) == $1 }
        }

        private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
            var slice = bytes[...]
            while slice.first == 0x20 { slice = slice.dropFirst() }
            while slice.last == 0x20 { slice = slice.dropLast() }
            return slice
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }
    }

    /// How one pair fits, in counts only, so scoring allocates nothing.
    struct Fit {
        var sharedInterests = 0
        var sharedSlots: UInt32 = 0
        var isSameArea = false
        /// Whether the volunteer is willing for the person's residence; nil
        /// when either is unknown.
        var isResidenceWilling: Bool?
        var isGroupWilling = false
        var activeMatches = 0

        var score: Int {
            var total = Points.interests[min(sharedInterests, Points.interests.count - 1)]
            total += Points.times[min(sharedSlots.nonzeroBitCount, Points.times.count - 1)]
            if isSameArea { total += Points.sameArea }
            switch isResidenceWilling {
            case true?: total += Points.residenceFits
            case false?: total += Points.residenceRefused
            case nil: break
            }
            if isGroupWilling { total += Points.group }
            total += Points.perActiveMatch * activeMatches
            return min(100, max(0, total))
        }
    }

    /// Scores pairs of one fixed record, the anchor, with many others.
    struct Scorer {
        let anchor: Profile
        let isAnchorPerson: Bool

        init(anchor: Profile, isAnchorPerson: Bool) {
            self.anchor = anchor
            self.isAnchorPerson = isAnchorPerson
        }

        /// The fit of the anchor with `other`, the record on the other side.
        func fit(with other: [String: JSONValue], activeMatches: Int) -> Fit {
            var fit = Fit(activeMatches: activeMatches)
            if case .array(let interests)? = other["interests"] {
                for case .string(let code) in interests where anchor.interests.contains(code) {
                    fit.sharedInterests += 1
                }
            }
            fit.sharedSlots = anchor.slots & Profile.slotMask(other["availability"])
            if let area = other["area"]?.stringValue { fit.isSameArea = anchor.isSameArea(area) }

            let residence = isAnchorPerson ? anchor.residence : other["residence"]?.stringValue
            let willingHome = isAnchorPerson ? other["willing_home"]?.boolValue : anchor.willingHome
            let willingInstitution = isAnchorPerson
                ? other["willing_institution"]?.boolValue : anchor.willingInstitution
            switch residence {
            case "home": fit.isResidenceWilling = willingHome
            case "institution", "day_centre": fit.isResidenceWilling = willingInstitution
            default: fit.isResidenceWilling = nil
            }
            let willingGroup = isAnchorPerson ? other["willing_group"]?.boolValue : anchor.willingGroup
            fit.isGroupWilling = willingGroup == true
            return fit
        }

        /// The reasons behind `fit`, with the shared values spelled out.
        func reasons(for fit: Fit, with other: [String: JSONValue], person: [String: JSONValue]) -> [Reason] {
            var reasons: [Reason] = []
            if fit.sharedInterests > 0 {
                let codes = (other["interests"]?.arrayValue ?? []).compactMap(\.stringValue)
                reasons.append(.sharedInterests(Set(codes).intersection(anchor.interests).sorted()))
            }
            if fit.sharedSlots != 0 {
                let slots = MatchRanking.slots.filter { (Profile.slotBits[$0] ?? 0) & fit.sharedSlots != 0 }
                reasons.append(.overlappingTimes(slots))
            }
            if fit.isSameArea, let area = person["area"]?.stringValue {
                reasons.append(.sameArea(area))
            }
            if fit.isResidenceWilling == true, let residence = person["residence"]?.stringValue {
                reasons.append(.residenceFits(residence))
            }
            if fit.isGroupWilling { reasons.append(.groupActivityPossible) }
            if fit.activeMatches > 0 { reasons.append(.alreadyMatched(fit.activeMatches)) }
            return reasons
        }
    }
}
