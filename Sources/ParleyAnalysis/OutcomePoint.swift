public import ParleyProtocol

/// An outcome with its utility to each side: a point in the two sides' utility space.
public struct OutcomePoint: Sendable, Hashable, Codable {
    /// The outcome's terms.
    public var terms: Terms
    /// Its utility to the buyer.
    public var buyer: Double
    /// Its utility to the seller.
    public var seller: Double

    /// Creates a point.
    public init(terms: Terms, buyer: Double, seller: Double) {
        self.terms = terms
        self.buyer = buyer
        self.seller = seller
    }

    /// Euclidean distance in utility space to `(buyer, seller)`.
    public func distance(toBuyer buyer: Double, seller: Double) -> Double {
        ((self.buyer - buyer) * (self.buyer - buyer) + (self.seller - seller) * (self.seller - seller)).squareRoot()
    }
}
