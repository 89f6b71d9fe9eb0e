import VennSchema

/// Collections built by hand, shaped like the real schemas.
enum Fixtures {
    static let volunteer = CollectionSchema(
        name: "volunteer",
        sensitivity: .personal,
        fields: [
            FieldSchema(
                name: "name",
                kind: .string,
                string: .init(minLength: 1),
                labels: ["en": "Name", "nb": "Navn"],
                help: ["en": "Full name", "nb": "Fullt navn"]
            ),
            FieldSchema(
                name: "birth_year",
                kind: .integer,
                isNullable: true,
                minimum: 1900,
                labels: ["en": "Birth year", "nb": "Fødselsår"]
            ),
            FieldSchema(
                name: "phone",
                kind: .string,
                isNullable: true,
                labels: ["en": "Phone", "nb": "Telefon"]
            ),
            FieldSchema(
                name: "email",
                kind: .string,
                isNullable: true,
                string: .init(format: .email),
                labels: ["en": "E-mail", "nb": "E-post"]
            ),
            FieldSchema(
                name: "is_minor",
                kind: .boolean,
                defaultValue: .bool(false),
                labels: ["en": "Under 18", "nb": "Under 18 år"],
                help: ["en": "Needs a guardian's consent", "nb": "Trenger samtykke fra foresatte"]
            ),
            FieldSchema(
                name: "interests",
                kind: .array,
                merge: .union,
                labels: ["en": "Interests", "nb": "Interesser"]
            ),
            FieldSchema(
                name: "languages",
                kind: .array,
                string: .init(allowed: ["norsk", "engelsk", "arabisk"]),
                merge: .union,
                labels: ["en": "Languages", "nb": "Språk"]
            ),
            FieldSchema(
                name: "travel_km",
                kind: .number,
                isNullable: true,
                labels: ["en": "Travel distance (km)", "nb": "Reiseavstand (km)"]
            ),
            FieldSchema(
                name: "pledge_signed",
                kind: .string,
                isNullable: true,
                string: .init(format: .date),
                labels: ["en": "Pledge signed", "nb": "Taushetsløfte signert"]
            ),
            FieldSchema(
                name: "contact_member",
                kind: .string,
                isNullable: true,
                string: .init(format: .uuid),
                reference: "member",
                labels: ["en": "Contact person", "nb": "Kontaktperson"]
            ),
            FieldSchema(
                name: "status",
                kind: .string,
                string: .init(allowed: ["interested", "enrolled", "course_done", "ready"]),
                merge: .forward,
                defaultValue: .string("interested"),
                labels: ["en": "Status", "nb": "Status"]
            ),
        ],
        required: ["name", "status"],
        listColumns: ["name", "status", "phone"],
        labels: ["en": "Volunteer", "nb": "Frivillig"],
        help: ["en": "A trained activity friend", "nb": "En kurset aktivitetsvenn"]
    )

    static let conflict = CollectionSchema(
        name: "conflict",
        sensitivity: .org,
        fields: [
            FieldSchema(name: "field", kind: .string, labels: ["en": "Field", "nb": "Felt"]),
        ],
        isSystem: true,
        labels: ["en": "Conflict", "nb": "Konflikt"]
    )

    static let match = CollectionSchema(
        name: "match",
        sensitivity: .health,
        fields: [
            FieldSchema(name: "status", kind: .string, labels: ["en": "Status", "nb": "Status"]),
        ],
        labels: ["en": "Match", "nb": "Kobling"],
        help: ["en": "A volunteer paired with a person", "nb": "En frivillig koblet med en person"]
    )

    static let collections = [volunteer, match, conflict]
}
