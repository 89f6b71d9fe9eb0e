import Foundation
import Testing
import VennSchema

/// The schema files against the reference implementation, Python's
/// `jsonschema`, through `check_schemas.py`.
///
/// The test fails, rather than skips, when `python3` or `jsonschema` is
/// missing: a check that silently does not run proves nothing.
struct JSONSchemaAgreementTests {
    /// A record, and whether Venn's validator accepts it.
    private struct Sample: Encodable {
        var collection: String
        var fields: [String: JSONValue]
        var valid: Bool
    }

    static let id = "0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6f"

    /// Records for every collection, valid and not, including the edges
    /// where validators often differ: whole doubles as integers, null,
    /// calendar dates, offsets, unanchored and anchored patterns, lengths.
    static let records: [(String, [String: JSONValue])] = [
        ("municipality", ["number": "0301", "name": "Oslo", "county": "Oslo"]),
        ("municipality", ["number": "0301", "name": "Oslo", "county": nil]),
        ("municipality", ["number": "03012", "name": "Oslo"]),
        ("municipality", ["number": "0301", "name": ""]),
        ("municipality", ["number": "0301"]),
        (
            "working_group",
            [
                "name": "Aktivitetsvenn Bodø", "status": "active",
                "serves": ["home", "day_centre"],
                "municipalities": [.string(id)],
            ]
        ),
        ("working_group", ["name": "Aktivitetsvenn Bodø", "status": "active", "serves": []]),
        ("working_group", ["name": "Aktivitetsvenn Bodø", "status": "dormant"]),
        (
            "member",
            [
                "name": "Ola Nordmann", "roles": ["lead", "matching"],
                "email": "ola@bodo.kommune.no",
            ]
        ),
        ("member", ["name": "Ola Nordmann", "roles": ["lead", "lead"]]),
        ("member", ["name": "Ola Nordmann", "phone": "12"]),
        ("agreement", ["status": "signed", "signed_on": "2024-02-29", "leader": .string(id)]),
        ("agreement", ["status": "signed", "signed_on": "2023-02-29"]),
        ("agreement", ["status": "signed", "leader": "ola"]),
        (
            "activity_type",
            ["code": "football_memories", "label": "Fotballminner", "group_capable": true]
        ),
        ("activity_type", ["code": "Football", "label": "Fotball"]),
        ("activity_type", ["code": "walk", "label": "Turer", "group_capable": "yes"]),
        (
            "volunteer",
            [
                "name": "Kari Nordmann", "status": "ready", "birth_year": .double(1960.0),
                "phone": "+47 912 34 567", "languages": ["nb", "se"], "interests": ["walk"],
                "availability": ["mon-morning", "sun-evening"], "willing_home": true,
            ]
        ),
        ("volunteer", ["name": "Kari Nordmann", "status": "ready", "birth_year": .double(1960.5)]),
        ("volunteer", ["name": "Kari Nordmann", "status": "ready", "birth_year": 2101]),
        ("volunteer", ["name": "Kari Nordmann", "status": "ready", "phone": "+47 912 34 567 ext"]),
        ("volunteer", ["name": "Kari Nordmann", "status": "ready", "languages": ["norsk"]]),
        (
            "volunteer",
            ["name": "Kari Nordmann", "status": "ready", "interests": ["walk", "walk"]]
        ),
        ("volunteer", ["name": "Kari Nordmann", "status": "ready", "newer_field": ["kept"]]),
        // Only valid e-mail addresses: jsonschema's email check looks for an
        // "@" and nothing more, where ours also wants local@domain.tld.
        (
            "volunteer",
            ["name": "Kari Nordmann", "status": "ready", "email": "kari.nordmann@example.no"]
        ),
        (
            "course",
            ["kind": "in_person", "status": "open", "sessions": ["2025-03-04 18:00-21:00"]]
        ),
        ("course", ["kind": "in_person", "status": "open", "sessions": ["2025-03-04 18:00"]]),
        ("course", ["kind": "in_person", "status": "open", "capacity": 0]),
        (
            "course_enrolment",
            ["course": .string(id), "volunteer": .string(id), "attended_sessions": 2]
        ),
        (
            "course_enrolment",
            ["course": .string(id), "volunteer": .string(id), "attended_sessions": -1]
        ),
        (
            "followup_conversation",
            ["volunteer": .string(id), "date": "2025-03-20", "outcome": "ready"]
        ),
        ("followup_conversation", ["volunteer": .string(id), "date": "20.03.2025"]),
        (
            "person",
            [
                "name": "Per Hansen", "status": "mapped", "residence": "home",
                "practical_needs": ["transport"],
            ]
        ),
        ("person", ["name": "Per Hansen", "status": "mapped", "residence": "hospital"]),
        (
            "representative",
            ["person": .string(id), "name": "Liv Hansen", "role": "attorney", "relation": "child"]
        ),
        ("representative", ["person": .string(id), "name": "Liv Hansen", "role": nil]),
        (
            "consent",
            [
                "subject": .string(id), "purposes": ["registration", "matching"],
                "given_by": "self",
                "given_on": "2025-01-15",
            ]
        ),
        (
            "consent",
            ["subject": .string(id), "purposes": [], "given_by": "self", "given_on": "2025-01-15"]
        ),
        (
            "match",
            [
                "volunteer": .string(id), "person": .string(id), "status": "active",
                "started_on": "2025-04-01",
            ]
        ),
        ("match", ["volunteer": .string(id), "status": "active", "end_reason": "bored"]),
        (
            "match_checkin",
            [
                "match": .string(id), "date": "2025-10-01", "still_meeting": true,
                "frequency_band": "weekly",
            ]
        ),
        ("match_checkin", ["match": .string(id), "date": "2025-10-01", "still_meeting": nil]),
        (
            "group_activity",
            ["activity_type": .string(id), "schedule": ["tue-morning"], "participant_count": 8]
        ),
        ("group_activity", ["activity_type": .string(id), "schedule": ["tuesday"]]),
        (
            "gathering",
            ["date": "2025-11-12", "status": "held", "attended_count": 14, "cost": 2450.5]
        ),
        ("gathering", ["date": "2025-11-12", "status": "held", "cost": -1]),
        (
            "refund_claim",
            ["category": "food", "amount": 1200, "status": "submitted", "gathering": .string(id)]
        ),
        ("refund_claim", ["category": "food", "amount": "1200", "status": "submitted"]),
        ("refund_limit", ["category": "venue", "amount": 3000, "set_on": "2026-01-15"]),
        ("refund_limit", ["category": "gifts", "amount": 3000]),
        (
            "transition",
            [
                "subject_collection": "volunteer", "subject": .string(id), "verb": "course-done",
                "from": "enrolled", "to": "course_done", "on": "2026-10-02", "reason": "e-learning",
            ]
        ),
        ("transition", ["subject_collection": "volunteer", "subject": .string(id), "verb": "ready"]),
        (
            "message",
            [
                "channel": "sms", "audience": "active_volunteers",
                "body": "Husk samlingen på tirsdag!",
                "status": "sent", "sent_at": "2025-11-01T09:30:00+01:00",
                "delivered_to": [.string(id)],
            ]
        ),
        (
            "message",
            [
                "channel": "sms", "audience": "active_volunteers", "body": "Hei", "status": "sent",
                "sent_at": "2025-11-01T09:30:00",
            ]
        ),
        (
            "message",
            [
                "channel": "sms", "audience": "active_volunteers", "body": "Hei", "status": "sent",
                "recipients": ["kari"],
            ]
        ),
        (
            "group_stats",
            [
                "year": 2025, "computed_at": "2025-12-31T23:00:00Z", "volunteers_active": 12,
                "people_waiting": nil,
            ]
        ),
        ("group_stats", ["year": 1999, "computed_at": "2025-12-31T23:00:00Z"]),
        (
            "conflict",
            [
                "collection": "volunteer", "record_id": .string(id), "field": "phone",
                "rule": "lww",
                "values": ["+47 912 34 567", nil], "dots": ["a1:4", "b2:9"], "times": [17, 18],
                "winner": nil, "status": "decided",
            ]
        ),
        (
            "conflict",
            [
                "collection": "volunteer", "record_id": .string(id), "field": "phone",
                "rule": "lww",
                "values": [1], "dots": ["a1"], "times": [.double(1.5), 2], "status": "decided",
            ]
        ),
        (
            "conflict",
            [
                "collection": "volunteer", "record_id": .string(id), "field": "phone",
                "rule": "newest",
                "values": [1, 2], "dots": ["a1:1", "b:2"], "times": [1, 2], "status": "open",
            ]
        ),
    ]

