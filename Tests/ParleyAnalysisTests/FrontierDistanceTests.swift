import ParleyAgents
import ParleyAnalysis
import PropertyBased
import Testing

/// The distance to the frontier searches outward from the pair's place on the frontier; it must return exactly
/// the number a scan of every point returns, whatever the frontier and wherever the pair.
@Suite("Distance to the Pareto frontier")
struct FrontierDistanceTests {
    /// The reference: every point, the square root of each squared distance, the smallest.
    static func scanned(_ frontier: ParetoFrontier, buyer: Double, seller: Double) -> Double {
        frontier.points.reduce(Double.infinity) { nearest, point in
            min(nearest, ((point.buyer - buyer) * (point.buyer - buyer) + (point.seller - seller) * (point.seller - seller)).squareRoot())
        }
    }

    @Test func equalsTheScanOfEveryPoint() async {
        // Utilities on a coarse grid (many ties) or anywhere in [0, 1]; queries inside, on and outside the frontier.
        let spaces = Gen.uint64(in: .min ... .max).map { seed -> ([Double], [Double]) in
            var generator = SeededGenerator(seed: seed)
            let count = Int.random(in: 1...400, using: &generator)
            let grid = Bool.random(using: &generator) ? Double(Int.random(in: 2...12, using: &generator)) : 0
            func draw() -> Double {
                let value = Double.random(in: 0...1, using: &generator)
                return grid > 0 ? (value * grid).rounded() / grid : value
            }
            return ((0..<count).map { _ in draw() }, (0..<count).map { _ in draw() })
        }
        await propertyCheck(count: 300, input: spaces, Gen.double(in: -0.5...1.5), Gen.double(in: -0.5...1.5)) { space, buyer, seller in
            let frontier = ParetoFrontier(buyer: space.0, seller: space.1)
            #expect(frontier.distance(buyer: buyer, seller: seller) == Self.scanned(frontier, buyer: buyer, seller: seller))
            // From each side's own utilities too: the pairs a settlement is measured from.
            for index in space.0.indices.prefix(20) {
                let (b, s) = (space.0[index], space.1[index])
                #expect(frontier.distance(buyer: b, seller: s) == Self.scanned(frontier, buyer: b, seller: s))
            }
        }
    }

    @Test func aPointOnTheFrontierIsAtDistanceZero() {
        let frontier = ParetoFrontier(buyer: [1, 0.5, 0, 0.25], seller: [0, 0.5, 1, 0.25])
        #expect(frontier.points.count == 3)
        #expect(frontier.distance(buyer: 0.5, seller: 0.5) == 0)
        #expect(frontier.distance(buyer: 0.25, seller: 0.25) == (0.125).squareRoot())
        #expect(ParetoFrontier(buyer: [], seller: []).distance(buyer: 0, seller: 0) == .infinity)
    }
}
