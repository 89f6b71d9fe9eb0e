import Testing
@testable import VennSchema

/// The order-preserving JSON parser for schema files.
struct SchemaNodeTests {
    @Test func keepsObjectMembersInTheirWrittenOrder() throws {
        let node = try SchemaNode(
            parsing: Array(#"{"zeta": 1, "alpha": 2, "mid": {"b": 1, "a": 2}}"#.utf8)
        )

        guard case .object(let members) = node, case .object(let inner)? = node["mid"] else {
            Issue.record("expected objects")
            return
        }
        #expect(members.map(\.key) == ["zeta", "alpha", "mid"])
        #expect(inner.map(\.key) == ["b", "a"])
    }

    @Test func readsEveryKindOfValue() throws {
        let text =
            #"[null, true, false, 0, -12, 1.5, 2e3, "tab\tquote\" \u00e6 \ud83d\ude42", [], {}]"#
        let node = try SchemaNode(parsing: Array(text.utf8))

        #expect(
            node.jsonValue == [nil, true, false, 0, -12, 1.5, 2000.0, "tab\tquote\" æ 🙂", [], [:]]
        )
    }

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, 1, 10), ("[1,\n 2,,]", 2, 4), ("01", 1, 2), (#""\ud83d""#, 1, 8),
        ("{\"a\":\n\n  tru}", 3, 3), ("\"a\u{01}\"", 1, 3), ("", 1, 1),
    ])
    func pointsAtTheLineAndColumnOfAMistake(text: String, line: Int, column: Int) {
        #expect {
            try SchemaNode(parsing: Array(text.utf8))
        } throws: { error in
            let error = error as? SchemaSyntaxError
            return error?.line == line && error?.column == column
        }
    }

    @Test func refusesDeepNesting() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: SchemaSyntaxError.self) { try SchemaNode(parsing: Array(text.utf8)) }
    }
}
