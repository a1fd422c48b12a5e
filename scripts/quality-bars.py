#!/usr/bin/env python3
"""Runs the optimiser quality bars of issue 3 through the real `wb run --json` and prints medians next to the
bars. The bars are medians over seeds 1..10; `--seeds A-B` measures another range (a 10-seed median of these
distributions scatters widely, see README "Optimiser quality"), `--jobs J` runs J wb processes at once.
Usage: scripts/quality-bars.py WB [--seeds A-B] [--jobs J] [case ...]  (WB = path to wb)."""
import json, statistics, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

CASES = {
    "cmaes-rosen5": ("-a cmaes -p rosenbrock -d 5 --target 1e-8 --max-evals 100000", "evals", 1700, 9),
    "cmaes-rosen10": ("-a cmaes -p rosenbrock -d 10 --target 1e-8 --max-evals 100000", "evals", 5000, 9),
    "cmaes-sphere10": ("-a cmaes -p sphere -d 10 --target 1e-8 --max-evals 100000", "evals", 1550, 10),
    "ipop-rastrigin10": ("-a cmaes -p rastrigin -d 10 --target 1e-8 --option restarts=ipop --max-evals 1000000", "evals", 57000, 10),
    "paper-a-pso": ("-a pso -p rosenbrock -d 5 --option swarm-size=80 --max-iters 150", "best", 0.35, None),
    "paper-a-cmaes": ("-a cmaes -p rosenbrock -d 5 --option lambda=80 --max-iters 150", "best", 1e-20, None),
    "paper-b-ga-islands": ("-a ga -p schwefel -d 10 --option population=1000 --islands 4 --migration-interval 20 --max-iters 2000", "best", 1.5e-5, None),
    "ga-single-1000": ("-a ga -p schwefel -d 10 --option population=1000 --max-iters 2000", "best", 2e-4, None),
    "ga-single-4000": ("-a ga -p schwefel -d 10 --option population=4000 --max-iters 2000", "best", None, None),
}

def run(wb, args, seed):
    out = subprocess.run([wb, "run", *args.split(), "--seed", str(seed), "--json", "--no-record"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        out = subprocess.run([wb, "run", *args.split(), "--seed", str(seed), "--json"], capture_output=True, text=True)
    return json.loads(out.stdout)

def main():
    args = sys.argv[1:]
    wb, seeds, jobs, names = args.pop(0), range(1, 11), 1, []
    while args:
        a = args.pop(0)
        if a == "--seeds":
            lo, hi = args.pop(0).split("-")
            seeds = range(int(lo), int(hi) + 1)
        elif a == "--jobs":
            jobs = int(args.pop(0))
        else:
            names.append(a)
    count = len(seeds)
    with ThreadPoolExecutor(jobs) as pool:
        for name in names or list(CASES):
            cmd, metric, bar, need = CASES[name]
            results = list(pool.map(lambda s: run(wb, cmd, s), seeds))
            if metric == "evals":
                hits = [r for r in results if r["stopReason"] == "target"]
                median = statistics.median(r["evaluations"] for r in results)
                ok = median <= bar and len(hits) * 10 >= need * count
                print(f"{name:20} median evaluations {median:>9.0f}  reached {len(hits)}/{count}  bar <= {bar} "
                      f"(>= {need}/10)  {'PASS' if ok else 'MISS'}")
            else:
                values = sorted(r["bestFitness"] for r in results)
                median = statistics.median(values)
                q1, q3 = values[count // 4], values[(3 * count) // 4]
                verdict = "" if bar is None else ("PASS" if median <= bar else "MISS")
                wall = statistics.median(r["wallSeconds"] for r in results)
                print(f"{name:20} median best {median:.3g} (q1 {q1:.3g}, q3 {q3:.3g})  median wall {wall:.2f} s  bar {bar}  {verdict}")
            sys.stdout.flush()

main()
