import Testing
@testable import VennServer

@Test func placeholder() { #expect(Bool(true)) }
