import ArgumentParser
import Foundation
import ParleyAgents

/// `parley strategies`: list the built-in strategies and their parameters.
struct Strategies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in strategies and their parameters.")

    func run() async throws {
        let registry = StrategyRegistry.builtIns
        for name in registry.names {
            guard let entry = registry.entry(named: name) else { continue }
            print("\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.summary)")
            for parameter in entry.parameters {
                print("    \(name):\(parameter.name)=…  \(parameter.summary) (default \(parameter.defaultValue))")
            }
        }
    }
}
