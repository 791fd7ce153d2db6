import ParleyAnalysis
import ParleyProtocol
import ParleyRecords

/// A scenario's outcome space for the page: the SVG drawn by ``ScenarioPlot`` and the points the replays draw over.
struct ScenarioPicture {
    let svg: String
    let data: HTMLReportData.ScenarioData

    /// The picture of the scenario a stored session was played on, with the profiles it was judged with.
    init(record: SessionRecord, profiles: [Role: Profile], id: String) throws {
        let scenario = record.transcript.header.scenario
        guard let buyer = profiles[.buyer], let seller = profiles[.seller] else {
            svg = ""
            data = HTMLReportData.ScenarioData(id: id)
            return
        }
        let landscape = try OutcomeLandscape(scenario: scenario, buyer: buyer, seller: seller)
        svg = ScenarioPlot(scenario: scenario, landscape: landscape).svg()
        let statistics = ScenarioStatistics(landscape)
        let frontier = statistics.frontier
        let step = max(1, frontier.count / HTMLReport.maximumFrontierPoints)
        func pair(_ point: OutcomePoint?) -> [Double]? { point.map { [$0.buyer, $0.seller] } }
        data = HTMLReportData.ScenarioData(
            id: id, frontier: stride(from: 0, to: frontier.count, by: step).map { [frontier[$0].buyer, frontier[$0].seller] },
            nash: pair(statistics.nash), kalaiSmorodinsky: pair(statistics.kalaiSmorodinsky), egalitarian: pair(statistics.egalitarian),
            reservations: [statistics.buyer.reservation, statistics.seller.reservation], outcomes: statistics.outcomeCount,
            acceptableShare: statistics.acceptableShare, opposition: statistics.opposition
        )
    }
}
