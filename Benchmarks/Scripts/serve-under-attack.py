#!/usr/bin/env python3
"""Measures `parley serve` under hostile load, on loopback only.

1. Memory: sends N session starts, each with a distinct profile on a large scenario (262,144 outcomes, so each
   profile needs its own bidding index of about 3 MiB), plays one turn and deletes the session; reports the
   server's peak resident memory (VmHWM) before and after.
2. Slow headers: holds A connections that send half a request head and then one more byte every second
   (re-opening any the server closes), for S seconds, while /health is asked every 100 ms on a new connection;
   reports /health's latency and how many attacking connections the server cut off.

    python3 Benchmarks/Scripts/serve-under-attack.py .build/release/parley [--starts 500] [--attack 1000] [--seconds 30]
"""
import argparse
import http.client
import json
import re
import socket
import subprocess
import sys
import threading
import time


def start_server(parley, extra):
    process = subprocess.Popen([parley, "serve", "--agent", "boulware", "--port", "0", "--max-sessions", "100000", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
    if not match:
        process.kill()
        sys.exit(f"the server did not start: {line!r}")
    return process, int(match.group(1))


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def request(port, method, path, body=None, headers=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    data = json.dumps(body).encode() if body is not None else None
    connection.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, (json.loads(payload) if payload else None)


def large_start(index):
    scenario = {
        "id": "large", "name": "Large", "opener": "buyer", "deadline": {"rounds": 100},
        "issues": [
            {"name": "price", "type": "money", "currency": "EUR", "min": 0, "max": 511, "step": 1},
            {"name": "quantity", "type": "integer", "min": 0, "max": 511, "step": 1},
        ],
    }
    weight = round(0.2 + 0.6 * index / 1000, 6)
    profile = {"reservation": 0.1, "issues": {
        "price": {"weight": weight, "value": {"type": "linear", "direction": "decreasing"}},
        "quantity": {"weight": round(1 - weight, 6), "value": {"type": "linear", "direction": "increasing"}},
    }}
    return {"protocol": "parley/1", "sessionID": f"large-{index}", "scenario": scenario, "role": "buyer", "profile": profile, "seed": 1}


def memory_phase(parley, starts, extra):
    process, port = start_server(parley, extra)
    try:
        baseline = peak_rss_mib(process.pid)
        began = time.monotonic()
        for index in range(starts):
            status, started = request(port, "POST", "/v1/sessions", large_start(index))
            assert status == 201, (status, started)
            key = {"Parley-Session-Key": started["sessionKey"]}
            status, _ = request(port, "POST", f"/v1/sessions/large-{index}/turns/1",
                                {"protocol": "parley/1", "sessionID": f"large-{index}", "turn": 1, "elapsed": 0}, key)
            assert status == 200, status
            status, _ = request(port, "DELETE", f"/v1/sessions/large-{index}", headers=key)
            assert status == 204, status
        return baseline, peak_rss_mib(process.pid), time.monotonic() - began
    finally:
        process.terminate()
        process.wait()


def attack_phase(parley, attackers, seconds):
    process, port = start_server(parley, [])
    latencies, cut, stop = [], [0], threading.Event()

    def attack():
        sockets = []

        def open_one():
            attacker = socket.create_connection(("127.0.0.1", port))
            attacker.setblocking(False)
            attacker.send(b"POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            return attacker

        for _ in range(attackers):
            sockets.append(open_one())
        while not stop.is_set():
            for position, attacker in enumerate(sockets):
                try:
                    attacker.send(b"a")
                    if attacker.recv(1, socket.MSG_PEEK) == b"":
                        raise ConnectionError
                except BlockingIOError:
                    pass
                except OSError:
                    attacker.close()
                    cut[0] += 1
                    sockets[position] = open_one()
            stop.wait(1)
        for attacker in sockets:
            attacker.close()

    try:
        thread = threading.Thread(target=attack)
        thread.start()
        time.sleep(1)  # let every attacker connect
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            began = time.monotonic()
            status, _ = request(port, "GET", "/health", timeout=5)
            assert status == 200, status
            latencies.append((time.monotonic() - began) * 1000)
            time.sleep(max(0, 0.1 - (time.monotonic() - began)))
        stop.set()
        thread.join()
        return latencies, cut[0], peak_rss_mib(process.pid)
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parley")
    parser.add_argument("--starts", type=int, default=500)
    parser.add_argument("--attack", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--index-cache-mib", type=int, default=None)
    options = parser.parse_args()
    extra = ["--index-cache-mib", str(options.index_cache_mib)] if options.index_cache_mib else []
    baseline, peak, took = memory_phase(options.parley, options.starts, extra)
    print(f"memory: {options.starts} large-profile starts, turns and deletes in {took:.1f} s; "
          f"peak RSS {baseline:.0f} MiB at start, {peak:.0f} MiB at the end")
    latencies, cut, rss = attack_phase(options.parley, options.attack, options.seconds)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(f"slow headers: {options.attack} attacking connections for {options.seconds:.0f} s, {cut} cut off by the server; "
          f"/health answered {len(latencies)} times, median {latencies[len(latencies) // 2]:.1f} ms, p99 {p99:.1f} ms, "
          f"max {latencies[-1]:.1f} ms, {sum(1 for l in latencies if l > 100)} over 100 ms; peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
