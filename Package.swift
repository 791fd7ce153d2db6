// swift-tools-version: 6.1
import PackageDescription

/// Settings every Parley target shares: Swift 6 language mode plus the upcoming features
/// that keep imports explicit and existentials visible.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ParleyProtocol", targets: ["ParleyProtocol"]),
        .library(name: "ParleyAgents", targets: ["ParleyAgents"]),
        .library(name: "ParleyLLM", targets: ["ParleyLLM"]),
        .library(name: "ParleyAnalysis", targets: ["ParleyAnalysis"]),
        .library(name: "ParleyArbiter", targets: ["ParleyArbiter"]),
        .library(name: "ParleyLedger", targets: ["ParleyLedger"]),
        .library(name: "ParleyStore", targets: ["ParleyStore"]),
        .library(name: "ParleyTournament", targets: ["ParleyTournament"]),
        .library(name: "ParleyHTTPClient", targets: ["ParleyHTTPClient"]),
        .library(name: "ParleyRemote", targets: ["ParleyRemote"]),
        .library(name: "ParleyServer", targets: ["ParleyServer"]),
        .library(name: "ParleyConformance", targets: ["ParleyConformance"]),
        .library(name: "ParleyTesting", targets: ["ParleyTesting"]),
        .executable(name: "parley", targets: ["ParleyCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    ],
    targets: [
        // The protocol: scenarios, profiles, terms, actions, the alternating-offers rules, the wire format.
        .target(name: "ParleyProtocol", path: "Protocols", exclude: ["Spec"], swiftSettings: strictSettings),
        // Strategies: the interface, bidding index, built-ins.
        .target(name: "ParleyAgents", dependencies: ["ParleyProtocol"], path: "Agents", exclude: ["LLM"], swiftSettings: strictSettings),
        // The LLM agent: a model behind an OpenAI-compatible endpoint, held to its principal's mandate.
        .target(
            name: "ParleyLLM", dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyHTTPClient"], path: "Agents/LLM", swiftSettings: strictSettings
        ),
        // Settlement analysis: Pareto frontier, Nash and Kalai points, distances.
        .target(name: "ParleyAnalysis", dependencies: ["ParleyProtocol"], swiftSettings: strictSettings),
        // libcurl, from Debian's libcurl4-openssl-dev, with typed wrappers for its variadic calls.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // An HTTP client on libcurl: one transfer thread, connection reuse, timeouts, typed errors.
        .target(name: "ParleyHTTPClient", dependencies: ["CCurl"], swiftSettings: strictSettings),
        // Remote agents: the agent API's client side, and a strategy that plays through it.
        .target(
            name: "ParleyRemote",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyHTTPClient"],
            swiftSettings: strictSettings
        ),
        // The arbiter: runs sessions, enforces deadlines and turn limits, writes transcripts.
        .target(
            name: "ParleyArbiter",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyLLM", "ParleyRemote", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // The agent server: any agent served over HTTP on Hummingbird, with the API's rules and errors.
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyArbiter",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The conformance kit: checks that any agent server, in any language, speaks the agent API.
        .target(
            name: "ParleyConformance",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyArbiter", "ParleyHTTPClient", "ParleyTesting", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Verifiable records: canonical JSON (RFC 8785) and the SHA-256 hash chain over a session.
        .target(
            name: "ParleyLedger",
            dependencies: ["ParleyProtocol", "ParleyArbiter", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // The embedded store: SQLite through GRDB, one transaction per session, chain verification.
        .target(
            name: "ParleyStore",
            dependencies: ["ParleyProtocol", "ParleyAnalysis", "ParleyArbiter", "ParleyLedger", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // Tournaments: the plan, the parallel resumable runner, the leaderboard, reports and SVG pictures.
        .target(
            name: "ParleyTournament",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyLedger", "ParleyStore",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support shipped as a product: a manual clock and strategy conformance checks.
        .target(
            name: "ParleyTesting",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyArbiter", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // The `parley` command-line tool.
        .executableTarget(
            name: "ParleyCLI",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyLedger", "ParleyStore", "ParleyTournament",
                "ParleyHTTPClient", "ParleyRemote", "ParleyServer", "ParleyConformance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // A custom strategy in about twenty lines, run against a built-in.
        .executableTarget(
            name: "CustomStrategyExample",
            dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", .product(name: "Logging", package: "swift-log")],
            path: "Examples/CustomStrategy",
            swiftSettings: strictSettings
        ),
        // Test support, not a test: a local server that speaks the OpenAI chat-completions wire format from a script, for the LLM agent's tests (ScriptedChatServerTests test it).
        .target(
            name: "ScriptedChatServer",
            dependencies: [
                "ParleyServer", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/ScriptedChatServer",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyLLMTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyLLM", "ParleyArbiter", "ParleyHTTPClient", "ParleyLedger", "ParleyStore", "ParleyTournament",
                "ParleyTesting", "ScriptedChatServer", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ParleyProtocolTests", dependencies: ["ParleyProtocol", "ParleyTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "ParleyHTTPClientTests",
            dependencies: ["ParleyHTTPClient", "ParleyServer", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyHTTPClient", "ParleyRemote", "ParleyServer",
                "ParleyConformance", "ParleyTesting", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ParleyAgentsTests", dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "ParleyAnalysisTests", dependencies: ["ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyTesting"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyArbiterTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyHTTPClient", "ParleyTesting",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyLedgerTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyLedger", "ParleyTesting", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyStoreTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyLedger", "ParleyStore", "ParleyTesting",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyTournamentTests",
            dependencies: [
                "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyStore", "ParleyTournament", "ParleyTesting",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyCLITests",
            dependencies: [
                "ParleyCLI", "CustomStrategyExample", "ParleyProtocol", "ParleyAgents", "ParleyAnalysis", "ParleyArbiter", "ParleyStore",
                "ParleyTesting", "ScriptedChatServer", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
