#!/usr/bin/env python3
"""The criterion that chose the optimiser defaults (README "Defaults chosen on a suite", issue 15 item 4): the area
under the runtime ECDF aggregated over a whole suite, per configuration, from the runs `wb campaign` stored.

Usage: scripts/suite-ecdf-area.py WB DB CAMPAIGN...      e.g. scripts/suite-ecdf-area.py wb suite.db suite-pso suite-pso-classic

For every run and every target t in 1e1 ... 1e-8 the runtime is the evaluations at the end of the first iteration
with best - fopt <= t (the store keeps every improving iteration, so this is exact). A (run, target) pair scores
(log10 B - log10(runtime / d)) / log10 B, clamped to [0, 1], where B is the budget per dimension, and 0 if the target
was not reached: the mean score is the area under the runtime ECDF over x = log10(evaluations / d) in [0, log10 B],
normalised to 1 (an optimiser that hit every target with its first d evaluations would score 1). Every (function,
dimension, instance or seed) counts once, so every function weighs the same.

Prints per configuration (named by the options that differ between the campaign's configurations): the area over
all runs, per dimension and per bbob group, and how many (function, dimension) pairs reached 1e-8 in some run.
"""
import collections, json, math, subprocess, sys

TARGETS = [10.0 ** -k for k in range(-1, 9)]
GROUPS = [("separable", 1, 5), ("moderate", 6, 9), ("ill-cond.", 10, 14), ("multimodal", 15, 19), ("weak str.", 20, 24)]


def wb(exe, *args):
    return json.loads(subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout)


def runs_of(exe, db, campaign):
    listed = wb(exe, "runs", "list", "--db", db, "--tag", f"campaign:{campaign}", "--status", "Completed", "-n", "0",
                "--json")
    ids = [r["runId"] for r in listed]
    for start in range(0, len(ids), 200):
        yield from wb(exe, "runs", "export", *ids[start:start + 200], "--db", db, "--json")


def score(run):
    d = run["run"]["Description"]
    dim, fopt, budget = d["Dimension"], d["KnownOptimum"], d["Stop"]["MaxEvaluations"]
    log_budget = math.log10(budget / dim)
    history = run["history"]
    scores = []
    for target in TARGETS:
        hit = next((e for e, b in zip(history["evaluations"], history["best"]) if b - fopt <= target), None)
        scores.append(0.0 if hit is None else min(1.0, max(0.0, (log_budget - math.log10(hit / dim)) / log_budget)))
    return scores


def group_of(problem):
    if not problem.startswith("bbob-f"):
        return "classic"
    f = int(problem[6:])
    return next(name for name, lo, hi in GROUPS if lo <= f <= hi)


def main():
    exe, db, campaigns = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = [r for c in campaigns for r in runs_of(exe, db, c)]
    options = [r["run"]["Description"]["Algorithm"]["Options"] for r in rows]
    varying = sorted(k for k in options[0] if len({o[k] for o in options}) > 1)
    by_config = collections.defaultdict(list)
    for r, o in zip(rows, options):
        by_config[" ".join(f"{k}={o[k]}" for k in varying) or "(one configuration)"].append(r)
    dims = sorted({r["run"]["Description"]["Dimension"] for r in rows})
    groups = [g for g, _, _ in GROUPS] + ["classic"]
    print("configuration", "runs", "area", *(f"{d}-D" for d in dims), *groups, "solved", sep="\t")
    for label, runs in sorted(by_config.items()):
        per = collections.defaultdict(list)
        solved = set()
        for r in runs:
            d = r["run"]["Description"]
            s = score(r)
            per["all"] += s
            per[d["Dimension"]] += s
            per[group_of(d["Problem"]["Id"])] += s
            if s[-1] > 0:
                solved.add((d["Problem"]["Id"], d["Dimension"]))
        mean = lambda k: f"{sum(per[k]) / len(per[k]):.4f}" if per[k] else "-"
        print(label, len(runs), mean("all"), *(mean(d) for d in dims), *(mean(g) for g in groups), len(solved), sep="\t")


if __name__ == "__main__":
    main()
