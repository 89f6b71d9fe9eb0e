import Foundation
import Testing
@testable import VennSchema

/// `SchemaPattern`: the built-in matcher and its `NSRegularExpression`
/// fallback.
struct SchemaPatternTests {
    static let simplePatterns = [
        "^[0-9]{4}$", #"^\+?[0-9 ]{8,15}$"#, "^[a-z0-9_-]+$", "^[a-z]{2,3}$",
        "^[A-Za-z0-9_-]+:[0-9]+$",
        "[0-9]", "ab*c", "^a?b+$", "x{2,}", "^[^ ]+$", #"^\.\$$"#, "$", "^", "^$", "[-a]z", "é+",
        "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$",
    ]

    static let inputs = [
        "", "0301", "301", "03011", "+47 912 34 567", "912", "+4791234567", "walk", "Walk",
        "walk_2",
        "nb", "eng", "abcd", "r1:42", "r1:", "abbbc", "ac", "abc\n", "0301\n", "b", "abbb", "xx",
        "x",
        "x y", ".$", "-z", "az", "ééé", "e\u{301}", "2025-03-04 18:00-21:00",
        "2025-03-04 18:00-21:0",
        "١٢٣٤", "a\u{2028}b", "🙂🙂",
    ]

    @Test(arguments: simplePatterns)
    func agreesWithNSRegularExpression(pattern source: String) throws {
        let simple = try SchemaPattern(source)
        let regex = try SchemaPattern(forcingRegex: source)
        #expect(simple.isSimple)

        for input in Self.inputs {
            #expect(
                simple.isFound(in: input) == regex.isFound(in: input),
                "\(source) on \(input.debugDescription)"
            )
        }
    }

    @Test(arguments: [
        #"\d+"#, "a|b", "(ab)+", "a.c", "a+?", "[[a]]", "[a&&b]", #"\w"#, "a(?=b)", "[]a]",
    ])
    func leavesOtherSyntaxToNSRegularExpression(pattern source: String) throws {
        #expect(try !SchemaPattern(source).isSimple)
    }

    @Test func searchesAnywhereUnlessAnchored() throws {
        let digits = try SchemaPattern("[0-9]{2}")

        #expect(digits.isFound(in: "room 42b"))
        #expect(!digits.isFound(in: "room 4b"))
    }

    @Test func matchesDollarOnlyAtTheVeryEndInEitherEngine() throws {
        #expect(try !SchemaPattern("^a$").isFound(in: "a\n"))
        #expect(try !SchemaPattern("^(a)$").isFound(in: "a\n"))
        #expect(try SchemaPattern("^(a)$").isFound(in: "a"))
        #expect(try SchemaPattern("^[$]$").isFound(in: "$"))
    }

    @Test func findsTheEmptyPatternInAnyString() throws {
        let empty = try SchemaPattern("")

        #expect(empty.isSimple)
        #expect(empty.isFound(in: ""))
        #expect(empty.isFound(in: "anything"))
    }

    @Test func refusesAnInvalidExpression() {
        #expect(throws: (any Error).self) { try SchemaPattern("(a") }
    }
}
