import Testing
@testable import VennHTTP

@Test func placeholder() { #expect(Bool(true)) }
