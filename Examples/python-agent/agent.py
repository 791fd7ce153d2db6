#!/usr/bin/env python3
"""A Parley agent server in Python, with the standard library only.

    python3 agent.py [--host 127.0.0.1] [--port 8082] [--token TOKEN] [--exponent 0.2]

It speaks version 1 of the agent API (Protocols/Spec/openapi.json) and plays a time-dependent strategy: it
starts at its best outcome and concedes toward its reservation value as the deadline nears, slowly while the
exponent is below 1 (Boulware), and accepts any offer worth at least what it would offer next.

Check it with `parley conformance http://127.0.0.1:8082`, or play it: `parley run --buyer http://127.0.0.1:8082 …`.
"""

import argparse
import bisect
import hmac
import itertools
import json
import random
import re
import secrets
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROTOCOL = "parley/1"
SESSION_KEY = "Parley-Session-Key"
MAX_BODY_BYTES = 1 << 20
MAX_SESSIONS = 1024
IDLE_SECONDS = 300
MAX_NOTE = 280
STATUS = {
    "malformed_json": 400, "unauthorized": 401, "not_found": 404, "unknown_session": 404, "out_of_turn": 409,
    "turn_mismatch": 409, "turn_conflict": 409, "session_exists": 409, "session_ended": 409, "body_too_large": 413,
    "agent_failed": 500, "at_capacity": 503,
}  # every other code is 422
SESSION_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


class APIError(Exception):
    """An error answer: a stable code (which fixes the status), a message, and the JSON path at fault."""

    def __init__(self, code, message, path=None):
        super().__init__(message)
        self.code, self.message, self.path = code, message, path

    def body(self):
        error = {"code": self.code, "message": self.message}
        if self.path:
            error["path"] = self.path
        return {"protocol": PROTOCOL, "error": error}


# Reading messages: each check names the code and path the API requires.

def field(obj, name, path, kinds, required=True):
    """The value of obj[name], checked to be one of the JSON kinds ('string', 'integer', 'number', 'object', 'array')."""
    if name not in obj or obj[name] is None:
        if required:
            raise APIError("missing_field", f"'{name}' is required", f"{path}.{name}")
        return None
    value = obj[name]
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "boolean": lambda v: isinstance(v, bool),
    }
    if not any(checks[kind](value) for kind in kinds):
        raise APIError("invalid_field", f"'{name}' must be {' or '.join(kinds)}", f"{path}.{name}")
    return value


class Fields(dict):
    """A JSON object as parsed, remembering a key it was given twice."""
    twice = None


def keep_pairs(pairs):
    fields = Fields()
    for key, value in pairs:
        if key in fields and fields.twice is None:
            fields.twice = key
        fields[key] = value
    return fields


def first_twice(value, path="$"):
    """The path of the first key given twice in one object, or None."""
    if isinstance(value, Fields):
        if value.twice is not None:
            return f"{path}.{value.twice}"
        children = ((f"{path}.{key}", item) for key, item in value.items())
    elif isinstance(value, list):
        children = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    else:
        return None
    for child_path, child in children:
        found = first_twice(child, child_path)
        if found:
            return found
    return None


def read_message(raw):
    """Parses a body, refuses a key given twice, and checks its protocol version."""
    try:
        message = json.loads(raw, object_pairs_hook=keep_pairs)
    except (ValueError, UnicodeDecodeError):
        raise APIError("malformed_json", "the body is not JSON")
    twice = first_twice(message)
    if twice:
        raise APIError("invalid_field", "the field appears twice in one object", twice)
    if not isinstance(message, dict):
        raise APIError("invalid_field", "a message is a JSON object", "$")
    version = field(message, "protocol", "$", ["string"])
    if version != PROTOCOL:
        raise APIError("unsupported_version", f"unsupported protocol '{version}'; this agent speaks {PROTOCOL}", "$.protocol")
    return message


def read_role(obj, name, path):
    role = field(obj, name, path, ["string"])
    if role not in ("buyer", "seller"):
        raise APIError("invalid_field", f"'{name}' must be buyer or seller", f"{path}.{name}")
    return role


