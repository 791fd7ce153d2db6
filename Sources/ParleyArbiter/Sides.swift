import ParleyAgents
import ParleyProtocol

/// Both sides' strategies during a session. The side to move takes its strategy out for its turn and puts it
/// back after, so the strategy's storage is never shared while it changes (no copy on write).
struct Sides {
    private var buyer: (any Strategy)?
    private var seller: (any Strategy)?

    init(buyer: any Strategy, seller: any Strategy) {
        self.buyer = buyer
        self.seller = seller
    }

    /// Takes a side's strategy out; it must be put back before it is taken again.
    mutating func take(_ role: Role) -> any Strategy {
        switch role {
        case .buyer: buyer.take()!
        case .seller: seller.take()!
        }
    }

    /// Puts a side's strategy back.
    mutating func put(_ strategy: any Strategy, for role: Role) {
        switch role {
        case .buyer: buyer = strategy
        case .seller: seller = strategy
        }
    }
}
