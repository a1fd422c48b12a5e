#!/usr/bin/env python3
"""Measures pycma on the CMA-ES quality cases with the protocol of scripts/quality-bars.py, so that the two can be
compared over the same seed ranges (README "Optimiser quality"). Needs numpy and pycma (`pip install numpy cma`);
the README figures came from pycma 3.3.0.

Usage: scripts/pycma-reference.py CASE FIRST LAST     CASE: rosen5, rosen10, sphere10 or ipop-rastrigin10

Per seed: x0 uniform in the domain from numpy's RandomState(seed), sigma0 = 0.3 x width, pycma's default
BoundTransform on the domain, target 1e-8; IPOP is cma.fmin(..., restarts=9, incpopsize=2). Counted: evaluations
of asked solutions up to the end of the iteration that reaches the target (pycma's own count adds one evaluation of
the final mean per run, which is left out). Prints the median (failures count as infinite) and the success count.
"""
import math, statistics, sys, warnings
import numpy as np
import cma

CASES = {  # name: (function, dimension, lower, upper, max evaluations, restarts)
    "rosen5": (lambda x: float(np.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)), 5, -2.2, 2.2, 100_000, 0),
    "rosen10": (lambda x: float(np.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)), 10, -2.2, 2.2, 100_000, 0),
    "sphere10": (lambda x: float(np.sum(x ** 2)), 10, -5.0, 5.0, 100_000, 0),
    "ipop-rastrigin10": (lambda x: float(10 * len(x) + np.sum(x ** 2 - 10 * np.cos(2 * np.pi * x))), 10, -5.12, 5.12,
                         1_000_000, 9),
}


def evaluations_to_target(case, seed):
    f, n, lo, hi, budget, restarts = CASES[case]
    x0 = np.random.RandomState(seed).uniform(lo, hi, n)
    runs, hit = [], []

    def after_iteration(es):
        if not runs or runs[-1] is not es:
            runs.append(es)
        if not hit and es.fit.fit[0] <= 1e-8:
            hit.append(sum(r.countiter * r.popsize for r in runs))

    options = {"bounds": [lo, hi], "ftarget": 1e-8, "maxfevals": budget, "seed": seed, "verbose": -9, "verb_log": 0}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cma.fmin(lambda x: f(np.asarray(x)), x0, 0.3 * (hi - lo), options, restarts=restarts, incpopsize=2,
                 callback=after_iteration)
    return hit[0] if hit else math.inf


def main():
    case, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    results = [evaluations_to_target(case, s) for s in range(first, last + 1)]
    reached = sum(1 for r in results if r != math.inf)
    print(f"pycma {cma.__version__} {case}, seeds {first}-{last}: median evaluations {statistics.median(results)}, "
          f"reached {reached}/{len(results)}")
    if len(results) <= 20:
        print("  " + " ".join("fail" if r == math.inf else str(r) for r in results))


main()