def read_action(obj, path):
    field(obj, "type", path, ["string"])
    kind = obj["type"]
    if kind not in ("offer", "accept", "walkAway"):
        raise APIError("unknown_action_type", f"unknown action type '{kind}'; expected offer, accept or walkAway", f"{path}.type")
    if kind == "offer":
        terms = field(obj, "terms", path, ["object"])
        for name, value in terms.items():
            if isinstance(value, bool) or not isinstance(value, (int, str)):
                raise APIError("invalid_field", "a term value is a whole number or an option name", f"{path}.terms.{name}")
    for text in ("note", "reason"):
        field(obj, text, path, ["string"], required=False)
    return obj


def read_scenario(obj, path):
    for name, kinds in (("id", ["string"]), ("name", ["string"]), ("issues", ["array"]), ("deadline", ["object"])):
        field(obj, name, path, kinds)
    read_role(obj, "opener", path)
    for position, issue in enumerate(obj["issues"]):
        where = f"{path}.issues[{position}]"
        if not isinstance(issue, dict):
            raise APIError("invalid_field", "an issue is an object", where)
        field(issue, "name", where, ["string"])
        kind = field(issue, "type", where, ["string"])
        if kind in ("money", "integer"):
            if kind == "money":
                field(issue, "currency", where, ["string"])
            for name in ("min", "max"):
                field(issue, name, where, ["integer"])
            field(issue, "step", where, ["integer"], required=False)
        elif kind == "options":
            options = field(issue, "options", where, ["array"])
            if not all(isinstance(option, str) for option in options):
                raise APIError("invalid_field", "options are names", f"{where}.options")
        else:
            raise APIError("invalid_field", f"unknown issue type '{kind}'; expected money, integer or options", f"{where}.type")
    field(obj["deadline"], "rounds", f"{path}.deadline", ["integer"], required=False)
    field(obj["deadline"], "seconds", f"{path}.deadline", ["number"], required=False)
    field(obj, "turnTimeLimit", path, ["number"], required=False)
    return obj


def scenario_problems(scenario):
    """The rules a well-formed scenario can still break: (path, what) pairs."""
    problems, names = [], set()
    if not scenario["id"]:
        problems.append(("$.scenario.id", "the id is empty"))
    if not scenario["issues"]:
        problems.append(("$.scenario.issues", "there are no issues"))
    for position, issue in enumerate(scenario["issues"]):
        where = f"$.scenario.issues[{position}]"
        if not issue["name"] or issue["name"] in names:
            problems.append((f"{where}.name", "issue names are non-empty and distinct"))
        names.add(issue["name"])
        if issue["type"] == "options":
            if not issue["options"] or len(set(issue["options"])) != len(issue["options"]) or "" in issue["options"]:
                problems.append((f"{where}.options", "options are non-empty and distinct"))
        else:
            step = issue.get("step", 1)
            if step < 1 or issue["min"] > issue["max"] or (issue["max"] - issue["min"]) % step:
                problems.append((f"{where}.max", "the range needs step >= 1, min <= max, and max - min a multiple of step"))
            if issue["type"] == "money" and not re.fullmatch(r"[A-Z]{3}", issue["currency"]):
                problems.append((f"{where}.currency", "not an ISO 4217 code"))
    deadline = scenario["deadline"]
    if deadline.get("rounds") is None and deadline.get("seconds") is None:
        problems.append(("$.scenario.deadline", "set rounds, seconds, or both"))
    if deadline.get("rounds") is not None and deadline["rounds"] < 1:
        problems.append(("$.scenario.deadline.rounds", "rounds must be at least 1"))
    if deadline.get("seconds") is not None and not deadline["seconds"] > 0:
        problems.append(("$.scenario.deadline.seconds", "seconds must be positive"))
    return problems


def domain(issue):
    """Every value an issue can take."""
    if issue["type"] == "options":
        return list(issue["options"])
    return list(range(issue["min"], issue["max"] + 1, issue.get("step", 1)))


