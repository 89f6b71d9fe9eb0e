import Testing
import VennSQLite

struct SQLiteValueTests {
    @Test(arguments: [
        (42, SQLiteValue.integer(42)),
        (-1.5, .real(-1.5)),
        ("tekst", .text("tekst")),
        (true, .integer(1)),
        (false, .integer(0)),
    ] as [(SQLiteValue, SQLiteValue)])
    func literalsMakeTheMatchingCase(literal: SQLiteValue, expected: SQLiteValue) {
        #expect(literal == expected)
    }

    @Test func initializersMakeTheMatchingCase() {
        #expect(SQLiteValue(Int.max) == .integer(Int64(Int.max)))
        #expect(SQLiteValue(true) == .integer(1))
        #expect(SQLiteValue("x" as String?) == .text("x"))
        #expect(SQLiteValue(nil as String?) == .null)
    }

    @Test func accessorsAnswerOnlyForTheirCase() {
        let values: [SQLiteValue] = [.null, .integer(3), .real(0.5), .text("t"), .blob([9])]
        #expect(values.map(\.isNull) == [true, false, false, false, false])
        #expect(values.map(\.int64Value) == [nil, 3, nil, nil, nil])
        #expect(values.map(\.doubleValue) == [nil, 3, 0.5, nil, nil])
        #expect(values.map(\.boolValue) == [nil, true, nil, nil, nil])
        #expect(values.map(\.textValue) == [nil, nil, nil, "t", nil])
        #expect(values.map(\.blobValue) == [nil, nil, nil, nil, [9]])
    }
}
