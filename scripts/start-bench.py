#!/usr/bin/env python3
"""How fast `wb` starts: the median wall time of N tiny runs (CMA-ES on sphere 2-D, 100 evaluations), recorded
into a run store and unrecorded, and of `wb --help`, the three interleaved so that a change in load hits all alike.
Each WB gets its own fresh data home (a temp dir: store, plugin index) and one untimed run first, which writes the
plugin index that later commands read, as any first command after a publish or a plugin change does.
Wall times on a busy machine scatter: compare builds in one call and read medians (README "A fast start").
Usage: scripts/start-bench.py WB [WB ...] [--runs N]  (WB = path to a published wb; N defaults to 21)."""
import os, shutil, statistics, subprocess, sys, tempfile, time

RUN = ["run", "--algorithm", "cmaes", "--problem", "sphere", "--dim", "2", "--max-evals", "100"]
CASES = {
    "run, recorded": lambda seed: RUN + ["--seed", str(seed)],
    "run, --no-record": lambda seed: RUN + ["--seed", str(seed), "--no-record"],
    "--help": lambda seed: ["--help"],
}

def timed(wb, args, env):
    start = time.perf_counter()
    done = subprocess.run([wb, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{wb} {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return wall

def main():
    args = sys.argv[1:]
    runs = 21
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at:at + 2]
    if not args:
        sys.exit(__doc__)
    homes = {wb: tempfile.mkdtemp(prefix="wb-start-bench-") for wb in args}
    envs = {wb: dict(os.environ, XDG_DATA_HOME=home) for wb, home in homes.items()}
    for wb in args:
        envs[wb].pop("WORKBENCH_DB", None)  # the store must be the fresh one in the data home
        timed(wb, CASES["run, recorded"](0), envs[wb])
    walls = {(wb, case): [] for wb in args for case in CASES}
    for seed in range(1, runs + 1):
        for wb in args:
            for case, make in CASES.items():
                walls[(wb, case)].append(timed(wb, make(seed), envs[wb]))
    print(f"{runs} runs each, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end, {os.cpu_count()} cpus")
    for wb in args:
        print(wb)
        for case in CASES:
            w = sorted(walls[(wb, case)])
            print(f"  {case:18} median {statistics.median(w):.3f} s   min {w[0]:.3f} s   max {w[-1]:.3f} s")
    for home in homes.values():
        shutil.rmtree(home, ignore_errors=True)

if __name__ == "__main__":
    main()
