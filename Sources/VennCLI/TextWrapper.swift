/// Breaks text into lines at spaces to fit a width, measured in terminal
/// columns.
enum TextWrapper {
    /// `text` in lines of at most `width` columns, the first starting after
    /// `firstIndent` columns already used, the rest indented by `indent`
    /// spaces. A word longer than a line is cut across lines.
    ///
    /// - Returns: The lines; the first without indentation (its place is
    ///   already taken), the others with it.
    static func wrap(_ text: String, width: Int, firstIndent: Int, indent: Int) -> [String] {
        let indentation = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        var used = firstIndent
        var isLineEmpty = true

        func breakLine() {
            lines.append(line)
            line = indentation
            used = indent
            isLineEmpty = true
        }

        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            if !isLineEmpty, used + 1 + DisplayWidth.of(word) > width {
                breakLine()
            } else if !isLineEmpty {
                line += " "
                used += 1
            }

            // A word wider than a whole line goes in pieces.
            while used + DisplayWidth.of(word) > width, width - used > 0 {
                let (head, tail) = split(word, at: width - used)
                line += head
                breakLine()
                word = tail
            }
            line += word
            used += DisplayWidth.of(word)
            isLineEmpty = false
        }
        lines.append(line)
        return lines
    }

    /// `word` split after `columns` columns (at least one Character).
    private static func split(_ word: String, at columns: Int) -> (String, String) {
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let next = used + DisplayWidth.of(word[index])
            if next > columns, index > word.startIndex { break }
            used = next
            index = word.index(after: index)
        }
        return (String(word[..<index]), String(word[index...]))
    }
}
