/// One move of a collection's status machine, declared by the schema's
/// `x-transitions`: a verb people type (`venn agreement sign ID`), the
/// statuses it starts from and the status it leads to.
public struct StatusTransition: Sendable, Hashable {
    /// The verb, e.g. `sign`.
    public var verb: String
    /// The statuses the move may start from.
    public var from: [String]
    /// The status the move leads to.
    public var to: String
    /// A date field the move sets to the day it happened, e.g. `signed_on`.
    public var stamp: String?
    /// Whether the move needs a reason (`--reason`).
    public var needsReason: Bool
    /// A field of codes the reason must be one of, and is kept in, e.g. a
    /// match's `end_reason`; nil when the reason is a few free words.
    public var reasonField: String?
    /// The command that makes this move as part of its own step, e.g.
    /// `match start` for a volunteer's move to active; nil when people make
    /// the move with its verb.
    public var via: String?
    /// Labels for people by language code.
    public var labels: [String: String]
    /// One-line help by language code.
    public var help: [String: String]

    public init(
        verb: String,
        from: [String],
        to: String,
        stamp: String? = nil,
        needsReason: Bool = false,
        reasonField: String? = nil,
        via: String? = nil,
        labels: [String: String] = [:],
        help: [String: String] = [:]
    ) {
        self.verb = verb
        self.from = from
        self.to = to
        self.stamp = stamp
        self.needsReason = needsReason || reasonField != nil
        self.reasonField = reasonField
        self.via = via
        self.labels = labels
        self.help = help
    }

    /// The one-line help in `language`, falling back to English.
    public func help(in language: String) -> String {
        help[language] ?? help["en"] ?? ""
    }
}

extension CollectionSchema {
    /// The field a status machine moves.
    public static let statusField = "status"

    /// The move named `verb`, if the collection's machine has one.
    public func transition(named verb: String) -> StatusTransition? {
        transitions.first { $0.verb == verb }
    }
}
