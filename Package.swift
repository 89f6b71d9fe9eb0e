// swift-tools-version:6.0
import PackageDescription

/// Settings applied to every Swift target.
///
/// - `ExistentialAny` (SE-0335): spell out `any` for existential types.
/// - `MemberImportVisibility` (SE-0444): a member is visible only where its
///   module is imported.
/// - `InternalImportsByDefault` (SE-0409): imports are internal unless marked.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Venn",
    products: [
        .executable(name: "venn", targets: ["venn"]),
        .executable(name: "venn-server", targets: ["venn-server"]),
    ],
    targets: [
        // MARK: - C system libraries

        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        // C wrappers for variadic libmicrohttpd calls.
        .target(
            name: "CVennShims",
            dependencies: ["CMicroHTTPD"]
        ),

        // MARK: - Libraries, lowest layer first

        .target(
            name: "VennSQLite",
            dependencies: ["CSQLite"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "VennSchema",
            swiftSettings: swiftSettings,
            plugins: ["EmbedSchemas"]
        ),
        .target(
            name: "VennSync",
            dependencies: ["VennSchema"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "VennStore",
            dependencies: ["VennSQLite", "VennSchema", "VennSync"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "VennDomain",
            dependencies: ["VennStore", "VennSchema", "VennSync"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "VennHTTP",
            dependencies: ["CMicroHTTPD", "CCurl", "CZlib", "CVennShims"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "VennServer",
            dependencies: ["VennHTTP", "VennSQLite", "VennSchema", "VennSync", "CSodium"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "VennSyncClient",
            dependencies: ["VennHTTP", "VennStore", "VennSync", "VennSchema"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "VennCLI",
            dependencies: ["VennStore", "VennSchema", "VennSync", "VennSyncClient", "VennDomain"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Programs

        .executableTarget(
            name: "venn",
            dependencies: ["VennCLI"],
            path: "client/Sources/venn",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "venn-server",
            dependencies: ["VennServer", "VennHTTP"],
            path: "sync-server/Sources/venn-server",
            swiftSettings: swiftSettings
        ),

        // MARK: - Build tooling

        .executableTarget(
            name: "VennSchemaEmbedder",
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedSchemas",
            capability: .buildTool(),
            dependencies: ["VennSchemaEmbedder"]
        ),

        // MARK: - Tests

        // Helpers shared by the test targets that run the programs.
        .target(
            name: "VennTestSupport",
            path: "Tests/VennTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennSQLiteTests",
            dependencies: ["VennSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennSchemaTests",
            dependencies: ["VennSchema"],
            exclude: ["check_schemas.py"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennSyncTests",
            dependencies: ["VennSync"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "VennStoreStress",
            dependencies: ["VennStore", "VennSchema"],
            path: "Tests/StoreStress",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "venn-benchmark",
            dependencies: [
                "VennSQLite", "VennStore", "VennSync", "VennSchema", "VennSyncClient", "VennHTTP", "venn-server",
                "VennDomain",
            ],
            path: "Tests/Benchmark",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennStoreTests",
            dependencies: ["VennStore", "VennSQLite", "VennSync", "VennStoreStress", "VennTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennDomainTests",
            dependencies: ["VennDomain", "VennStore", "VennSchema", "VennSync", "VennTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennHTTPTests",
            dependencies: ["VennHTTP"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennServerTests",
            dependencies: ["VennServer", "VennHTTP", "VennSync", "VennSchema", "VennSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennSyncClientTests",
            dependencies: [
                "VennSyncClient", "VennStore", "VennSync", "VennSchema", "VennHTTP", "VennSQLite",
                "venn", "venn-server", "VennStoreStress", "VennTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VennCLITests",
            dependencies: ["VennCLI", "venn", "VennTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
