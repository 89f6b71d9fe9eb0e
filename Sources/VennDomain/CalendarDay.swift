public import VennSchema

/// A calendar date, as days since 1970-01-01, written `YYYY-MM-DD` like the
/// schemas' `date` fields.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var number: Int

    public init(number: Int) {
        self.number = number
    }

    /// The day `milliseconds` since 1970 fall on, in UTC.
    public init(milliseconds: UInt64) {
        number = Int(milliseconds / 86_400_000)
    }

    /// The day `text` (`YYYY-MM-DD`) names; nil for anything else, including
    /// days no calendar has, such as 2026-02-30.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // Civil-to-days conversion by Howard Hinnant's algorithm.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.number = era * 146_097 + dayOfEra - 719_468
        guard self.civil == (year, month, day) else { return nil }
    }

    /// The day of a JSON value holding `YYYY-MM-DD`; nil for anything else.
    public init?(_ value: JSONValue?) {
        guard let text = value?.stringValue else { return nil }
        self.init(text)
    }

    /// The day a record was made, read from its id: ids are version 7
    /// UUIDs, whose first 48 bits are the wall-clock milliseconds of the
    /// laptop that made them. Nil for ids of any other form.
    public init?(madeWithID id: String) {
        let characters = Array(id.utf8)
        guard characters.count == 36, characters[14] == UInt8(ascii: "7") else { return nil }
        let hex = characters[0..<8] + characters[9..<13]
        guard let milliseconds = UInt64(String(decoding: hex, as: UTF8.self), radix: 16) else { return nil }
        self.init(milliseconds: milliseconds)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.number < rhs.number
    }

    /// The day `days` later (earlier when negative).
    public func adding(_ days: Int) -> CalendarDay {
        CalendarDay(number: number + days)
    }

    /// Whole days from `self` to `later`; negative when `later` is earlier.
    public func days(until later: CalendarDay) -> Int {
        later.number - number
    }

    /// Year, month and day in the proleptic Gregorian calendar.
    public var civil: (year: Int, month: Int, day: Int) {
        // Days-to-civil conversion by Howard Hinnant's algorithm.
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The year the day falls in.
    public var year: Int { civil.year }

    /// The date as `YYYY-MM-DD`.
    public var text: String {
        let (year, month, day) = civil
        return "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    public var description: String { text }

    /// The date as a JSON string.
    public var json: JSONValue { .string(text) }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
