#!/usr/bin/env python3
"""pycma on COCO's bbob functions with the protocol of `wb campaign` (issue 15, item 5), for the README's side by side
ERT table with campaigns/pycma-reference.yaml. Needs numpy and pycma; run it outside the repository's environment,
e.g. PYTHONPATH=/tmp/pycma /usr/bin/python3 scripts/pycma-bbob.py 10 1-24 1-15 10000 > pycma-10d.tsv

Usage: scripts/pycma-bbob.py DIM FUNCTIONS INSTANCES BUDGET [ipop] [--reps A-B]
  FUNCTIONS, INSTANCES: ranges such as 1-24 or lists such as 1,3,5; BUDGET: evaluations per dimension;
  ipop: cma.fmin(..., restarts=9, incpopsize=2) instead of a single run (our `restarts=ipop`);
  --reps A-B: repetitions A..B of every (function, instance), repetition r seeded with 1000 * dim + instance +
  100000 * r (default 0-0, the seeds of the README's table); more runs than one per instance, because an ERT over
  15 runs scatters by about 10% between seed sets (README, "Reference comparison with pycma").

The functions are pycma's cma.bbobbenchmarks (COCO's 2009 definitions and instance seeds); check them first with
`--check [FOLDER]`, which compares them with FOLDER (default ../shared/bbob/) (values computed by COCO's C code).

The protocol, as `wb campaign` runs our CMA-ES with its defaults: x0 uniform in [-5, 5]^d (numpy's
RandomState(1000 * dim + instance): the same distribution as ours, not the same draw), sigma0 = 0.3 x width = 3,
pycma's default BoundTransform on [-5, 5] with its maxstd_boundrange = 1/3, a run stops at budget x dim evaluations
or when best - fopt <= 1e-8. Counted: the solutions asked, up to the end of the iteration that first reached each
target (`wb campaign` reads runtimes the same way); pycma's extra evaluation of the final mean is not counted, nor
any evaluation past the budget (pycma ends an iteration that crosses maxfevals, ours never asks past it).
Everything else is pycma's default (active CMA, CSA, tolfun 1e-11, tolx 1e-11, tolstagnation, ...).

Output, one line per run: function, dim, instance, evaluations used, then the runtime (evaluations) to each
target 1e1 ... 1e-8, or 'inf', then the repetition. Then one '# ERT' line per function at 1e-8 (COCO's ERT: evaluations of every run,
up to its first hit if it hit, summed, over the number of runs that hit).
"""
import math, sys, warnings
import numpy as np
import cma
import cma.bbobbenchmarks as bn

TARGETS = [10.0 ** -k for k in range(-1, 9)]  # 1e1 ... 1e-8


def parse_range(text):
    values = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        values.extend(range(int(lo), int(hi or lo) + 1))
    return values


def one_run(function, dim, instance, budget, ipop, rep=0):
    problem = bn.dictbbob[function](instance)
    fopt = problem.fopt
    seed = 1000 * dim + instance + 100000 * rep
    x0 = np.random.RandomState(seed).uniform(-5, 5, dim)
    used = [0]  # evaluations of the runs before the current one
    runs = []
    hits = [math.inf] * len(TARGETS)

    def after_iteration(es):
        if not runs or runs[-1] is not es:
            if runs:
                used[0] += runs[-1].countiter * runs[-1].popsize
            runs.append(es)
        evaluations = used[0] + es.countiter * es.popsize
        if evaluations > budget:
            return
        precision = es.fit.fit[0] - fopt
        for k, target in enumerate(TARGETS):
            if hits[k] == math.inf and precision <= target:
                hits[k] = evaluations

    options = {"bounds": [-5, 5], "ftarget": fopt + TARGETS[-1], "maxfevals": budget, "seed": seed,
               "verbose": -9, "verb_log": 0}
    cma.fmin(lambda x: float(problem(np.asarray(x))), x0, 3.0, options, restarts=9 if ipop else 0, incpopsize=2,
             callback=after_iteration)
    total = used[0] + runs[-1].countiter * runs[-1].popsize
    return min(total, budget) if hits[-1] == math.inf else hits[-1], hits


def check(folder):
    """Every row of COCO's reference values (f(x) at 7 points, 5 instances, d = 2 ... 40) and every fopt of
    instances 1-15: prints the largest relative error per function and the instances whose fopt differs."""
    worst = {}
    for line in open(f"{folder}/bbob-reference-values.tsv"):
        if not line.startswith("#"):
            c = line.rstrip("\n").split("\t")
            f, value, x = int(c[0]), float(c[6]), np.array([float(v) for v in c[7].split()])
            y = float(bn.dictbbob[f](int(c[2]))(x))
            worst[f] = max(worst.get(f, 0.0), abs(y - value) / (abs(value) if abs(value) > 1e-12 else 1.0))
    print("largest relative error per function:", " ".join(f"f{f}:{e:.1e}" for f, e in sorted(worst.items())))
    for line in open(f"{folder}/bbob-optima.tsv"):
        if not line.startswith("#"):
            c = line.split("\t")
            problem = bn.dictbbob[int(c[0])](int(c[2]))
            problem(np.zeros(int(c[1])))
            if abs(problem.fopt - float(c[3])) > 1e-12 * abs(float(c[3])):
                print("fopt differs:", c[:4], problem.fopt)


def main():
    warnings.simplefilter("ignore")
    if sys.argv[1] == "--check":
        check(sys.argv[2] if len(sys.argv) > 2 else "../shared/bbob")
        return
    args = sys.argv[1:]
    reps = [0]
    if "--reps" in args:
        at = args.index("--reps")
        reps = parse_range(args[at + 1])
        del args[at:at + 2]
    dim, functions, instances = int(args[0]), parse_range(args[1]), parse_range(args[2])
    budget, ipop = int(float(args[3]) * dim), len(args) > 4 and args[4] == "ipop"
    print(f"# pycma {cma.__version__}, dim {dim}, budget {budget}, {'ipop' if ipop else 'no restarts'}, "
          f"repetitions {reps[0]}-{reps[-1]}")
    for function in functions:
        spent, successes = 0, 0
        for rep in reps:
            for instance in instances:
                evaluations, hits = one_run(function, dim, instance, budget, ipop, rep)
                print(function, dim, instance, evaluations, *("inf" if h == math.inf else h for h in hits), rep,
                      sep="\t", flush=True)
                spent += evaluations
                successes += hits[-1] != math.inf
        ert = spent / successes if successes else math.inf
        print(f"# ERT\t{function}\t{dim}\t{ert:.1f}\t{successes}/{len(instances) * len(reps)}", flush=True)

if __name__ == "__main__":
    main()
