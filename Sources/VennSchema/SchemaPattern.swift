import Foundation

/// A compiled `pattern` keyword: does a string contain a match?
///
/// JSON Schema searches for the expression anywhere in the string (it is not
/// implicitly anchored), and `$` matches only at the very end, as in
/// ECMA-262. Patterns made only of literals, character classes, quantifiers
/// and the anchors `^` and `$` (all the record schemas use) run on a small
/// built-in matcher, which is about twenty times faster than
/// `NSRegularExpression` on Linux; any other pattern runs on
/// `NSRegularExpression`.
///
/// A class, so that a check retains one object rather than its parts.
final class SchemaPattern: Sendable {
    private enum Engine: Sendable {
        case simple(SimplePattern)
        case regex(NSRegularExpression)
    }

    /// The pattern as the schema wrote it.
    let source: String
    private let engine: Engine

    /// Compiles `source`.
    ///
    /// - Throws: The `NSRegularExpression` error when `source` is not a
    ///   regular expression.
    init(_ source: String) throws {
        self.source = source
        if let simple = SimplePattern(source) {
            engine = .simple(simple)
        } else {
            engine = .regex(try NSRegularExpression(pattern: Self.endAnchoredStrictly(source)))
        }
    }

    /// Compiles `source` with `NSRegularExpression` even when the built-in
    /// matcher could run it, so tests can compare the two.
    init(forcingRegex source: String) throws {
        self.source = source
        engine = .regex(try NSRegularExpression(pattern: Self.endAnchoredStrictly(source)))
    }

    /// Whether the built-in matcher runs this pattern.
    var isSimple: Bool {
        if case .simple = engine { return true }
        return false
    }

    /// Whether `text` contains a match.
    func isFound(in text: String) -> Bool {
        switch engine {
        case .simple(let pattern):
            return pattern.isFound(in: text)
        case .regex(let regex):
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            return regex.firstMatch(in: text, range: range) != nil
        }
    }

    /// Rewrites each `$` outside a character class to `\z`.
    ///
    /// ICU's `$` also matches before a final line break; JSON Schema's (from
    /// ECMA-262) matches only at the end of the string.
    private static func endAnchoredStrictly(_ source: String) -> String {
        var output = ""
        var isEscaped = false
        var isInClass = false
        for character in source {
            if isEscaped {
                isEscaped = false
            } else if character == "\\" {
                isEscaped = true
            } else if character == "[" {
                isInClass = true
            } else if character == "]" {
                isInClass = false
            } else if character == "$", !isInClass {
                output += "\\z"
                continue
            }
            output.append(character)
        }
        return output
    }
}

// MARK: - Built-in matcher

