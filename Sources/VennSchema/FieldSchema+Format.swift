extension FieldSchema.Format {
    /// Whether `text` has this format.
    ///
    /// - `date`: a real calendar date `YYYY-MM-DD` (RFC 3339 full-date).
    /// - `date-time`: RFC 3339, `YYYY-MM-DDTHH:MM:SS[.fraction]` with `Z` or
    ///   an offset `+HH:MM` / `-HH:MM`; `T` and `Z` may be lowercase.
    /// - `email`: a simple `local@domain.tld` check, not all of RFC 5321.
    /// - `uuid`: `8-4-4-4-12` hexadecimal digits, any case.
    public func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch self {
            case .date: FormatScanner.isDate(bytes)
            case .dateTime: FormatScanner.isDateTime(bytes)
            case .email: FormatScanner.isEmail(bytes)
            case .uuid: FormatScanner.isUUID(bytes)
            }
        }
    }
}

/// Byte-level checks of the string formats, with no allocation.
private enum FormatScanner {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func isDate(_ bytes: Bytes) -> Bool {
        bytes.count == 10 && isDate(bytes, at: 0)
    }

    static func isDateTime(_ bytes: Bytes) -> Bool {
        // full-date "T" HH:MM:SS
        guard bytes.count >= 20, isDate(bytes, at: 0) else { return false }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        guard
            let hour = number(bytes, at: 11, digits: 2), hour <= 23, bytes[13] == UInt8(ascii: ":"),
            let minute = number(bytes, at: 14, digits: 2), minute <= 59,
            bytes[16] == UInt8(ascii: ":"),
            let second = number(bytes, at: 17, digits: 2), second <= 60
        else { return false }

        // An optional fraction of a second.
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return false }
        }

        // "Z" or an offset.
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return index + 1 == bytes.count
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard
                index + 6 == bytes.count,
                let hours = number(bytes, at: index + 1, digits: 2), hours <= 23,
                bytes[index + 3] == UInt8(ascii: ":"),
                let minutes = number(bytes, at: index + 4, digits: 2), minutes <= 59
            else { return false }
            return true
        default:
            return false
        }
    }

    static func isEmail(_ bytes: Bytes) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, at <= 64 else {
            return false
        }
        let local = Bytes(rebasing: bytes[..<at])
        let domain = Bytes(rebasing: bytes[(at + 1)...])

        // The local part: no spaces, controls or a second "@".
        guard local.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return false }

        // The domain: two or more dot-separated labels of letters, digits and
        // inner hyphens (any non-ASCII byte counts as a letter, for IDNs),
        // the last one at least two characters and not all digits.
        var labels = 0
        var labelStart = 0
        for index in 0...domain.count {
            guard index == domain.count || domain[index] == UInt8(ascii: ".") else { continue }
            let label = Bytes(rebasing: domain[labelStart..<index])
            guard isDomainLabel(label) else { return false }
            labels += 1
            if index == domain.count {
                return labels >= 2 && label.count >= 2 && !label.allSatisfy(isDigit)
            }
            labelStart = index + 1
        }
        return false
    }

    private static func isDomainLabel(_ label: Bytes) -> Bool {
        guard let first = label.first, let last = label.last else { return false }
        return first != UInt8(ascii: "-") && last != UInt8(ascii: "-")
            && label.allSatisfy {
                isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "-") || $0 >= 0x80
            }
    }

    static func isUUID(_ bytes: Bytes) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            default:
                guard isHexDigit(byte) else { return false }
            }
        }
        return true
    }

    // MARK: Pieces

    /// Whether a real calendar date `YYYY-MM-DD` starts at `start`.
    private static func isDate(_ bytes: Bytes, at start: Int) -> Bool {
        guard
            bytes.count >= start + 10,
            let year = number(bytes, at: start, digits: 4), year >= 1,
            bytes[start + 4] == UInt8(ascii: "-"),
            let month = number(bytes, at: start + 5, digits: 2), (1...12).contains(month),
            bytes[start + 7] == UInt8(ascii: "-"),
            let day = number(bytes, at: start + 8, digits: 2)
        else { return false }
        return day >= 1 && day <= daysIn(month: month, year: year)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// The decimal number of exactly `digits` digits at `start`.
    private static func number(_ bytes: Bytes, at start: Int, digits: Int) -> Int? {
        guard bytes.count >= start + digits else { return nil }
        var value = 0
        for index in start..<start + digits {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}
