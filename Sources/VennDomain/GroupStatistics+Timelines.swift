import VennSchema
import VennStore
import VennSync

extension GroupStatistics {
    /// One recorded status move of a record.
    struct Move {
        var from: String
        var to: String
        var on: CalendarDay
        var written: Timestamp
    }

    /// The `transition` records, grouped by the record they move and in the
    /// order the moves happened.
    struct Timelines {
        private var moves: [String: [Move]] = [:]

        init(_ transitions: [Record]) {
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
            // Moves on the same day keep the order they were written in.
            for key in moves.keys {
                moves[key]?.sort { ($0.on, $0.written) < ($1.on, $1.written) }
            }
        }

        /// The moves of the record `id` in `collection`, oldest first.
        func of(_ collection: String, id: String) -> [Move] {
            moves[Self.key(collection, id)] ?? []
        }

        private static func key(_ collection: String, _ id: String) -> String {
            collection + "/" + id
        }
    }
}
