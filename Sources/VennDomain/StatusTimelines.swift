import VennSchema
public import VennStore
public import VennSync

/// The recorded status moves of many records (`transition` records),
/// grouped by the record they move and in the order they happened: by day,
/// and moves of one day in the order they were written.
///
/// Built once from one read of the collection, for rules that look at many
/// records' moves, such as what is due and the group's statistics.
public struct StatusTimelines: Sendable {
    /// One recorded move.
    public struct Move: Sendable, Hashable {
        public var from: String
        public var to: String
        /// The day it happened.
        public var on: CalendarDay
        /// When the move was written, which orders moves of one day.
        public var written: Timestamp
    }

    private var moves: [String: [Move]] = [:]

    /// The timelines in `transitions`; records without a subject, statuses
    /// or a day are left out.
    public init(_ transitions: [Record]) {
        for transition in transitions {
            let values = transition.values
            guard let collection = values["subject_collection"]?.stringValue,
                  let subject = values["subject"]?.stringValue,
                  let from = values["from"]?.stringValue,
                  let to = values["to"]?.stringValue,
                  let day = CalendarDay(values["on"])
            else { continue }
            moves[Self.key(collection, subject), default: []]
                .append(Move(from: from, to: to, on: day, written: transition.updated))
        }
        for key in moves.keys {
            moves[key]?.sort { ($0.on, $0.written) < ($1.on, $1.written) }
        }
    }

    /// The moves of the record `id` in `collection`, oldest first.
    public func moves(of collection: String, id: String) -> [Move] {
        moves[Self.key(collection, id)] ?? []
    }

    private static func key(_ collection: String, _ id: String) -> String {
        collection + "/" + id
    }
}
