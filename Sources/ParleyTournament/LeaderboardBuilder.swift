import ParleyAnalysis
import ParleyProtocol
import ParleyLedger

extension Leaderboard {
    /// Running sums for each agent, fed one entry at a time.
    struct Builder {
        struct Sums {
            var sessions = 0
            var utilityMean = 0.0
            var utilitySquares = 0.0
            var undiscounted = 0.0
            var discountedSessions = 0
            var advantage = 0.0
            var agreements = 0
            var welfare = 0.0
            var nash = 0.0
            var nashCount = 0
            var pareto = 0.0
            var roundsToAgreement = 0
            var modelPearson = 0.0
            var modelKendall = 0.0
            var modelled = 0
            var failures: [String: Int] = [:]
            var usage: ModelUsage?
            var against: [String: (sum: Double, count: Int)] = [:]

            /// Welford's update, so the variance stays exact over long tournaments.
            /// Adds one session seen from one side: `utility` is what its principal got (discounted where its profile
            /// discounts time), `undiscounted` the same without discounting.
            mutating func add(utility: Double, undiscounted: Double, advantage: Double, opponent: String, entry: TournamentEntry, side: Role) {
                sessions += 1
                self.undiscounted += undiscounted
                if let used = side == .buyer ? entry.buyerModelUsage : entry.sellerModelUsage {
                    if usage == nil { usage = ModelUsage() }
                    usage?.add(used)
                }
                if (side == .buyer ? entry.buyerDiscountedUtility : entry.sellerDiscountedUtility) != nil { discountedSessions += 1 }
                if let accuracy = side == .buyer ? entry.buyerModelAccuracy : entry.sellerModelAccuracy {
                    modelPearson += accuracy.pearson
                    modelKendall += accuracy.kendall
                    modelled += 1
                }
                let delta = utility - utilityMean
                utilityMean += delta / Double(sessions)
                utilitySquares += delta * (utility - utilityMean)
                self.advantage += advantage
                welfare += entry.welfare
                pareto += entry.distanceToPareto
                if let distance = entry.distanceToNash {
                    nash += distance
                    nashCount += 1
                }
                if entry.agreed {
                    agreements += 1
                    roundsToAgreement += entry.rounds
                } else if entry.outcome == .deadline {
                    failures[Outcome.Kind.deadline.rawValue, default: 0] += 1
                } else if entry.causedBy == side {
                    failures[entry.outcome.rawValue, default: 0] += 1
                }
                against[opponent, default: (0, 0)].sum += utility
                against[opponent, default: (0, 0)].count += 1
            }
        }

        let agents: [String]
        var sums: [String: Sums] = [:]
        var sessions = 0
        var agreements = 0

        init(agents: [String]) {
            self.agents = agents
        }

        mutating func add(_ entry: TournamentEntry) {
            sessions += 1
            if entry.agreed { agreements += 1 }
            sums[entry.buyer, default: Sums()].add(
                utility: entry.buyerPayoff, undiscounted: entry.buyerUtility, advantage: entry.buyerAdvantage, opponent: entry.seller, entry: entry,
                side: .buyer
            )
            sums[entry.seller, default: Sums()].add(
                utility: entry.sellerPayoff, undiscounted: entry.sellerUtility, advantage: entry.sellerAdvantage, opponent: entry.buyer, entry: entry,
                side: .seller
            )
        }

        func leaderboard() -> Leaderboard {
            let names = agents + sums.keys.filter { !agents.contains($0) }.sorted()
            var rows: [Row] = names.map { agent in
                let sum = sums[agent] ?? Sums()
                let count = Double(max(sum.sessions, 1))
                let interval = sum.sessions >= 2
                    ? StudentT.quantile975(degreesOfFreedom: sum.sessions - 1) * (sum.utilitySquares / Double(sum.sessions - 1)).squareRoot() / count.squareRoot()
                    : nil
                return Row(
                    agent: agent, bestRank: nil, worstRank: nil, sessions: sum.sessions, meanUtility: sum.utilityMean,
                    meanUndiscountedUtility: sum.discountedSessions > 0 ? sum.undiscounted / count : nil, utilityInterval: interval,
                    meanAdvantage: sum.advantage / count, agreementRate: Double(sum.agreements) / count, meanWelfare: sum.welfare / count,
                    meanDistanceToNash: sum.nashCount > 0 ? sum.nash / Double(sum.nashCount) : nil, meanDistanceToPareto: sum.pareto / count,
                    meanRoundsToAgreement: sum.agreements > 0 ? Double(sum.roundsToAgreement) / Double(sum.agreements) : nil,
                    meanModelPearson: sum.modelled > 0 ? sum.modelPearson / Double(sum.modelled) : nil,
                    meanModelKendall: sum.modelled > 0 ? sum.modelKendall / Double(sum.modelled) : nil, modelUsage: sum.usage,
                    failures: sum.failures
                )
            }
            rows.sort { ($0.meanUtility, $1.agent) > ($1.meanUtility, $0.agent) }
            var note: String?
            if rows.contains(where: { $0.utilityInterval == nil }) {
                note = "Too few sessions to rank: every agent needs at least 2 (add scenarios, agents or --repetitions)."
            } else {
                for index in rows.indices {
                    let (low, high) = Self.bounds(rows[index])
                    let better = rows.indices.filter { $0 != index && Self.bounds(rows[$0]).low > high }.count
                    let worse = rows.indices.filter { $0 != index && Self.bounds(rows[$0]).high < low }.count
                    rows[index].bestRank = better + 1
                    rows[index].worstRank = rows.count - worse
                }
                if rows.contains(where: { $0.sessions < 10 }) {
                    note = "Fewer than 10 sessions for some agents: the intervals are wide; add --repetitions or scenarios for a firmer ranking."
                }
            }
            let pairwise = sums.mapValues { sum in sum.against.mapValues { $0.sum / Double($0.count) } }
            return Leaderboard(
                rows: rows, note: note, pairwise: pairwise, sessions: sessions,
                agreementRate: sessions > 0 ? Double(agreements) / Double(sessions) : 0
            )
        }

        static func bounds(_ row: Row) -> (low: Double, high: Double) {
            (row.meanUtility - (row.utilityInterval ?? 0), row.meanUtility + (row.utilityInterval ?? 0))
        }
    }
}

/// Quantiles of Student's t distribution.
enum StudentT {
    /// The 97.5% quantile (two-sided 95%), exact to three decimals for up to 30 degrees of freedom and within
    /// 0.002 beyond.
    static func quantile975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
            2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        guard df >= 1 else { return .infinity }
        return df <= table.count ? table[df - 1] : 1.96 + 2.5 / Double(df)
    }
}
