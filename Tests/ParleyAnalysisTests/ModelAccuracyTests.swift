import ParleyAnalysis
import Testing

@Suite("Opponent-model accuracy")
struct ModelAccuracyTests {
    @Test func aPerfectEstimateAndItsReverse() {
        let truth = [0.1, 0.4, 0.2, 0.9, 0.5]
        let perfect = ModelAccuracy(estimated: truth.map { 2 * $0 + 1 }, truth: truth)
        #expect(abs(perfect.pearson - 1) < 1e-12 && perfect.kendall == 1)
        let reversed = ModelAccuracy(estimated: truth.map { -$0 }, truth: truth)
        #expect(abs(reversed.pearson + 1) < 1e-12 && reversed.kendall == -1)
    }

    /// Worked by hand: x = (1, 2, 3, 4), y = (1, 3, 2, 4): five pairs agree, one disagrees, so τ = 4/6; r = 0.8.
    @Test func handWorked() {
        let accuracy = ModelAccuracy(estimated: [1, 2, 3, 4], truth: [1, 3, 2, 4])
        #expect(abs(accuracy.kendall - 4.0 / 6) < 1e-12)
        #expect(abs(accuracy.pearson - 0.8) < 1e-12)
    }

    /// τ-b with ties: x = (1, 1, 2), y = (1, 2, 3): pairs (1,2) tied in x, (1,3) and (2,3) concordant: 2/√(2·3).
    @Test func tiesFollowTauB() {
        let accuracy = ModelAccuracy(estimated: [1, 1, 2], truth: [1, 2, 3])
        #expect(abs(accuracy.kendall - 2 / (2.0 * 3).squareRoot()) < 1e-12)
    }

    @Test func aConstantSideCorrelatesWithNothing() {
        let accuracy = ModelAccuracy(estimated: [0.5, 0.5, 0.5], truth: [0.1, 0.7, 0.3])
        #expect(accuracy.pearson == 0 && accuracy.kendall == 0)
        #expect(ModelAccuracy(estimated: [], truth: []) == ModelAccuracy(pearson: 0, kendall: 0))
    }

    @Test func largeSpacesAreSampledEvenly() {
        #expect(ModelAccuracy.sample(count: 7) == Array(0..<7))
        let sample = ModelAccuracy.sample(count: 1_000_000)
        #expect(sample.count == ModelAccuracy.sampleSize && sample.first == 0 && sample.last == 995_000)
        #expect(zip(sample, sample.dropFirst()).allSatisfy { $1 - $0 == 5_000 })
    }
}
