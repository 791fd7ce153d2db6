// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that their build never slows the main one.
// Run: swift run -c release --package-path Benchmarks parley-bench
let package = Package(
    name: "ParleyBenchmarks",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "parley-bench", targets: ["ParleyBenchmarks"])],
    dependencies: [
        .package(name: "Parley", path: ".."),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
    ],
    targets: [
        .executableTarget(
            name: "ParleyBenchmarks",
            dependencies: [
                .product(name: "ParleyProtocol", package: "Parley"),
                .product(name: "ParleyAgents", package: "Parley"),
                .product(name: "ParleyAnalysis", package: "Parley"),
                .product(name: "ParleyRecords", package: "Parley"),
                .product(name: "ParleyArbiter", package: "Parley"),
                .product(name: "ParleyTesting", package: "Parley"),
                .product(name: "ParleyLedger", package: "Parley"),
                .product(name: "ParleyStore", package: "Parley"),
                .product(name: "ParleyTournament", package: "Parley"),
                .product(name: "ParleyReports", package: "Parley"),
                .product(name: "ParleyFormats", package: "Parley"),
                .product(name: "ParleyHTTPClient", package: "Parley"),
                .product(name: "ParleyRemote", package: "Parley"),
                .product(name: "ParleyServer", package: "Parley"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        )
    ]
)
