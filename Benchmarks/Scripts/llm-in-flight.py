"""Wall time of an LLM tournament of 200 sessions against a scripted chat-completions server that answers every
request after 200 ms, with `--in-flight 1, 8, 64` and `--jobs 1`, next to the ideal: sessions × model turns × 0.2 s /
in-flight. The model walks away at its first turn, so each session consults it once.
    swift build -c release --product parley
    python3 Benchmarks/Scripts/llm-in-flight.py
"""
import json
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARLEY = ROOT / ".build/release/parley"
DELAY = 0.2
REPLY = json.dumps({"reasoning": "too far apart", "action": "walkAway", "terms": None, "note": None})


class Model(BaseHTTPRequestHandler):
    requests = 0

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(DELAY)
        Model.requests += 1
        body = json.dumps({
            "id": "chatcmpl", "object": "chat.completion", "created": 0, "model": "scripted",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": REPLY}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    # A listen backlog for 64 connections at once (the default, 5, makes the rest wait for SYN retries).
    request_queue_size = 256
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", 0), Model)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as folder:
        agent = Path(folder) / "llm.json"
        agent.write_text(json.dumps({"name": "llm", "strategy": "llm", "llm": {"baseURL": url, "model": "scripted", "turnTimeLimit": 60, "fallback": "boulware"}}))
        for in_flight in (1, 8, 64):
            Model.requests = 0
            start = time.perf_counter()
            subprocess.run([
                str(PARLEY), "tournament", "--scenario", str(ROOT / "Examples/Scenarios/reference-supply.json"), "--agents", f"{agent},boulware",
                "--repetitions", "100", "--jobs", "1", "--in-flight", str(in_flight), "--store", f"{folder}/t{in_flight}.sqlite",
            ], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            ideal = Model.requests * DELAY / in_flight
            print(f"--in-flight {in_flight}: {elapsed:.1f} s for 200 sessions and {Model.requests} model requests; ideal {ideal:.1f} s ({elapsed / ideal:.2f}× the ideal)", flush=True)
    server.shutdown()


if __name__ == "__main__":
    main()
