import Testing
@testable import VennSyncClient

@Test func placeholder() { #expect(Bool(true)) }
