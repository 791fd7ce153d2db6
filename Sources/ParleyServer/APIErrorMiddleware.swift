import Hummingbird
import Logging
import NIOCore
import ParleyProtocol

/// Turns every error a route throws, and every request no route matches, into a JSON ``APIErrorBody`` with
/// the status of its code. Errors that are not ``APIError``s never show their details to the client.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let io: MessageIO

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return io.response(error)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = AgentAPI.methods(forPath: request.uri.path), !allowed.contains(request.method.rawValue) else {
                return io.response(APIError(.notFound, "no such endpoint: \(request.method) \(request.uri.path)"))
            }
            var response = io.response(APIError(.methodNotAllowed, "\(request.uri.path) takes \(allowed.joined(separator: ", ")), not \(request.method)"))
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return io.response(APIError(.bodyTooLarge, "the body is larger than the server accepts"))
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return io.response(APIError(.agentFailed, "the server failed to answer"))
        }
    }
}

/// Checks the bearer token on every path but `/health`, in constant time.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    /// `Bearer TOKEN`, as the header must carry it.
    private let expected: [UInt8]
    private let io: MessageIO

    init(token: String, io: MessageIO) {
        expected = Array("Bearer \(token)".utf8)
        self.io = io
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The health check and the A2A agent card are public: discovery comes before authentication.
        guard request.uri.path != AgentAPI.health, request.uri.path != A2ABinding.cardPath else { return try await next(request, context) }
        guard Self.matches((request.headers[.authorization] ?? "").utf8, expected) else {
            var response = io.response(APIError(.unauthorized, "send the server's token as 'Authorization: Bearer TOKEN'"))
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so timing does not reveal how much of a guess is right.
    static func matches(_ presented: String.UTF8View, _ expected: [UInt8]) -> Bool {
        var difference = UInt8(presented.count == expected.count ? 0 : 1)
        var byte = presented.makeIterator()
        for expectedByte in expected {
            difference |= expectedByte ^ (byte.next() ?? 0)
        }
        return difference == 0
    }
}
