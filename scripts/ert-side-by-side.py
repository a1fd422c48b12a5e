#!/usr/bin/env python3
"""The README's ERT table at one target: pycma (the output of scripts/pycma-bbob.py) beside configurations of ours
(the ert.csv of `wb campaign report pycma-reference`), per bbob function and dimension.

Usage: scripts/ert-side-by-side.py ERT_CSV CONFIG PYCMA_TSV... [--target 1e-08]
  CONFIG: the algorithm column of ert.csv to compare, e.g. 'cmaes' (the defaults) or 'cmaes restarts=ipop'.

ERT is recomputed from pycma's per-run lines (runtime to the target if reached, else all evaluations used, summed,
over the successes), so any target of its output can be compared. ratio = ours / pycma; '-' where pycma solved no
run (the bar applies only where pycma solves).
"""
import csv, math, sys


def pycma_ert(paths, target):
    column = 4 + [10.0 ** -k for k in range(-1, 9)].index(target)
    runs = {}
    for path in paths:
        for line in open(path):
            if not line.startswith("#"):
                c = line.split("\t")
                runs.setdefault((int(c[0]), int(c[1])), []).append((int(c[3]), float(c[column])))
    result = {}
    for key, rows in runs.items():
        successes = sum(1 for _, hit in rows if hit != math.inf)
        spent = sum(hit if hit != math.inf else used for used, hit in rows)
        result[key] = (spent / successes if successes else math.inf, successes, len(rows))
    return result


def main():
    args = sys.argv[1:]
    target = 1e-8
    if "--target" in args:
        i = args.index("--target")
        target = float(args[i + 1])
        del args[i:i + 2]
    ert_csv, config, pycma_paths = args[0], args[1], args[2:]
    ours = {}
    for row in csv.DictReader(open(ert_csv)):
        if row["algorithm"] == config and math.isclose(float(row["target"]), target):
            key = (int(row["problem"].removeprefix("bbob-f")), int(row["dimension"]))
            ours[key] = (float(row["ert"]) if row["ert"] not in ("", "inf", "∞", "Infinity") else math.inf,
                         int(row["successes"]), int(row["trials"]))
    theirs = pycma_ert(pycma_paths, target)
    show = lambda e: "∞" if e == math.inf else f"{e:,.0f}"
    print(f"| f | d | pycma ERT | pycma solved | ours ERT ({config}) | ours solved | ours / pycma |")
    print("|---|---|---|---|---|---|---|")
    for key in sorted(set(theirs) & set(ours), key=lambda k: (k[1], k[0])):
        (pe, ps, pn), (oe, os_, on) = theirs[key], ours[key]
        ratio = "-" if pe == math.inf else ("∞" if oe == math.inf else f"{oe / pe:.2f}")
        print(f"| {key[0]} | {key[1]} | {show(pe)} | {ps}/{pn} | {show(oe)} | {os_}/{on} | {ratio} |")


if __name__ == "__main__":
    main()
