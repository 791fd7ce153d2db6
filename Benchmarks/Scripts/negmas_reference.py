"""The reference scenario (Examples/Scenarios/reference-supply.json) in NegMAS's own terms, for the comparison
scripts beside this file. NegMAS (AGPL) is only run, never copied."""
import json
from pathlib import Path

from negmas import make_issue
from negmas.preferences import LinearAdditiveUtilityFunction
from negmas.preferences.value_fun import AffineFun

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_PATH = ROOT / "Examples/Scenarios/reference-supply.json"
SCENARIO = json.loads(SCENARIO_PATH.read_text())


def issues():
    """The scenario's issues: every value of each stepped range."""
    return [
        make_issue(values=list(range(issue["min"], issue["max"] + 1, issue["step"])), name=issue["name"])
        for issue in SCENARIO["issues"]
    ]


def utility(role, outcome_space_issues):
    """The role's linear additive profile: each value runs from 0 at one end of its range to 1 at the other."""
    profile = SCENARIO["profiles"][role]
    values, weights = {}, {}
    for issue in SCENARIO["issues"]:
        preference = profile["issues"][issue["name"]]
        low, high = issue["min"], issue["max"]
        if preference["value"]["direction"] == "increasing":
            values[issue["name"]] = AffineFun(slope=1 / (high - low), bias=-low / (high - low))
        else:
            values[issue["name"]] = AffineFun(slope=-1 / (high - low), bias=high / (high - low))
        weights[issue["name"]] = preference["weight"]
    return LinearAdditiveUtilityFunction(values=values, weights=weights, issues=outcome_space_issues, reserved_value=profile["reservation"])
