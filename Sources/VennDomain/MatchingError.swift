/// Why a step about matches or group activities was refused. Nothing was
/// written.
public struct MatchingError: Error, Sendable, Hashable {
    public enum Code: Sendable, Hashable {
        /// The volunteer and the person already have a match that goes on.
        case alreadyPaired
        /// The value is not one of the field's codes or labels.
        case unknownCode(field: String, known: [String])
        /// The activity type is not in the catalogue.
        case unknownActivityType(known: [String])
    }

    public var code: Code
    /// What the user gave that was refused.
    public var detail: String?

    public init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }
}
