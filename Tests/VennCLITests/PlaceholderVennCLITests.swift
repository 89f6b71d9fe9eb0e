import Testing
@testable import VennCLI

@Test func placeholder() { #expect(Bool(true)) }
