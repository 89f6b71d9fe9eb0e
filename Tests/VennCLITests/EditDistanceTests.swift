import Testing
@testable import VennCLI

struct EditDistanceTests {
    @Test(arguments: [
        ("", "", 0), ("a", "", 1), ("", "abc", 3), ("kitten", "sitting", 3),
        ("birth-yaer", "birth-year", 1), ("jsn", "json", 1), ("fødselsår", "fodselsar", 2),
    ] as [(String, String, Int)])
    func countsEdits(source: String, target: String, expected: Int) {
        #expect(EditDistance.distance(source, target) == expected)
        #expect(EditDistance.distance(target, source) == expected)
    }

    @Test(arguments: [
        ("lst", ["list", "show", "add"], "list"),
        ("ad", ["init", "add", "edit"], "add"),
        ("LIST", ["list"], "list"),
        ("intrests", ["interests", "is-minor"], "interests"),
        ("xyz", ["list", "show"], nil),
        ("delete-everything", ["delete"], nil),
    ] as [(String, [String], String?)])
    func suggestsOnlyCloseWords(word: String, candidates: [String], expected: String?) {
        #expect(EditDistance.closest(to: word, among: candidates) == expected)
    }
}
