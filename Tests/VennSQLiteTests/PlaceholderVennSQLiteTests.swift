import Testing
@testable import VennSQLite

@Test func placeholder() { #expect(Bool(true)) }
