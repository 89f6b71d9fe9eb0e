import Foundation
import Testing
import VennHTTP
@testable import VennServer

struct OpenAPITests {
    static let specURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Schemas/api/openapi.json")

    @Test func theSpecDescribesExactlyTheServedRoutes() throws {
        let data = try Data(contentsOf: Self.specURL)
        let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

        var documented: Set<Route> = []
        for (template, operations) in paths {
            for method in operations.keys where methods.contains(method) {
                documented.insert(Route(method: method.uppercased(), template: template))
            }
        }

        #expect(spec["openapi"] as? String == "3.1.0")
        #expect(documented == Set(SyncService.routes))
    }

    @Test func everyLocalReferenceInTheSpecResolves() throws {
        let data = try Data(contentsOf: Self.specURL)
        let text = String(decoding: data, as: UTF8.self)
        let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(spec["components"] as? [String: [String: Any]])

        let references = text.components(separatedBy: "\"$ref\": \"#/components/").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        #expect(!references.isEmpty)
        for reference in references {
            let parts = reference.split(separator: "/").map(String.init)
            #expect(parts.count == 2 && components[parts[0]]?[parts[1]] != nil, "unresolved: \(reference)")
        }
    }
}
