extension ParetoFrontier {
    /// The frontier points acceptable to both sides: at or above each side's reservation value.
    func rational(reservations buyer: Double, _ seller: Double) -> [Point] {
        points.filter { $0.buyer >= buyer && $0.seller >= seller }
    }

    /// The acceptable point with the highest `score`; of tied points, the one with the higher sum of utilities,
    /// then the lower ordinal. `nil` when no outcome is acceptable to both sides.
    func best(reservations buyer: Double, _ seller: Double, by score: (Point) -> Double) -> Point? {
        rational(reservations: buyer, seller).max { a, b in
            let (sa, sb) = (score(a), score(b))
            if sa != sb { return sa < sb }
            if a.buyer + a.seller != b.buyer + b.seller { return a.buyer + a.seller < b.buyer + b.seller }
            return a.ordinal > b.ordinal
        }
    }

    /// The Kalai–Smorodinsky point: the acceptable point whose smaller share of each side's possible gain (from
    /// its reservation to its best acceptable utility) is largest.
    func kalaiSmorodinsky(reservations rb: Double, _ rs: Double) -> Point? {
        let rational = rational(reservations: rb, rs)
        let idealBuyer = rational.map(\.buyer).max() ?? rb
        let idealSeller = rational.map(\.seller).max() ?? rs
        return best(reservations: rb, rs) { point in
            min(idealBuyer > rb ? (point.buyer - rb) / (idealBuyer - rb) : 1, idealSeller > rs ? (point.seller - rs) / (idealSeller - rs) : 1)
        }
    }
}
