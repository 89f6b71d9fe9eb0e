import Foundation
import Testing
@testable import VennSchema

/// The schema files shipped in `Schemas/records` and embedded in the build.
struct EmbeddedSchemaSetTests {
    static let expectedCollections = [
        "activity_type", "agreement", "conflict", "consent", "course", "course_enrolment",
        "followup_conversation", "gathering", "group_activity", "group_stats", "match",
        "match_checkin", "member", "message", "municipality", "person", "refund_claim",
        "refund_limit", "representative", "transition", "volunteer", "working_group",
    ]

    @Test func loadsEveryCollectionAtTheShippedVersion() {
        let schemas = SchemaSet.embedded

        #expect(schemas.version == 2)
        #expect(schemas.collections.keys.sorted() == Self.expectedCollections)
        #expect(schemas.sortedCollections.map(\.name) == Self.expectedCollections)
    }

    @Test func embedsExactlyTheFilesOnDisk() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.recordsDirectory.path()
        )
        .filter { $0.hasSuffix(".json") }
        .sorted()
        #expect(EmbeddedSchemas.files.map(\.name) == names)

        for file in EmbeddedSchemas.files {
            let embedded = try #require(Data(base64Encoded: file.base64))
            let onDisk = try Data(contentsOf: Fixtures.recordsDirectory.appending(path: file.name))
            #expect(embedded == onDisk, "\(file.name) differs from the embedded copy; rebuild")
        }

        let version = try String(
            contentsOf: Fixtures.packageRoot.appending(path: "Schemas/VERSION"),
            encoding: .utf8
        )
        #expect(
            Int(version.trimmingCharacters(in: .whitespacesAndNewlines)) == EmbeddedSchemas.version
        )
    }

    @Test func keepsFieldsInFileOrder() throws {
        let volunteer = try #require(SchemaSet.embedded.collection(named: "volunteer"))
        let names = volunteer.fields.map(\.name)

        #expect(names.prefix(5) == ["name", "birth_year", "phone", "email", "area"])
        #expect(names.last == "status")
    }

    @Test func sealsPersonalAndHealthFieldsWithLwwOrManualOnly() {
        for collection in SchemaSet.embedded.sortedCollections {
            for field in collection.fields where field.sensitivity.isSealed {
                #expect(
                    field.merge == .lww || field.merge == .manual,
                    "\(collection.name).\(field.name) is sealed but merges by \(field.merge)"
                )
            }
        }
    }

    @Test func labelsAndExplainsEveryCollectionAndFieldInEnglishAndBokmal() {
        for collection in SchemaSet.embedded.sortedCollections {
            for language in ["en", "nb"] {
                #expect(
                    !(collection.labels[language] ?? "").isEmpty,
                    "\(collection.name): no \(language) label"
                )
                #expect(
                    !(collection.help[language] ?? "").isEmpty,
                    "\(collection.name): no \(language) help"
                )
                for field in collection.fields {
                    let name = "\(collection.name).\(field.name)"
                    #expect(
                        !(field.labels[language] ?? "").isEmpty,
                        "\(name): no \(language) label"
                    )
                    #expect(!(field.help[language] ?? "").isEmpty, "\(name): no \(language) help")
                }
            }
        }
    }

    @Test func listsThreeToSixColumnsPerCollection() {
        for collection in SchemaSet.embedded.sortedCollections {
            #expect((3...6).contains(collection.listColumns.count), "\(collection.name)")
        }
    }

    /// Statuses move forward when two laptops moved a record at once; a
    /// match's status waits for a person, since starting and declining a
    /// pair are decisions people make.
    @Test func keepsEveryStatusOrganisationalAndMovingForwardOrWaitingForAPerson() {
        for collection in SchemaSet.embedded.sortedCollections {
            guard let status = collection.field(named: "status") else { continue }
            #expect(status.merge == (collection.name == "match" ? .manual : .forward), "\(collection.name)")
            #expect(status.sensitivity == .org, "\(collection.name)")
            #expect(status.string.allowed != nil, "\(collection.name)")
        }
    }

    @Test(arguments: [
        (
            "volunteer",
            [
                "interested", "enrolled", "course_done", "ready", "proposed", "active", "paused",
                "ended", "withdrawn", "not_proceeding",
            ]
        ),
        ("person", ["referred", "consented", "mapped", "proposed", "matched", "paused", "closed"]),
        ("match", ["proposed", "active", "paused", "ended", "declined"]),
        (
            "agreement",
            ["draft", "signed", "anchored", "sent", "registered", "under_review", "terminated"]
        ),
        ("course", ["planned", "open", "held", "closed", "cancelled"]),
        ("gathering", ["planned", "open", "held", "closed", "cancelled"]),
        ("refund_claim", ["draft", "submitted", "approved", "paid", "returned"]),
        ("conflict", ["open", "decided", "resolved"]),
    ])
    func ordersStatusesAsTheStatusMachine(collection: String, statuses: [String]) throws {
        let schema = try #require(SchemaSet.embedded.collection(named: collection))
        #expect(schema.field(named: "status")?.string.allowed == statuses)
    }

    @Test(arguments: [
        ("municipality", Sensitivity.org), ("working_group", .org), ("member", .contact),
        ("agreement", .org),
        ("activity_type", .org), ("volunteer", .personal), ("course", .org),
        ("course_enrolment", .personal),
        ("followup_conversation", .personal), ("person", .health), ("representative", .health),
        ("consent", .health), ("match", .health), ("match_checkin", .health),
        ("group_activity", .org),
        ("gathering", .org), ("refund_claim", .org), ("refund_limit", .org), ("message", .personal),
        ("group_stats", .org), ("conflict", .org), ("transition", .personal),
    ])
    func declaresTheDomainSensitivity(collection: String, sensitivity: Sensitivity) throws {
        let schema = try #require(SchemaSet.embedded.collection(named: collection))
        #expect(schema.sensitivity == sensitivity)
    }

    @Test func sealsTheConflictLedgersCopiesOfValues() throws {
        let conflict = try #require(SchemaSet.embedded.collection(named: "conflict"))

        #expect(conflict.isSystem)
        #expect(conflict.field(named: "values")?.sensitivity == .health)
        #expect(conflict.field(named: "values")?.itemKind == .any)
        #expect(conflict.field(named: "winner")?.sensitivity == .health)
        #expect(conflict.field(named: "winner")?.kind == .any)
        #expect(conflict.field(named: "times")?.itemKind == .integer)
        #expect(conflict.field(named: "dots")?.sensitivity == .org)
    }

    @Test func storesNoForbiddenKindOfData() {
        let forbidden = [
            "diagnos", "national_id", "personnummer", "fodselsnummer", "police", "health_note",
            "notes",
        ]
        for collection in SchemaSet.embedded.sortedCollections {
            for field in collection.fields {
                for word in forbidden {
                    #expect(!field.name.contains(word), "\(collection.name).\(field.name)")
                }
            }
        }
    }

    @Test func pointsEveryReferenceAtAnIdField() {
        for collection in SchemaSet.embedded.sortedCollections {
            for field in collection.fields where field.reference != nil {
                #expect(field.string.format == .uuid, "\(collection.name).\(field.name)")
            }
        }
    }

    @Test func runsEveryEmbeddedPatternOnTheBuiltInMatcher() throws {
        for collection in SchemaSet.embedded.sortedCollections {
            for field in collection.fields {
                guard let source = field.string.pattern else { continue }
                #expect(
                    try SchemaPattern(source).isSimple,
                    "\(collection.name).\(field.name): \(source)"
                )
            }
        }
    }
}
