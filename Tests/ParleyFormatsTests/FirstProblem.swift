import ParleyFormats
import ParleyProtocol

/// The first problem an import reports, or `nil` when it succeeds.
func firstProblem(_ body: () throws(ScenarioLoader.Failure) -> GeniusImport.Imported) -> ValidationProblem? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.problems.first
    }
}
