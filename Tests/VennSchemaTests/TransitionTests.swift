import Foundation
import Testing
import VennSchema

/// `x-transitions`: a collection's status machine, declared in its schema.
struct TransitionTests {
    static let properties = """
        "status": {"type": "string", "enum": ["draft", "sent", "done", "dropped"], "x-merge": "forward"},
        "sent_on": {"type": ["string", "null"], "format": "date", "x-merge": "lww"},
        "why": {"type": ["string", "null"], "enum": ["late", "other", null], "x-merge": "lww"},
        "note": {"type": ["string", "null"], "x-merge": "lww"}
        """

    static func load(_ transitions: String) throws -> CollectionSchema {
        let file = Fixtures.schemaFile("sample", properties: properties, extra: #""x-transitions": \#(transitions),"#)
        let schemas = try SchemaSet(version: 1, files: [file])
        return try #require(schemas.collections["sample"])
    }

    @Test func readsMovesInDeclarationOrder() throws {
        let collection = try Self.load("""
            {
              "send": {"from": ["draft"], "to": "sent", "stamp": "sent_on",
                       "x-help": {"en": "Send it", "nb": "Send den"}},
              "drop": {"from": ["draft", "sent"], "to": "dropped", "reason": "why"},
              "finish": {"from": ["sent"], "to": "done", "reason": true}
            }
            """)

        #expect(collection.transitions.map(\.verb) == ["send", "drop", "finish"])
        let send = try #require(collection.transition(named: "send"))
        #expect(send.from == ["draft"])
        #expect(send.to == "sent")
        #expect(send.stamp == "sent_on")
        #expect(!send.needsReason)
        #expect(send.help(in: "nb") == "Send den")
        let drop = try #require(collection.transition(named: "drop"))
        #expect(drop.needsReason)
        #expect(drop.reasonField == "why")
        #expect(collection.transition(named: "finish")?.needsReason == true)
    }

    @Test(arguments: [
        #"{"send": {"from": ["draft"], "to": "gone"}}"#,
        #"{"send": {"from": ["nowhere"], "to": "sent"}}"#,
        #"{"send": {"from": [], "to": "sent"}}"#,
        #"{"send": {"from": ["sent"], "to": "sent"}}"#,
        #"{"send": {"from": ["draft"], "to": "sent", "stamp": "note"}}"#,
        #"{"send": {"from": ["draft"], "to": "sent", "reason": "note"}}"#,
        #"{"send": {"from": ["draft"], "to": "sent", "reason": 3}}"#,
        #"{"send": {"from": ["draft"], "to": "sent", "after": "x"}}"#,
        #"{"Send": {"from": ["draft"], "to": "sent"}}"#,
        #"["send"]"#,
    ])
    func refusesABrokenMachine(transitions: String) {
        #expect(throws: SchemaLoadError.self) { try Self.load(transitions) }
    }

    @Test func everyShippedMoveStartsAndEndsInItsCollectionsStatuses() throws {
        let withMachines = SchemaSet.embedded.collections.values.filter { !$0.transitions.isEmpty }
        #expect(Set(withMachines.map(\.name)) == [
            "volunteer", "person", "match", "agreement", "course", "gathering", "refund_claim",
        ])
        for collection in withMachines {
            let statuses = try #require(collection.field(named: "status")?.string.allowed)
            for move in collection.transitions {
                #expect(statuses.contains(move.to))
                #expect(move.from.allSatisfy(statuses.contains))
                #expect(!move.help(in: "en").isEmpty && !move.help(in: "nb").isEmpty, "\(move.verb) needs help")
            }
        }
    }
}