def value_of(function, value, issue):
    """What one issue's value is worth, in [0, 1], or None if the function does not fit the issue."""
    kind = function.get("type")
    if kind == "linear" and issue["type"] != "options" and isinstance(value, int):
        span = issue["max"] - issue["min"]
        fraction = (value - issue["min"]) / span if span else 1.0
        return fraction if function.get("direction") == "increasing" else 1.0 - fraction
    if kind == "piecewise" and issue["type"] != "options" and isinstance(value, int):
        points = function.get("points", [])
        if not points:
            return None
        if value <= points[0]["at"]:
            return points[0]["value"]
        for left, right in zip(points, points[1:]):
            if value <= right["at"]:
                span = right["at"] - left["at"]
                return left["value"] + (right["value"] - left["value"]) * ((value - left["at"]) / span if span else 1.0)
        return points[-1]["value"]
    if kind == "table" and issue["type"] == "options":
        return function.get("values", {}).get(value)
    return None


def read_profile(profile, scenario):
    """Checks a profile's shape and its fit to the scenario; the error names paths only, never values."""
    if not isinstance(profile, dict):
        raise APIError("invalid_field", "the profile is an object", "$.profile")
    reservation = field(profile, "reservation", "$.profile", ["number"])
    issues = field(profile, "issues", "$.profile", ["object"])
    wrong = []
    if not 0 <= reservation <= 1:
        wrong.append("$.profile.reservation")
    total = 0.0
    for issue in scenario["issues"]:
        preference = issues.get(issue["name"])
        where = f"$.profile.issues.{issue['name']}"
        if not isinstance(preference, dict) or not isinstance(preference.get("value"), dict):
            wrong.append(where)
            continue
        weight = preference.get("weight")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
            wrong.append(f"{where}.weight")
            continue
        total += weight
        worths = [value_of(preference["value"], value, issue) for value in domain(issue)]
        if any(worth is None or not 0 <= worth <= 1 for worth in worths):
            wrong.append(f"{where}.value")
    if set(issues) - {issue["name"] for issue in scenario["issues"]}:
        wrong.append("$.profile.issues")
    if abs(total - 1) > 1e-9:
        wrong.append("$.profile.issues (weights must sum to 1)")
    if wrong:
        raise APIError("invalid_profile", "the profile does not fit the scenario at " + ", ".join(wrong[:5]), wrong[0].split(" ")[0])
    return profile


class Strategy:
    """Time-dependent concession: the target utility falls from 1 to the reservation value as t^(1/e)."""

    def __init__(self, scenario, profile, seed, exponent):
        self.scenario, self.profile, self.exponent = scenario, profile, exponent
        self.random = random.Random(seed)
        self.domains = [domain(issue) for issue in scenario["issues"]]
        self.tables = [
            {value: profile["issues"][issue["name"]]["weight"] * value_of(profile["issues"][issue["name"]]["value"], value, issue)
             for value in values}
            for issue, values in zip(scenario["issues"], self.domains)
        ]
        size = 1
        for values in self.domains:
            size *= len(values)
        # Small spaces are listed whole, best first; large ones are sampled each turn.
        self.ranked = None
        if size <= 200_000:
            self.ranked = sorted(((self.utility_of_values(values), values) for values in itertools.product(*self.domains)), reverse=True)

    def utility_of_values(self, values):
        return sum(table[value] for table, value in zip(self.tables, values))

    def utility(self, terms):
        try:
            return self.utility_of_values([terms[issue["name"]] for issue in self.scenario["issues"]])
        except KeyError:
            return 0.0

    def target(self, turn, elapsed):
        deadline, progress = self.scenario["deadline"], 0.0
        if deadline.get("rounds"):
            progress = max(progress, turn / (2 * deadline["rounds"]))
        if deadline.get("seconds"):
            progress = max(progress, elapsed / deadline["seconds"])
        progress = min(1.0, progress)
        reservation = self.profile["reservation"]
        return reservation + (1 - reservation) * (1 - progress ** (1 / self.exponent))

    def respond(self, turn, elapsed, standing_offer):
        target = self.target(turn, elapsed)
        if standing_offer is not None and self.utility(standing_offer) >= max(target, self.profile["reservation"]):
            return {"type": "accept"}
        if self.ranked is not None:
            # Among the outcomes worth at least the target, one chosen at random from the ten closest to it.
            count = bisect.bisect_left(self.ranked, -target, key=lambda entry: -entry[0]) or 1
            choice = self.random.choice(self.ranked[max(0, count - 10):count])[1]
        else:
            samples = [tuple(self.random.choice(values) for values in self.domains) for _ in range(2000)]
            above = [values for values in samples if self.utility_of_values(values) >= target]
            choice = min(above, key=self.utility_of_values) if above else max(samples, key=self.utility_of_values)
        return {"type": "offer", "terms": {issue["name"]: value for issue, value in zip(self.scenario["issues"], choice)}}


