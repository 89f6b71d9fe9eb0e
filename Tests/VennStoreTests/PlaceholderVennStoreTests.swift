import Testing
@testable import VennStore

@Test func placeholder() { #expect(Bool(true)) }
