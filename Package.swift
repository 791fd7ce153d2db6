// swift-tools-version: 6.1
import PackageDescription

// The module graph, from the bottom up; a module depends only on modules above it in this list (README, Layout):
//
//   ParleyProtocol      scenarios, profiles, terms, actions, the rules machine, the wire format, scenario loading, A2A messages
//   ParleyAgents        the strategy interface, agent sources and seats, bidding, built-ins, the mandate
//   ParleyAnalysis      outcome landscape, Pareto frontier, Nash and Kalai points
//   ParleyRecords       settlements and session records
//   ParleyArbiter       plays a session between two agents (Match), enforces time and rules
//   ParleyLedger        canonical JSON, hash chains, signatures, the store protocol
//   ParleyTesting       test support (manual clock, strategy checks, in-memory store); no transport
//   ParleyHTTPClient    libcurl (CCurl); the protocol module only for the coded-error shape
//   ParleyLLM, ParleyRemote     agents that consult a model or another agent server over HTTP
//   ParleyAssembly      agent references and files, the agent factory (above every transport)
//   ParleyStore         the SQLite store
//   ParleyPostgres      the PostgreSQL store, shared by tournament workers on many machines
//   ParleyTournament    plan, runner, leaderboard
//   ParleyReports       readable accounts, pictures, report files, exports
//   ParleyServer        the agent API on Hummingbird
//   ParleyConformance   the conformance kit for any agent server
//   ParleyMCP           Parley as MCP tools (the official Swift SDK), for assistants
//   ParleyCLI           the `parley` command
//
// scripts/check-imports checks that every import is declared here; scripts/build-without-libcurl checks that the
// arbiter, the ledger and test support build without libcurl.

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ParleyProtocol", targets: ["ParleyProtocol"]),
        .library(name: "ParleyAgents", targets: ["ParleyAgents"]),
        .library(name: "ParleyAnalysis", targets: ["ParleyAnalysis"]),
        .library(name: "ParleyFormats", targets: ["ParleyFormats"]),
        .library(name: "ParleyRecords", targets: ["ParleyRecords"]),
        .library(name: "ParleyArbiter", targets: ["ParleyArbiter"]),
        .library(name: "ParleyLedger", targets: ["ParleyLedger"]),
        .library(name: "ParleyHTTPClient", targets: ["ParleyHTTPClient"]),
        .library(name: "ParleyLLM", targets: ["ParleyLLM"]),
        .library(name: "ParleyRemote", targets: ["ParleyRemote"]),
        .library(name: "ParleyAssembly", targets: ["ParleyAssembly"]),
        .library(name: "ParleyStore", targets: ["ParleyStore"]),
        .library(name: "ParleyPostgres", targets: ["ParleyPostgres"]),
        .library(name: "ParleyTournament", targets: ["ParleyTournament"]),
        .library(name: "ParleyReports", targets: ["ParleyReports"]),
        .library(name: "ParleyServer", targets: ["ParleyServer"]),
        .library(name: "ParleyConformance", targets: ["ParleyConformance"]),
        .library(name: "ParleyTesting", targets: ["ParleyTesting"]),
        .library(name: "ParleyMCP", targets: ["ParleyMCP"]),
        .executable(name: "parley", targets: ["ParleyCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    ],
    targets: [
        // The protocol: scenarios, profiles, terms, actions, the alternating-offers rules, the wire format.
        .target(name: "ParleyProtocol", path: "Protocols", exclude: ["Spec"]),
        // Strategies: the interface, agent sources and seats, bidding index, built-ins.
        .target(name: "ParleyAgents", dependencies: ["ParleyProtocol"], path: "Agents", exclude: ["LLM"]),
        // Settlement analysis: Pareto frontier, Nash and Kalai points, distances.
        .target(name: "ParleyAnalysis", dependencies: ["ParleyProtocol"]),
        // Scenario formats other tools write: GENIUS XML, read into Parley scenario files.
        .target(name: "ParleyFormats", dependencies: ["ParleyProtocol"]),
        // What a finished session leaves: its transcript and settlement.
        .target(name: "ParleyRecords", dependencies: ["ParleyProtocol", "ParleyAnalysis"]),
        // The arbiter: plays matches, enforces deadlines and turn limits, writes transcripts.
        .target(
            name: "ParleyArbiter",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", .product(name: "Logging", package: "swift-log")]
        ),
        // Verifiable records: canonical JSON (RFC 8785), the SHA-256 hash chain over a session, signatures,
        // and the store protocol with everything written once above it: saving, reading back, verification.
        .target(
            name: "ParleyLedger",
            dependencies: ["ParleyProtocol", "ParleyAnalysis", "ParleyRecords", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // libcurl, from Debian's libcurl4-openssl-dev, with typed wrappers for its variadic calls.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // An HTTP client on libcurl: one transfer thread, connection reuse, timeouts, typed errors.
        .target(name: "ParleyHTTPClient", dependencies: ["ParleyProtocol", "CCurl"]),
        // The LLM agent: a model behind an OpenAI-compatible endpoint, held to its principal's mandate.
        .target(name: "ParleyLLM", dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyHTTPClient"], path: "Agents/LLM"),
        // Remote agents: the agent API's client side, and a strategy that plays through it.
        .target(name: "ParleyRemote", dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyHTTPClient"]),
        // Agent assembly: references, agent files and the factory that turns them into agent sources.
        .target(name: "ParleyAssembly", dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyHTTPClient", "ParleyLLM", "ParleyRemote"]),
        // The embedded store: the store protocol on SQLite through GRDB, one transaction per batch of sessions.
        .target(
            name: "ParleyStore",
            dependencies: ["ParleyProtocol", "ParleyAnalysis", "ParleyRecords", "ParleyLedger", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The shared store: the store protocol on PostgreSQL through postgres-nio, for tournament workers on many machines.
        .target(
            name: "ParleyPostgres",
            dependencies: [
                "ParleyProtocol", "ParleyAnalysis", "ParleyLedger", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Tournaments: the plan, the parallel resumable runner, the leaderboard, reports and SVG pictures.
        .target(
            name: "ParleyTournament",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyLedger", "ParleyAssembly",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Reports: readable accounts of sessions, pictures, leaderboard formats, tournament reports, transcript exports.
        .target(
            name: "ParleyReports",
            dependencies: ["ParleyProtocol", "ParleyAnalysis", "ParleyRecords", "ParleyLedger", "ParleyTournament"]
        ),
        // The agent server: any agent served over HTTP on Hummingbird, with the API's rules and errors.
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The conformance kit: checks that any agent server, in any language, speaks the agent API.
        .target(
            name: "ParleyConformance",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyRecords", "ParleyArbiter", "ParleyHTTPClient", "ParleyRemote",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Parley as MCP tools over stdio, with the official Swift SDK: list, inspect and run sessions and read stores.
        .target(
            name: "ParleyMCP",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyLedger", "ParleyAssembly",
                "ParleyTournament", "ParleyReports", .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Test support shipped as a product: a manual clock, strategy conformance checks, misbehaving strategies and an
        // in-memory store. No transports.
        .target(
            name: "ParleyTesting",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyRecords", "ParleyArbiter", "ParleyLedger", .product(name: "Logging", package: "swift-log")]
        ),
        // The `parley` command-line tool.
        .executableTarget(
            name: "ParleyCLI",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyLedger", "ParleyStore",
                "ParleyPostgres", "ParleyTournament", "ParleyReports", "ParleyHTTPClient", "ParleyRemote", "ParleyAssembly", "ParleyServer",
                "ParleyConformance", "ParleyFormats", "ParleyMCP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A custom strategy in about twenty lines, run against a built-in. Links no transport.
        .executableTarget(
            name: "CustomStrategyExample",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/CustomStrategy"
        ),
        // Test support, not a test: a local server that speaks the OpenAI chat-completions wire format from a script, for the LLM agent's tests (ScriptedChatServerTests test it).
        .target(
            name: "ScriptedChatServer",
            dependencies: [
                "ParleyServer", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/ScriptedChatServer"
        ),
        .testTarget(
            name: "ParleyTestingTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyRecords", "ParleyArbiter", "ParleyTesting", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ParleyProtocolTests",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyTesting", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ParleyFormatsTests",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyFormats", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "ParleyAgentsTests", dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyTesting"]),
        .testTarget(
            name: "ParleyAnalysisTests",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyTesting", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ParleyArbiterTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyTesting",
                .product(name: "Logging", package: "swift-log"), .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ParleyLedgerTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyLedger", "ParleyTesting",
                .product(name: "Logging", package: "swift-log"), .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ParleyAssemblyTests",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyLLM", "ParleyRemote", "ParleyAssembly"]
        ),
        .testTarget(
            name: "ParleyHTTPClientTests",
            dependencies: [
                "ParleyHTTPClient", "ParleyServer", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ParleyLLMTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyLLM", "ParleyRecords", "ParleyArbiter", "ParleyHTTPClient", "ParleyLedger", "ParleyAssembly",
                "ParleyStore", "ParleyTournament", "ParleyReports", "ParleyTesting", "ScriptedChatServer", .product(name: "Logging", package: "swift-log"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyHTTPClient", "ParleyRemote",
                "ParleyAssembly", "ParleyServer", "ParleyConformance", "ParleyTesting", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ParleyStoreTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyLedger", "ParleyStore", "ParleyPostgres",
                "ParleyTesting", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ParleyTournamentTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyAssembly", "ParleyLedger", "ParleyStore",
                "ParleyTournament", "ParleyReports", "ParleyTesting", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ParleyReportsTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter", "ParleyLedger", "ParleyTournament", "ParleyReports",
                "ParleyTesting", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ParleyCLITests",
            dependencies: [
                "ParleyCLI", "CustomStrategyExample", "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyRecords", "ParleyArbiter",
                "ParleyAssembly", "ParleyLedger", "ParleyStore", "ParleyPostgres", "ParleyTournament", "ParleyTesting", "ParleyReports", "ScriptedChatServer",
                "ParleyMCP", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
    ]
)

// Every Parley target shares Swift 6 language mode (the tools version's default) plus the upcoming features that
// keep imports explicit and existentials visible.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