class Session:
    """One session's rules (alternating offers) and its agent."""

    def __init__(self, start, exponent):
        self.start = start
        self.role = start["role"]
        self.scenario = start["scenario"]
        self.strategy = Strategy(self.scenario, start["profile"], start.get("seed", 0), exponent)
        self.turns = 0
        self.standing = None  # (terms, proposer)
        self.ended = False
        self.last = None  # (request, reply)
        self.touched = time.monotonic()
        # The session's key: only the client that started it can play, end or drop it.
        self.key = secrets.token_hex(16)

    def mover(self, turn_index):
        opener = self.scenario["opener"]
        return opener if turn_index % 2 == 0 else ("seller" if opener == "buyer" else "buyer")

    def apply(self, action, by):
        """Applies an action by one side; returns a complaint if it breaks the rules."""
        kind = action["type"]
        if len(action.get("note") or "") > MAX_NOTE or len(action.get("reason") or "") > MAX_NOTE:
            return "the note is too long"
        if kind == "offer":
            terms = action["terms"]
            names = {issue["name"] for issue in self.scenario["issues"]}
            if set(terms) != names:
                return "the offer must give a value for every issue, and only for those"
            for issue in self.scenario["issues"]:
                if terms[issue["name"]] not in domain(issue):
                    return f"the offer's {issue['name']} is outside its domain"
            self.standing = (terms, by)
        elif kind == "accept":
            if self.standing is None or self.standing[1] == by:
                return "there is no standing offer from the other side to accept"
            self.ended = True
        else:
            self.ended = True
        self.turns += 1
        return None

    def turn(self, request):
        turn, opponent_action = request["turn"], request.get("opponentAction")
        if self.last is not None and self.last[0]["turn"] == turn:
            if self.last[0].get("opponentAction") != opponent_action:
                raise APIError("turn_conflict", f"turn {turn} was answered for another opponent action")
            return self.last[1]
        if self.ended:
            raise APIError("session_ended", f"the session {self.start['sessionID']} has ended")
        if turn < 1 or self.mover(turn - 1) != self.role:
            raise APIError("out_of_turn", f"turn {turn} is not the {self.role}'s", "$.turn")
        opponent_moved = self.mover(self.turns) != self.role
        expected = self.turns + (2 if opponent_moved else 1)
        if turn != expected:
            raise APIError("turn_mismatch", f"the next turn of this agent is {expected}, not {turn}", "$.turn")
        if opponent_moved:
            if opponent_action is None:
                raise APIError("invalid_opponent_action", f"turn {turn} follows the opponent's turn; send its action", "$.opponentAction")
            saved = (self.turns, self.standing, self.ended)
            complaint = self.apply(opponent_action, "seller" if self.role == "buyer" else "buyer")
            if complaint is None and self.ended:
                complaint = "after that action the session is over; report the outcome instead"
            if complaint:
                self.turns, self.standing, self.ended = saved
                raise APIError("invalid_opponent_action", f"the opponent's action breaks the rules: {complaint}", "$.opponentAction")
        elif opponent_action is not None:
            raise APIError("invalid_opponent_action", f"turn {turn} opens the session; there is no opponent action", "$.opponentAction")
        standing = self.standing[0] if self.standing and self.standing[1] != self.role else None
        action = self.strategy.respond(turn, request["elapsed"], standing)
        self.apply(action, self.role)
        reply = {"protocol": PROTOCOL, "sessionID": self.start["sessionID"], "turn": turn, "action": action}
        self.last = (request, reply)
        return reply


