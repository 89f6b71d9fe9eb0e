import Testing
import VennSQLite

struct RowTests {
    private static func fetchRow(_ sql: String) throws -> Row {
        let db = try Database(path: ":memory:")
        defer { try? db.close() }
        return try #require(try db.query(sql: sql).first)
    }

    @Test func valuesAreFoundByIndexAndByName() throws {
        let row = try Self.fetchRow("SELECT 7 AS id, 'Kari' AS name, NULL AS phone")
        #expect(row.count == 3)
        #expect(row.columnNames == ["id", "name", "phone"])
        #expect(row[0] == 7)
        #expect(row[1] == "Kari")
        #expect(row["id"] == 7)
        #expect(row["name"] == "Kari")
        #expect(row["phone"] == .null)
    }

    @Test(arguments: ["name", "NAME", "Name"])
    func namesIgnoreASCIICase(spelling: String) throws {
        let row = try Self.fetchRow("SELECT 'Kari' AS name")
        #expect(row[spelling] == "Kari")
    }

    @Test func theFirstOfTwoEqualNamesWins() throws {
        let row = try Self.fetchRow("SELECT 1 AS n, 2 AS N")
        #expect(row["n"] == 1)
        #expect(row.index(ofColumn: "N") == 0)
        #expect(row.index(ofColumn: "missing") == nil)
    }

    @Test func typedHelpersReturnNilForNullOrAnotherType() throws {
        let row = try Self.fetchRow("""
            SELECT 5 AS count, 2.5 AS ratio, 'ja' AS answer, x'01' AS key, NULL AS absent, 1 AS flag
            """)
        #expect(row.int64("count") == 5)
        #expect(row.double("ratio") == 2.5)
        #expect(row.double("count") == 5)
        #expect(row.text("answer") == "ja")
        #expect(row.blob("key") == [1])
        #expect(row.bool("flag") == true)

        #expect(row.int64("absent") == nil)
        #expect(row.text("absent") == nil)
        #expect(row.int64("answer") == nil)
        #expect(row.text("count") == nil)
        #expect(row.blob("answer") == nil)
    }

    @Test func rowsCompareByNamesAndValues() throws {
        let fetched = try Self.fetchRow("SELECT 1 AS a, 'b' AS b")
        #expect(fetched == Row(columnNames: ["a", "b"], values: [1, "b"]))
        #expect(fetched != Row(columnNames: ["a", "c"], values: [1, "b"]))
        #expect(fetched != Row(columnNames: ["a", "b"], values: [2, "b"]))
    }
}
