import Foundation
import Testing
@testable import VennSchema

/// The JSON parser against Foundation's, on valid and invalid text.
struct JSONParserTests {
    static let valid: [String] = [
        #"null"#, #"true"#, #"false"#, #"0"#, #"-0"#, #"42"#, #"-9223372036854775808"#,
        #"9223372036854775807"#, #"1.5"#, #"-2.5e3"#, #"1E-2"#, #"9223372036854775808"#,
        #""""#, #""plain""#, #""æøå ÆØÅ""#, #""tab\tquote\"slash\/back\\""#, #""\u00e6\u00F8""#,
        #""\ud83d\ude00 smile""#, #"[]"#, #"{}"#, #"[1, "a", null, [true], {"k": false}]"#,
        #" { "c" : "volunteer" , "vv" : { "abc" : 3 } , "f" : { "name" : [ [ "abc", 1, 2, "Kari" ] ] } } "#,
    ]

    static let invalid: [String] = [
        "", " ", "nul", "tru", "01", "1.", ".5", "1e", "-", "+1", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}",
        "{1:2}", "\"unterminated", "\"bad \\x escape\"", "\"lone \\ud800\"", "[1] 2", "\"tab\tinside\"",
        "NaN", "[", "{\"a\":",
    ]

    @Test(arguments: valid)
    func parsesWhatFoundationParses(text: String) throws {
        let parsed = try JSONValue(parsing: Data(text.utf8))
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        // Foundation reads a whole number written with an exponent as an
        // integer; this parser keeps it a double. Compare numbers by value.
        #expect(Self.numeric(parsed) == Self.numeric(foundation), "\(parsed.canonicalText)")
    }

    static func numeric(_ value: JSONValue) -> JSONValue {
        switch value {
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: .int(Int64(number))
        case .array(let elements): .array(elements.map(numeric))
        case .object(let members): .object(members.mapValues(numeric))
        default: value
        }
    }

    @Test(arguments: invalid)
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data(text.utf8)) }
    }

    @Test func keepsIntegersAndDoublesApart() throws {
        #expect(try JSONValue(parsing: Data("[7, 7.5, 1e2]".utf8)) == [.int(7), .double(7.5), .double(100)])
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1)
            + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data(deep.utf8)) }
    }

    @Test func roundTripsThroughCanonicalText() throws {
        for text in Self.valid {
            let value = try JSONValue(parsing: Data(text.utf8))
            #expect(try JSONValue(parsing: Data(value.canonicalText.utf8)) == value)
        }
    }
}

/// Parsing text held in a string, whole or keeping some members.
struct JSONStringParsingTests {
    @Test(arguments: JSONParserTests.valid)
    func parsesAStringAsItsBytes(text: String) throws {
        #expect(try JSONValue(parsing: text) == JSONValue(parsing: Data(text.utf8)))
    }

    @Test(arguments: JSONParserTests.invalid)
    func refusesAStringThatIsNotJSON(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text, keepingMembers: ["a"]) }
    }

    static let record = #"""
        {"name": "Kari \"K\" Nordmann", "st\u0061tus": "ready", "tags": ["a", {"name": 1}, [null, true]],
         "nested": {"status": "inner", "n": -2.5e3}, "age": 81, "note": "\ud83d\ude00 \\ \/", "empty": {},
         "none": [], "flag": false, "gone": null}
        """#

    @Test(arguments: [
        ["name"], ["status"], ["name", "status", "age"], ["nested", "tags"], ["missing"], [],
        ["note", "empty", "none", "flag", "gone"],
    ])
    func keepsTheNamedMembersOfTheOutermostObject(names: [String]) throws {
        let whole = try #require(try JSONValue(parsing: Self.record).objectValue)
        let kept = try JSONValue(parsing: Self.record, keepingMembers: names)
        #expect(kept == .object(whole.filter { names.contains($0.key) }))
    }

    @Test(arguments: [
        #"{"a": 1, "b": [1,]}"#, #"{"a": 1, "b": {"c" 1}}"#, #"{"b": "\x", "a": 1}"#, #"{"b": 01, "a": 1}"#,
        "{\"b\": \"tab\tin\", \"a\": 1}", #"{"b\x": 1}"#, #"{"b": tru}"#, #"{"b": 1e999}"#, #"{"b": "open}"#,
    ])
    func checksTheMembersItLeavesOut(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text, keepingMembers: ["a"]) }
    }

    @Test func parsesTextThatIsNotAnObjectWhole() throws {
        #expect(try JSONValue(parsing: #"[{"a": 1, "b": 2}]"#, keepingMembers: ["a"]) == [["a": 1, "b": 2]])
    }
}
