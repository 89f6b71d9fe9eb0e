/// How many terminal columns text takes.
///
/// Each Character (grapheme cluster) takes one column, so `æ`, `ø`, `å` and
/// letters with combining accents count once. East Asian wide characters and
/// emoji take two; control and zero-width format characters take none.
public enum DisplayWidth {
    /// The columns `text` takes.
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII, most of what tables hold, is one column a byte.
        let utf8 = text.utf8
        if utf8.allSatisfy(isPrintableASCII) { return utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The columns one Character takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // A lone scalar from printable ASCII or Latin-1 and Latin Extended
        // letters takes one column; looking up its properties is slow.
        let scalars = character.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
            isNarrowLetter(first.value)
        {
            return 1
        }
        return ofAnyCharacter(character)
    }

    /// The columns `character` takes, from its Unicode properties.
    static func ofAnyCharacter(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let properties = first.properties
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return 0
        default: break
        }
        if properties.isEmojiPresentation || isWide(first.value) { return 2 }

        // A text-style symbol followed by VARIATION SELECTOR-16 is shown as emoji.
        if properties.isEmoji, character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        return 1
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut.
    ///
    /// When a wide character does not fit before the ellipsis, a space takes
    /// its place, so the result is exactly `width` columns wide.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }

        var result = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + String(repeating: " ", count: width - 1 - used) + "…"
    }

    /// `text` followed by spaces up to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// Whether `byte` is printable ASCII: a space, letter, digit or sign.
    static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    /// Whether the scalar `value` alone always takes one column: printable
    /// ASCII, and Latin-1 and Latin Extended-A and -B except the soft hyphen.
    static func isNarrowLetter(_ value: UInt32) -> Bool {
        (value >= 0x20 && value < 0x7F) || (value >= 0xA0 && value <= 0x24F && value != 0xAD)
    }

    /// East Asian Wide and Fullwidth blocks (Unicode Standard Annex #11).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