class Agent:
    """The sessions this server holds."""

    def __init__(self, exponent):
        self.exponent = exponent
        self.sessions = {}
        self.lock = threading.Lock()

    def card(self):
        return {"protocol": PROTOCOL, "name": f"python-boulware:e={self.exponent}", "strategy": "python-boulware",
                "protocols": [PROTOCOL], "roles": ["buyer", "seller"], "needsProfile": True}

    def expire(self):
        now = time.monotonic()
        for key in [key for key, session in self.sessions.items() if now - session.touched > IDLE_SECONDS]:
            del self.sessions[key]

    def session(self, key, session_key=None):
        self.expire()
        session = self.sessions.get(key)
        if session is None or not hmac.compare_digest(session.key, session_key or ""):
            raise APIError("unknown_session", f"no session '{key}'")
        session.touched = time.monotonic()
        return session

    def start(self, message):
        session_id = field(message, "sessionID", "$", ["string"])
        scenario = read_scenario(field(message, "scenario", "$", ["object"]), "$.scenario")
        read_role(message, "role", "$")
        field(message, "profile", "$", ["object"], required=False)
        # A seed travels as decimal digits ("18446744073709551615"); a whole number up to 2^53 - 1 is read too.
        seed = field(message, "seed", "$", ["string", "integer"], required=False)
        if isinstance(seed, str):
            if not seed.isdigit() or int(seed) >= 2 ** 64:
                raise APIError("invalid_field", "a seed is decimal digits from 0 to 18446744073709551615", "$.seed")
            message["seed"] = int(seed)
        elif seed is not None and not 0 <= seed < 2 ** 53:
            raise APIError("invalid_field", "a seed given as a number is from 0 to 2^53 - 1", "$.seed")
        if not SESSION_ID.match(session_id):
            raise APIError("invalid_field", "a session id is 1 to 128 of A-Z a-z 0-9 . _ -", "$.sessionID")
        problems = scenario_problems(scenario)
        if problems:
            raise APIError("invalid_scenario", "the scenario is invalid: " + "; ".join(what for _, what in problems[:5]), problems[0][0])
        if message.get("profile") is None:
            raise APIError("invalid_profile", "this agent needs its profile in the session start", "$.profile")
        read_profile(message["profile"], scenario)
        self.expire()
        existing = self.sessions.get(session_id)
        if existing is not None and not existing.ended:
            if existing.start != message:
                raise APIError("session_exists", f"session '{session_id}' is open with another start")
            return 200, existing.key
        if existing is None and len(self.sessions) >= MAX_SESSIONS:
            ended = [key for key, session in self.sessions.items() if session.ended]
            if not ended:
                raise APIError("at_capacity", "this server holds as many sessions as it may")
            del self.sessions[ended[0]]
        self.sessions[session_id] = Session(message, self.exponent)
        return 201, self.sessions[session_id].key


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "parley-python-agent"

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm holds the body back ~40 ms.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *arguments):  # quiet
        pass

    def answer(self, status, body=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            while length > 0:  # read it all, so the connection stays usable and the client sees the answer
                chunk = self.rfile.read(min(length, 1 << 16))
                if not chunk:
                    break
                length -= len(chunk)
            raise APIError("body_too_large", f"the body is larger than {MAX_BODY_BYTES} bytes")
        return self.rfile.read(length)

    def handle_request(self, method):
        agent = self.server.agent
        path = self.path.split("?")[0]
        try:
            raw = self.body() if method == "POST" else b""
            if path == "/health" and method == "GET":
                return self.answer(200, {"protocol": PROTOCOL, "status": "ok"})
            token = self.server.token
            if token and not hmac.compare_digest(self.headers.get("Authorization", ""), f"Bearer {token}"):
                raise APIError("unauthorized", "a valid bearer token is required")
            parts = path.strip("/").split("/")
            with agent.lock:
                if path == "/v1/agent" and method == "GET":
                    return self.answer(200, agent.card())
                if path == "/v1/sessions" and method == "POST":
                    message = read_message(raw)
                    status, key = agent.start(message)
                    return self.answer(status, {"protocol": PROTOCOL, "sessionID": message["sessionID"], "sessionKey": key})
                if len(parts) == 3 and parts[:2] == ["v1", "sessions"] and method == "DELETE":
                    agent.session(parts[2], self.headers.get(SESSION_KEY))
                    del agent.sessions[parts[2]]
                    return self.answer(204)
                if len(parts) == 5 and parts[:2] == ["v1", "sessions"] and parts[3] == "turns" and method == "POST":
                    return self.turn(agent, parts[2], parts[4], raw)
                if len(parts) == 4 and parts[:2] == ["v1", "sessions"] and parts[3] == "outcome" and method == "POST":
                    session = agent.session(parts[2], self.headers.get(SESSION_KEY))
                    message = read_message(raw)
                    self.check_session(message, parts[2])
                    outcome = field(message, "outcome", "$", ["object"])
                    field(outcome, "type", "$.outcome", ["string"])
                    session.ended = True
                    return self.answer(204)
            raise APIError("not_found", f"no such endpoint: {method} {path}")
        except APIError as error:
            self.answer(STATUS.get(error.code, 422), error.body())
        except Exception as error:  # noqa: BLE001 - the agent failed; say so without details of its state
            self.answer(500, APIError("agent_failed", f"the agent failed: {type(error).__name__}").body())

    @staticmethod
    def check_session(message, key):
        session_id = field(message, "sessionID", "$", ["string"])
        if session_id != key:
            raise APIError("session_mismatch", f"the body names session {session_id}, the path {key}", "$.sessionID")

    def turn(self, agent, key, turn_text, raw):
        if not turn_text.isdigit():
            raise APIError("invalid_field", "the turn in the path must be a whole number", "turn")
        session = agent.session(key, self.headers.get(SESSION_KEY))
        request = read_message(raw)
        field(request, "sessionID", "$", ["string"])
        if not 1 <= field(request, "turn", "$", ["integer"]) <= 20000:
            raise APIError("invalid_field", "turn must be from 1 to 20000", "$.turn")
        if request.get("opponentAction") is not None:
            read_action(field(request, "opponentAction", "$", ["object"]), "$.opponentAction")
        if not 0 <= field(request, "elapsed", "$", ["number"]) <= 2592000:
            raise APIError("invalid_field", "elapsed must be from 0 to 2592000 seconds", "$.elapsed")
        self.check_session(request, key)
        if request["turn"] != int(turn_text):
            raise APIError("session_mismatch", f"the body asks for turn {request['turn']}, the path for turn {turn_text}", "$.turn")
        return self.answer(200, session.turn(request))

    def do_GET(self):
        self.handle_request("GET")

    def do_POST(self):
        self.handle_request("POST")

    def do_DELETE(self):
        self.handle_request("DELETE")

    def do_PUT(self):
        self.handle_request("PUT")


def main():
    parser = argparse.ArgumentParser(description="A Parley agent server in Python (standard library only).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8082, help="0 picks a free port")
    parser.add_argument("--token", help="require 'Authorization: Bearer TOKEN' on every path but /health")
    parser.add_argument("--exponent", type=float, default=0.2, help="concession exponent: below 1 concedes late")
    arguments = parser.parse_args()
    if arguments.exponent <= 0:
        parser.error("--exponent must be positive")
    # Stop on SIGTERM as on Ctrl-C, even when started by a process that blocks or ignores signals (children inherit both).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    server = ThreadingHTTPServer((arguments.host, arguments.port), Handler)
    server.daemon_threads = True
    server.agent, server.token = Agent(arguments.exponent), arguments.token
    print(f"Serving python-boulware on http://{arguments.host}:{server.server_address[1]} ({PROTOCOL}); stop with Ctrl-C", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
