import ArgumentParser
import Foundation
import ParleyAgents

/// `parley strategies`: list the built-in strategies and their parameters.
struct Strategies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in strategies and their parameters, and the components a boa: spec assembles.",
        discussion: "Example: boa:bid=time(e=0.2):accept=combi(t=0.98;window=max):model=frequency"
    )

    func run() async throws {
        let registry = StrategyRegistry.builtIns
        for name in registry.names {
            guard let entry = registry.entry(named: name) else { continue }
            print("\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.summary)")
            for parameter in entry.parameters {
                print("    \(name):\(parameter.name)=…  \(parameter.summary) (default \(parameter.defaultValue))")
            }
        }
        for (slot, components) in [("bid", BOAComponents.offering), ("accept", BOAComponents.acceptance), ("model", BOAComponents.models)] {
            print("")
            print("boa:\(slot)=…")
            for component in components {
                print("  \(component.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(component.summary)")
                for parameter in component.parameters {
                    print("    \(component.name)(\(parameter.name)=…)  \(parameter.summary) (default \(parameter.defaultValue))")
                }
            }
        }
    }
}
