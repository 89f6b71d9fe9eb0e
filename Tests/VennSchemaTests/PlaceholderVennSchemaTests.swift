import Testing
@testable import VennSchema

@Test func placeholder() { #expect(Bool(true)) }
