/// Why a mapping of interests, times and area was refused. Nothing was
/// written.
public struct MappingError: Error, Sendable, Hashable {
    public enum Code: Sendable, Hashable {
        /// Interests that are not codes or labels of the activity type
        /// catalogue; `known` lists the catalogue's codes.
        case unknownInterests([String], known: [String])
        /// Times that are not weekday and part of the day.
        case unknownTimes([String], known: [String])
        /// Kinds of activity a volunteer may be willing for, other than
        /// group, home and institution.
        case unknownWillingness([String], known: [String])
    }

    public var code: Code

    public init(_ code: Code) {
        self.code = code
    }
}
