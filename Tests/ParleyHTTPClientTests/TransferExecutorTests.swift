import Foundation
import ParleyHTTPClient
import ParleyServer
import Testing

@Suite("The client's transfer thread as a task executor", .timeLimit(.minutes(1)))
struct TransferExecutorTests {
    // Where a job runs is the runtime's choice: a task executor is a preference, and the runtime does not always
    // follow it. These tests check what the client promises: a task with the preference gets its responses, tasks
    // that share the thread with transfers never block them, and the executor outlives the client.

    @Test("A task that prefers the executor gets every response, over one kept-alive connection")
    func aPinnedTaskGetsItsResponses() async throws {
        try await TestServer.with { server in
            let client = HTTPClient()
            let (bodies, opened) = try await withTaskExecutorPreference(client.executor) {
                var bodies: [String] = [], opened = 0
                for _ in 0..<50 {
                    let response = try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/hello"))
                    bodies.append(String(decoding: response.body, as: UTF8.self))
                    opened += response.connectionsOpened
                }
                return (bodies, opened)
            }
            #expect(bodies == Array(repeating: "hello", count: 50))
            #expect(opened == 1)
        }
    }

    @Test("Eight pinned tasks whose requests each wait for all eight complete: work never blocks the transfers")
    func pinnedTasksRunConcurrently() async throws {
        try await TestServer.with(gathering: 8) { server in
            let client = HTTPClient()
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask(executorPreference: client.executor) {
                        let response = try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/gather", timeout: .seconds(10)))
                        return String(decoding: response.body, as: UTF8.self)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(bodies == Array(repeating: "together", count: 8))
        }
    }

    @Test("Cancelling a pinned task aborts its transfer, and the thread goes on serving")
    func cancellingAPinnedTask() async throws {
        try await TestServer.with { server in
            let client = HTTPClient()
            let waiting = Task(executorPreference: client.executor) {
                try await client.send(HTTPRequest(method: .get, url: server.url + "/hang", timeout: .seconds(60)))
            }
            await Task.yield()
            waiting.cancel()
            await #expect(throws: HTTPClientError.cancelled) { try await waiting.value }
            let hello = try await withTaskExecutorPreference(client.executor) {
                try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/hello"))
            }
            #expect(hello.status == 200)
        }
    }

    @Test("The executor of a client that is gone still runs work, on Dispatch once the thread has ended")
    func anExecutorOutlivesItsClient() async throws {
        let executor = try await TestServer.with { server in
            let client = HTTPClient()
            _ = try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/hello"))
            return client.executor
        }
        // The client is gone, so its thread ends soon; until then work runs there, afterwards on Dispatch.
        var rounds = 0, lastThread = "parley-http"
        while lastThread == "parley-http", rounds < 100_000 {
            rounds += 1
            lastThread = await withTaskExecutorPreference(executor) {
                await Task.yield()
                return currentThreadName()
            }
        }
        #expect(lastThread != "parley-http", "the thread never ended")
    }
}

/// The current thread's name; a synchronous function, because async code may not ask for the current thread.
private func currentThreadName() -> String { Thread.current.name ?? "" }
