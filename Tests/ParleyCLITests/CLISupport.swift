import Foundation
import ParleyLedger
import ParleyPostgres
import ParleyStore

/// Runs the built `parley` executable as a user would and captures what it prints.
enum CLI {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder the test runner was built into, where SwiftPM also puts the `parley` executable.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        return runner.deletingLastPathComponent().appendingPathComponent("parley")
    }

    static func run(_ arguments: String...) throws -> Result { try run(arguments) }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), errors: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `parley` in the background, writing to `store`, and returns once the store holds at least `count`
    /// sessions, the process has ended, or a minute has passed. Waiting on another process, no clock can be
    /// injected; the poll holds its thread, because other tests block the cooperative pool's threads on child
    /// processes and an asynchronous poll could sleep through the whole run.
    static func start(_ arguments: [String], untilStored count: Int, in store: String) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repository
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        var stored = 0
        while stored < count, process.isRunning, ContinuousClock.now < deadline {
            usleep(5_000)
            stored = (try? storedCount(in: store)) ?? 0
        }
        return process
    }

    /// The URL of a new, empty database on the test PostgreSQL server `scripts/test` starts, made with PostgreSQL's
    /// own `createdb`; throws (so the test fails, never skips) when there is no such server.
    static func postgresDatabase() throws -> String {
        guard let server = ProcessInfo.processInfo.environment["PARLEY_POSTGRES_URL"], var components = URLComponents(string: server) else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "PARLEY_POSTGRES_URL is not set: run the tests with scripts/test"])
        }
        let name = "parley_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["createdb", "-h", components.host ?? "127.0.0.1", "-p", String(components.port ?? 5432), "-U", components.user ?? "parley", name]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "createdb \(name) failed"]) }
        components.path = "/" + name
        return components.string ?? server
    }

    /// How many sessions the store holds: an SQLite file or a PostgreSQL URL.
    static func storedCount(in store: String) throws -> Int {
        if PostgresLocation.isURL(store) { return try PostgresStore(url: store).count() }
        return try SQLiteStore(path: store, options: .init(readOnly: true)).count()
    }

    /// A path in a new temporary folder.
    static func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// Writes a temporary file and returns its path.
    static func temporaryFile(_ contents: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).json")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

extension CLI {
    /// Starts `parley serve` with `arguments` on a free port and returns the process and the URL it printed.
    static func serve(_ arguments: [String]) throws -> (process: Process, url: String) {
        try launchServer(binary, ["serve", "--port", "0"] + arguments)
    }

    /// Starts a server whose first line names its URL ("Serving NAME on http://127.0.0.1:PORT (parley/1); …"), as
    /// `parley serve` and the example Python agent print, and returns the process and the URL.
    static func launchServer(_ executable: URL, _ arguments: [String]) throws -> (process: Process, url: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " ") else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(executable.lastPathComponent) printed no URL: \(text)"])
        }
        return (process, String(text[start.lowerBound..<end]))
    }
}

extension CLI {
    /// Runs `parley` on a thread of its own and waits without holding a thread of the cooperative pool, so a
    /// server in this test process (such as a scripted chat endpoint) can answer the child meanwhile.
    static func runDetached(_ arguments: [String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result(catching: { try run(arguments) }))
            }
        }
    }
}

extension CLI {
    /// The virtual environment's Python, where scripts/setup installs the official MCP and A2A Python SDKs.
    static var python: URL { repository.appendingPathComponent(".build/python-venv/bin/python") }

    /// Runs one of the example Python clients with the virtual environment's Python, in the repository; returns its
    /// exit status, standard output and standard error.
    static func runPython(_ script: String, _ arguments: [String]) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "run scripts/setup: it installs the Python SDKs into .build/python-venv"])
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [repository.appendingPathComponent(script).path] + arguments
        process.currentDirectoryURL = repository
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self), errors: String(decoding: complaints, as: UTF8.self))
    }
}