/// A pattern that is a sequence of single-character atoms, each with a
/// quantifier, optionally anchored at either end.
///
/// The grammar accepted is deliberately small, so that its meaning is the
/// same in ECMA-262, ICU and Python: literal characters, escaped punctuation,
/// classes such as `[a-z0-9_-]` or `[^ ]` (no nested classes or class
/// escapes like `\d`, whose meaning differs between engines), the greedy
/// quantifiers `?`, `*`, `+`, `{n}`, `{n,}` and `{n,m}`, a leading `^` and a
/// trailing `$`. Everything else returns nil.
struct SimplePattern: Sendable {
    /// A set of Unicode scalar values.
    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var isNegated: Bool

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            var isMember = false
            for range in ranges where range.contains(value) {
                isMember = true
                break
            }
            return isMember != isNegated
        }
    }

    /// One character matcher repeated between `minimum` and `maximum` times.
    struct Atom: Sendable {
        var set: ScalarSet
        var minimum: Int
        var maximum: Int
    }

    /// An atom of ASCII characters as a bitmap, bit n for byte n; plain
    /// data, so the byte matcher copies it without reference counting.
    struct ByteAtom: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var minimum: Int
        var maximum: Int

        func contains(byte: UInt8) -> Bool {
            byte < 64
                ? low & (1 << UInt64(byte)) != 0
                : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }
    }

    let atoms: [Atom]
    /// The atoms as bitmaps when `isByteMatchable`, else empty.
    let byteAtoms: [ByteAtom]
    let isAnchoredAtStart: Bool
    let isAnchoredAtEnd: Bool
    /// Whether matching UTF-8 bytes gives the same answer as matching
    /// Unicode scalars: true when every atom is a set of ASCII characters
    /// (not negated), so bytes of other characters match no atom at all.
    let isByteMatchable: Bool

    /// Parses `source`, or returns nil when it uses anything beyond the
    /// simple grammar.
    init?(_ source: String) {
        var scalars = Array(source.unicodeScalars)[...]
        isAnchoredAtStart = scalars.first == "^"
        if isAnchoredAtStart { scalars.removeFirst() }

        // A trailing `$` anchors unless it is escaped by an odd number of
        // backslashes.
        var isAnchoredAtEnd = false
        if scalars.last == "$" {
            let backslashes = scalars.dropLast().reversed().prefix { $0 == "\\" }.count
            if backslashes % 2 == 0 {
                isAnchoredAtEnd = true
                scalars.removeLast()
            }
        }
        self.isAnchoredAtEnd = isAnchoredAtEnd

        var atoms: [Atom] = []
        while let first = scalars.first {
            guard let set = Self.parseSet(first, rest: &scalars) else { return nil }
            guard let (minimum, maximum) = Self.parseQuantifier(&scalars) else { return nil }
            atoms.append(Atom(set: set, minimum: minimum, maximum: maximum))
        }

        // ASCII bitmaps for the byte matcher.
        isByteMatchable = atoms.allSatisfy { atom in
            !atom.set.isNegated && atom.set.ranges.allSatisfy { $0.upperBound < 0x80 }
        }
        var byteAtoms: [ByteAtom] = []
        if isByteMatchable {
            for atom in atoms {
                var byteAtom = ByteAtom(minimum: atom.minimum, maximum: atom.maximum)
                for range in atom.set.ranges {
                    for value in range {
                        if value < 64 {
                            byteAtom.low |= 1 << UInt64(value)
                        } else {
                            byteAtom.high |= 1 << UInt64(value - 64)
                        }
                    }
                }
                byteAtoms.append(byteAtom)
            }
        }
        self.atoms = atoms
        self.byteAtoms = byteAtoms
    }

    /// Whether `text` contains a match.
    func isFound(in text: String) -> Bool {
        if isByteMatchable {
            var text = text
            return text.withUTF8 { isFound(inBytes: $0) }
        }
        let scalars = text.unicodeScalars
        if isAnchoredAtStart { return matches(from: 0, at: scalars.startIndex, in: scalars) }

        var start = scalars.startIndex
        while true {
            if matches(from: 0, at: start, in: scalars) { return true }
            if start == scalars.endIndex { return false }
            scalars.formIndex(after: &start)
        }
    }

    /// Whether atoms from `atomIndex` on match at `position`, trying the
    /// longest run of each atom first and backtracking.
    private func matches(
        from atomIndex: Int,
        at position: String.UnicodeScalarView.Index,
        in scalars: String.UnicodeScalarView
    ) -> Bool {
        guard atomIndex < atoms.count else {
            return !isAnchoredAtEnd || position == scalars.endIndex
        }
        let atom = atoms[atomIndex]

        var end = position
        var count = 0
        while count < atom.maximum, end < scalars.endIndex, atom.set.contains(scalars[end]) {
            scalars.formIndex(after: &end)
            count += 1
        }
        guard count >= atom.minimum else { return false }

        while true {
            if matches(from: atomIndex + 1, at: end, in: scalars) { return true }
            if count == atom.minimum { return false }
            scalars.formIndex(before: &end)
            count -= 1
        }
    }

    private func isFound(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        byteAtoms.withUnsafeBufferPointer { atoms in
            if isAnchoredAtStart { return matches(atoms, from: 0, at: 0, in: bytes) }
            for start in 0...bytes.count where matches(atoms, from: 0, at: start, in: bytes) {
                return true
            }
            return false
        }
    }

    /// The byte version of `matches(from:at:in:)`.
    private func matches(
        _ atoms: UnsafeBufferPointer<ByteAtom>,
        from atomIndex: Int,
        at position: Int,
        in bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard atomIndex < atoms.count else {
            return !isAnchoredAtEnd || position == bytes.count
        }
        let atom = atoms[atomIndex]

        var end = position
        while end - position < atom.maximum, end < bytes.count, atom.contains(byte: bytes[end]) {
            end += 1
        }
        guard end - position >= atom.minimum else { return false }

        while true {
            if matches(atoms, from: atomIndex + 1, at: end, in: bytes) { return true }
            if end - position == atom.minimum { return false }
            end -= 1
        }
    }

    // MARK: Parsing

    /// Characters with a meaning of their own outside a class.
    private static let metacharacters: Set<Unicode.Scalar> = [
        "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}",
    ]

    /// Punctuation that may be escaped to stand for itself.
    private static let escapable: Set<Unicode.Scalar> = [
        "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "-", "/",
    ]

    private static func parseSet(
        _ first: Unicode.Scalar,
        rest: inout ArraySlice<Unicode.Scalar>
    ) -> ScalarSet? {
        if first == "[" {
            rest.removeFirst()
            return parseClass(&rest)
        }
        if first == "\\" {
            rest.removeFirst()
            guard let escaped = rest.popFirst(), escapable.contains(escaped) else { return nil }
            return ScalarSet(ranges: [escaped.value...escaped.value], isNegated: false)
        }
        guard !metacharacters.contains(first) else { return nil }
        rest.removeFirst()
        return ScalarSet(ranges: [first.value...first.value], isNegated: false)
    }

    /// Parses a class after its `[`, through its `]`.
    private static func parseClass(_ rest: inout ArraySlice<Unicode.Scalar>) -> ScalarSet? {
        var set = ScalarSet(ranges: [], isNegated: false)
        if rest.first == "^" {
            set.isNegated = true
            rest.removeFirst()
        }

        var isFirst = true
        while let scalar = rest.first {
            if scalar == "]", !isFirst {
                rest.removeFirst()
                return set
            }
            isFirst = false
            guard let low = parseClassMember(&rest) else { return nil }

            // A range `a-z`, unless the `-` is the last member.
            if rest.first == "-", rest.dropFirst().first != "]", rest.count > 1 {
                rest.removeFirst()
                guard let high = parseClassMember(&rest), low <= high else { return nil }
                set.ranges.append(low.value...high.value)
            } else {
                set.ranges.append(low.value...low.value)
            }
        }
        return nil  // no closing bracket
    }

    private static func parseClassMember(
        _ rest: inout ArraySlice<Unicode.Scalar>
    ) -> Unicode.Scalar? {
        guard let scalar = rest.popFirst() else { return nil }
        switch scalar {
        case "\\":
            guard let escaped = rest.popFirst(), escapable.contains(escaped) else { return nil }
            return escaped
        case "[", "&", "~", "]":
            // Nested classes and set operations mean different things in
            // ICU and ECMA-262; `]` first is literal in one and not the
            // other.
            return nil
        default:
            return scalar
        }
    }

    /// Parses an optional greedy quantifier; nil for a lazy or possessive
    /// one, or a malformed `{...}`.
    private static func parseQuantifier(_ rest: inout ArraySlice<Unicode.Scalar>) -> (Int, Int)? {
        let bounds: (Int, Int)
        switch rest.first {
        case "?":
            rest.removeFirst()
            bounds = (0, 1)
        case "*":
            rest.removeFirst()
            bounds = (0, Int.max)
        case "+":
            rest.removeFirst()
            bounds = (1, Int.max)
        case "{":
            guard let closing = rest.firstIndex(of: "}") else { return nil }
            let text = String(
                String.UnicodeScalarView(rest[rest.index(after: rest.startIndex)..<closing])
            )
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard
                (1...2).contains(parts.count),
                parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
                let minimum = Int(parts[0]), minimum <= 1000
            else { return nil }
            let maximum = parts.count == 1 ? minimum : (parts[1].isEmpty ? Int.max : Int(parts[1]))
            guard let maximum, maximum >= minimum, maximum == Int.max || maximum <= 1000 else {
                return nil
            }
            rest = rest[rest.index(after: closing)...]
            bounds = (minimum, maximum)
        default:
            return (1, 1)
        }
        if rest.first == "?" || rest.first == "+" || rest.first == "*" || rest.first == "{" {
            return nil
        }
        return bounds
    }
}
