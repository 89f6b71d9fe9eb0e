/// Why a step about consent (samtykke) was refused. Nothing was written.
public struct ConsentError: Error, Sendable, Hashable {
    public enum Code: Sendable, Hashable {
        /// Who gave the consent is not one of `known`.
        case unknownGiver(known: [String])
        /// Purposes that are not among `known`.
        case unknownPurposes([String], known: [String])
        /// Consent given by an attorney (fremtidsfullmektig) or guardian
        /// (verge) needs their representative record.
        case representativeNeeded(role: String)
        /// The representative has another role than the one who gave the
        /// consent, or represents another person.
        case representativeMismatch(role: String)
        /// The person has no consent in force to withdraw or review.
        case noConsentInForce
    }

    public var code: Code
    /// What the user gave that was refused.
    public var detail: String?

    public init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }
}