    @Test func everySchemaIsValidAndJSONSchemaAgreesOnTheSamples() throws {
        let schemas = SchemaSet.embedded
        let samples = Self.records.map { collection, fields in
            Sample(
                collection: collection,
                fields: fields,
                valid: schemas.validate(collection: collection, id: Self.id, fields: fields).isEmpty
            )
        }
        // The samples only prove agreement if both verdicts occur.
        #expect(samples.contains { $0.valid } && samples.contains { !$0.valid })
        #expect(Set(samples.map(\.collection)) == Set(schemas.collections.keys))

        let directory = FileManager.default.temporaryDirectory.appending(
            path: "venn-schema-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let samplesFile = directory.appending(path: "samples.json")
        try JSONEncoder().encode(samples).write(to: samplesFile)

        let script = Fixtures.packageRoot.appending(path: "Tests/VennSchemaTests/check_schemas.py")
        let (status, output) = try Self.run(
            "python3",
            [script.path(), Fixtures.recordsDirectory.path(), samplesFile.path()]
        )

        #expect(status == 0, "check_schemas.py failed:\n\(output)")
        #expect(
            output.contains("22 schemas, \(samples.count) samples checked, 0 problems"),
            "\(output)"
        )
    }

    @Test func theCheckerRejectsASchemaThatIsNotJSONSchema() throws {
        let directory = FileManager.default.temporaryDirectory
            .appending(path: "venn-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = #"{"type": "object", "properties": {"name": {"type": "text"}}}"#
        try Data(broken.utf8).write(to: directory.appending(path: "broken.json"))

        let script = Fixtures.packageRoot.appending(path: "Tests/VennSchemaTests/check_schemas.py")
        let (status, output) = try Self.run("python3", [script.path(), directory.path()])

        #expect(status == 1)
        #expect(output.contains("broken.json"), "\(output)")
    }

    /// Runs a program found on `PATH`; returns its exit status and its
    /// standard output and error together.
    private static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe

        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
