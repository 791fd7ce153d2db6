/// The Pareto frontier of a set of utility pairs, found in O(n log n).
///
/// Points are sorted by buyer utility (descending), then seller utility (descending); a sweep keeps a point
/// when its seller utility beats every point before it. Points with identical utility pairs are equally
/// optimal: one representative of each distinct pair is kept.
public struct ParetoFrontier: Sendable, Hashable {
    /// A frontier point: an outcome ordinal and its utilities.
    public struct Point: Sendable, Hashable {
        /// The outcome's ordinal (the lowest, among outcomes with the same utilities).
        public var ordinal: Int
        /// Utility to the buyer.
        public var buyer: Double
        /// Utility to the seller.
        public var seller: Double
    }

    /// The frontier, buyer utility strictly descending and seller utility strictly ascending.
    public let points: [Point]

    /// The frontier of outcomes whose utilities are `buyer[i]` and `seller[i]`.
    public init(buyer: [Double], seller: [Double]) {
        precondition(buyer.count == seller.count, "one utility per outcome for each side")
        var all = (0..<buyer.count).map { Point(ordinal: $0, buyer: buyer[$0], seller: seller[$0]) }
        all.sort { a, b in
            if a.buyer != b.buyer { return a.buyer > b.buyer }
            if a.seller != b.seller { return a.seller > b.seller }
            return a.ordinal < b.ordinal
        }
        var frontier: [Point] = []
        var bestSeller = -Double.infinity
        for point in all where point.seller > bestSeller {
            frontier.append(point)
            bestSeller = point.seller
        }
        points = frontier
    }

    /// Whether no outcome is at least as good for both sides and better for one.
    /// The pair must be an outcome's utilities, computed as the frontier's were.
    public func isOptimal(buyer: Double, seller: Double) -> Bool {
        // The frontier points with buyer utility ≥ `buyer` form a prefix; the last has the most seller utility.
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].buyer >= buyer { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return true }
        let best = points[low - 1]
        return best.seller < seller || (best.seller == seller && best.buyer == buyer)
    }

    /// The smallest Euclidean distance from a utility pair to a frontier point.
    ///
    /// O(log n) to find where the pair's buyer utility falls among the frontier's, then outward from there in
    /// both directions while a point could still be nearer: the buyer utilities are sorted, so once the buyer
    /// gap alone is at least the best distance found, no point further out can beat it. The result is the same
    /// number a scan of every point gives (the square root is taken once, of the smallest squared distance).
    public func distance(buyer: Double, seller: Double) -> Double {
        guard !points.isEmpty else { return .infinity }
        // The first point whose buyer utility is ≤ `buyer` (buyer utility descends along the frontier).
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].buyer > buyer { low = middle + 1 } else { high = middle }
        }
        var nearest = Double.infinity
        func visit(_ position: Int) -> Bool {
            let point = points[position]
            let gap = (point.buyer - buyer) * (point.buyer - buyer)
            guard gap < nearest else { return false }
            nearest = min(nearest, gap + (point.seller - seller) * (point.seller - seller))
            return true
        }
        var up = low
        while up < points.count, visit(up) { up += 1 }
        var down = low - 1
        while down >= 0, visit(down) { down -= 1 }
        return nearest.squareRoot()
    }
}
