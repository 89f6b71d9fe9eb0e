import Testing
@testable import VennSync

@Test func placeholder() { #expect(Bool(true)) }
