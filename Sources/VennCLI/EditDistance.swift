/// Edit distances between short words, to suggest what someone meant.
public enum EditDistance {
    /// The number of single-character insertions, deletions, substitutions
    /// and swaps of neighbours that turn `source` into `target` (optimal
    /// string alignment distance), comparing Characters.
    public static func distance(_ source: String, _ target: String) -> Int {
        let a = Array(source)
        let b = Array(target)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }

        // Three rows: the one before the previous is needed for swaps.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, if it is close enough to be a likely
    /// typing mistake; the first in `candidates` wins a tie.
    ///
    /// Close enough means at most a third of the word's length, and at least
    /// one edit, at most three. Case is ignored.
    public static func closest(
        to word: String,
        among candidates: some Sequence<String>
    ) -> String? {
        let typed = word.lowercased()
        let limit = min(3, max(1, typed.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(typed, candidate.lowercased())
            if distance <= limit, distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }
}
