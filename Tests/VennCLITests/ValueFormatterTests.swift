import Testing
import VennSchema
@testable import VennCLI

struct ValueFormatterTests {
    @Test(arguments: [
        (JSONValue.null, "", ""),
        (.bool(true), "yes", "ja"),
        (.bool(false), "no", "nei"),
        (.int(1950), "1950", "1950"),
        (.int(-4), "-4", "-4"),
        (.double(12.5), "12.5", "12,5"),
        (.double(3), "3", "3"),
        (.string("Kari Nordmann"), "Kari Nordmann", "Kari Nordmann"),
        (.array([]), "", ""),
        (.array([.string("tur"), .string("musikk")]), "tur, musikk", "tur, musikk"),
        (.array([.bool(true), .null, .int(2)]), "yes, , 2", "ja, , 2"),
        (.array([.array([.int(1), .int(2)]), .int(3)]), "[1, 2], 3", "[1, 2], 3"),
        (.object(["b": .int(1), "a": .string("x")]), "{\"a\":\"x\",\"b\":1}", "{\"a\":\"x\",\"b\":1}"),
    ] as [(JSONValue, String, String)])
    func formatsValuesForPeople(value: JSONValue, english: String, bokmal: String) {
        #expect(ValueFormatter(language: .english).text(for: value) == english)
        #expect(ValueFormatter(language: .bokmal).text(for: value) == bokmal)
    }
}
