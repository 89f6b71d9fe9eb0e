import Testing
import VennSchema

/// `FieldSchema.Format.isValid(_:)`.
struct FormatTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-28", true), ("2000-02-29", true), ("1999-12-31", true),
        ("2023-02-29", false), ("1900-02-29", false), ("2024-04-31", false), ("2024-00-10", false),
        ("2024-13-01", false), ("2024-01-00", false), ("2024-1-01", false), ("24-01-01", false),
        ("2024/01/01", false), ("2024-01-01T00:00:00Z", false), ("0000-01-01", false), ("", false),
        ("２０２４-01-01", false),
    ])
    func acceptsOnlyRealCalendarDates(text: String, isValid: Bool) {
        #expect(FieldSchema.Format.date.isValid(text) == isValid)
    }

    @Test(arguments: [
        ("2024-05-17T10:15:00Z", true), ("2024-05-17t10:15:00z", true),
        ("2024-05-17T10:15:00+02:00", true),
        ("2024-05-17T10:15:00.123456-05:30", true), ("2024-12-31T23:59:60Z", true),
        ("2024-05-17T10:15:00", false), ("2024-05-17 10:15:00Z", false),
        ("2024-05-17T24:00:00Z", false),
        ("2024-05-17T10:60:00Z", false), ("2024-05-17T10:15Z", false),
        ("2024-05-17T10:15:00.Z", false),
        ("2024-05-17T10:15:00+0200", false), ("2024-05-17T10:15:00+24:00", false),
        ("2024-02-30T10:15:00Z", false), ("2024-05-17T10:15:00Z ", false),
    ])
    func acceptsRFC3339DateTimesWithAnOffset(text: String, isValid: Bool) {
        #expect(FieldSchema.Format.dateTime.isValid(text) == isValid)
    }

    @Test(arguments: [
        ("kari@example.no", true), ("kari.nordmann+venn@mail.example.no", true),
        ("ola@bø.no", true),
        ("o'brien@example.co.uk", true), ("kari@localhost", false), ("kari@example", false),
        ("@example.no", false), ("kari@", false), ("kari nordmann@example.no", false),
        ("kari@exa mple.no", false), ("kari@@example.no", false), ("kari@example..no", false),
        ("kari@-example.no", false), ("kari@example.123", false), ("kari@example.n", false),
    ])
    func acceptsSimpleEmailAddresses(text: String, isValid: Bool) {
        #expect(FieldSchema.Format.email.isValid(text) == isValid)
    }

    @Test(arguments: [
        ("0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6f", true),
        ("0190B6E2-5C1A-7D3E-9F00-1A2B3C4D5E6F", true),
        ("00000000-0000-0000-0000-000000000000", true), ("0190b6e25c1a7d3e9f001a2b3c4d5e6f", false),
        ("0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6", false),
        ("0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6g", false),
        ("{0190b6e2-5c1a-7d3e-9f00-1a2b3c4d5e6f}", false),
        ("0190b6e2_5c1a_7d3e_9f00_1a2b3c4d5e6f", false),
    ])
    func acceptsHyphenatedHexUUIDs(text: String, isValid: Bool) {
        #expect(FieldSchema.Format.uuid.isValid(text) == isValid)
    }
}
