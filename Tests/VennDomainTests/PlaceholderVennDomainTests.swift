import Testing
@testable import VennDomain

@Test func placeholder() { #expect(Bool(true)) }
