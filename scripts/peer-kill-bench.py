#!/usr/bin/env python3
"""The kill -9 bar of the peers issue, measured with real processes: 3 `wb serve` peers x 1 slot on loopback, a
PSO run of about 20 s spread over them (--no-local, pause 10 ms per evaluation), once undisturbed and once with
one peer killed (SIGKILL) half-way. Checks that both runs record the same history, and reports the time lost to
the kill: the longest iteration around the kill minus the median iteration of the same run (what detection and
re-dispatch cost; the peer's lost capacity after the kill is not counted as lost time).
Usage: scripts/peer-kill-bench.py WB   (WB = a published wb, or "dotnet path/to/wb.dll")."""
import json, os, re, shlex, signal, statistics, subprocess, sys, tempfile, time

def wb(cmd, *args, **kw):
    return subprocess.run(shlex.split(cmd) + list(args), capture_output=True, text=True, **kw)

def serve(cmd, key, name, data):
    env = dict(os.environ, XDG_DATA_HOME=data)
    p = subprocess.Popen(shlex.split(cmd) + ["serve", "--listen", "127.0.0.1:0", "--cpus", "1", "--name", name, "--key-file", key],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    line = p.stdout.readline()
    port = re.search(r"listening on \S+:(\d+) ", line).group(1)
    return p, f"127.0.0.1:{port}"

def history(cmd, db, run_id):
    out = wb(cmd, "runs", "export", run_id, "--json", "--db", db)
    h = json.loads(out.stdout)[0]["history"]
    return h

def main():
    cmd = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="wb-killbench-")
    key, db = os.path.join(tmp, "k"), os.path.join(tmp, "runs.db")
    wb(cmd, "key", "new", "--key-file", key)
    run = ["run", "-a", "pso", "-p", "rosenbrock", "-d", "5", "--seed", "5", "-o", "swarm-size=80", "--max-iters", "75",
           "--problem-option", "pause-ms=10", "--no-local", "--json", "--db", db, "--key-file", key]
    results = {}
    for kill in (False, True):
        peers = [serve(cmd, key, f"p{i}", os.path.join(tmp, f"d{kill}{i}")) for i in range(3)]
        started = time.monotonic()
        client = subprocess.Popen(shlex.split(cmd) + run + ["--peers", ",".join(a for _, a in peers)], stdout=subprocess.PIPE, text=True)
        killed_at = None
        if kill:
            time.sleep(10)
            peers[1][0].send_signal(signal.SIGKILL)
            killed_at = time.monotonic() - started
        out, _ = client.communicate()
        for p, _ in peers:
            p.kill()
        summary = json.loads(out)
        results[kill] = (summary, history(cmd, db, summary["runId"]), killed_at)
    (base, hb, _), (killed, hk, at) = results[False], results[True]
    same = all(hb[c] == hk[c] for c in ("iteration", "evaluations", "best", "iterationBest", "mean"))
    elapsed = hk["elapsed"]
    durations = [b - a for a, b in zip([0.0] + elapsed[:-1], elapsed)]
    median = statistics.median(durations)
    # The iterations that ran while the kill happened (client time starts a little after the process start).
    around = [d for d, e in zip(durations, elapsed) if abs(e - at) < 3.0]
    lost = max(around) - median if around else float("nan")
    print(f"undisturbed: {base['wallSeconds']:.2f} s; with a peer killed at {at:.1f} s: {killed['wallSeconds']:.2f} s "
          f"({killed['spread']['redispatches']} chunk(s) re-dispatched)")
    print(f"same history: {'yes' if same else 'NO'}; best {base['bestFitness']!r} vs {killed['bestFitness']!r}")
    print(f"median iteration {median*1000:.0f} ms; longest iteration around the kill {max(around)*1000:.0f} ms; time lost to the kill {lost:.2f} s")
    return 0 if same else 1

if __name__ == "__main__":
    sys.exit(main())
