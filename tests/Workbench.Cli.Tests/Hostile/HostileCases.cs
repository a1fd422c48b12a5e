namespace Workbench.Cli.Tests.Hostile;

/// <summary>The table: bad numbers, bad paths, bad names and bad values for every command that takes them. Every
/// case must end with its exit code (2 for a bad value or path, 1 for a failure during the work), one line on
/// stderr, no stack trace, and the store as it was.</summary>
internal static class HostileCases
{
    private static readonly string LongText = new('x', 50_000);

    public static IEnumerable<HostileCase> All()
    {
        string[] run = ["run", "-a", "cmaes", "-p", "sphere", "-d", "2", "--max-evals", "50"];
        string[] task = ["task", "run", "-t", "pi", "-o", "points=1000"];
        string[] nonNumbers = ["NaN", "nan", "Infinity", "-Infinity", "∞", "1e400", "-1e400", "abc", "", "0x10", "1,5"];

        foreach (var v in nonNumbers.Concat(["1e300", "-1", "0", "-0", "1e-300"]))
        {
            yield return new($"run --time-limit '{v}'", 2, [.. run, "--time-limit", v]);
        }

        foreach (var v in nonNumbers.Concat(["-1", "0", "1e300", "-0.5"]))
        {
            yield return new($"task run --timeout '{v}'", 2, [.. task, "--timeout", v]);
        }

        foreach (var v in new[] { "NaN", "Infinity", "abc", "", "1e400" })
        {
            yield return new($"run --target '{v}'", 2, [.. run, "--target", v]);
        }

        foreach (var (flag, values) in new (string, string[])[]
        {
            ("--max-evals", ["0", "-1", "abc", "1e3", "99999999999999999999"]),
            ("--max-iters", ["0", "-5", "abc", "99999999999999999999"]),
            ("--stagnation", ["0", "-1", "abc", "3000000000"]),
            ("--workers", ["0", "-1", "abc", "3000000000"]),
            ("--gpu-min-batch", ["0", "-1", "abc", "3000000000"]),
            ("--seed", ["-1", "abc", "18446744073709551616", "1.5"]),
            ("--islands", ["0", "-1", "abc", "3000000000"]),
            ("--migration-interval", ["0", "-1", "abc"]),
            ("--migration-rate", ["-0.1", "1.5", "NaN", "abc"]),
            ("--topology", ["bogus", ""]),
            ("--device", ["bogus", ""]),
            ("--on-nonfinite", ["bogus", ""]),
            ("--bounds", ["-1e308:1e308", "NaN:1", "1:NaN", "-Infinity:Infinity", "5:5", "1:0", "", ":", "1:2:3", "abc", "1e400:2"]),
            ("--option", ["lambda=", "=5", "lambda", "lambda=NaN", "lambda=-1", "lambda=abc", "restarts=bogus", "sigma0=NaN", "sigma0=-1", "nosuch=1", ""]),
            ("--problem-option", ["pause-ms=-1", "pause-ms=NaN", "pause-ms=1e9", "pause-ms=", "nosuch=1", "=1"]),
            ("--tag", ["", " ", LongText]),
            ("--name", [LongText]),
        })
        {
            foreach (var v in values)
            {
                yield return new($"run {flag} '{Short(v)}'", 2, [.. run, flag, v]);
            }
        }

        foreach (var d in new[] { "0", "-1", "abc", "2147483648", "1.5", "" })
        {
            yield return new($"run --dim '{d}'", 2, ["run", "-a", "cmaes", "-p", "sphere", "-d", d]);
        }

        foreach (var (a, p) in new[] { ("nosuch", "sphere"), ("cmaes", "nosuch"), ("", "sphere"), ("cmaes", ""), ("cmaes\n", "sphere") })
        {
            yield return new($"run -a '{Short(a)}' -p '{Short(p)}'", 2, ["run", "-a", a, "-p", p, "-d", "2"]);
        }

        foreach (var (flag, values) in new (string, string[])[]
        {
            ("--nodes", ["0", "-1", "abc", "3000000000"]),
            ("--seed", ["-1", "abc"]),
            ("--option", ["points=-1", "points=abc", "points=", "nodes=0", "=1", "nosuch=1"]),
        })
        {
            foreach (var v in values)
            {
                yield return new($"task run {flag} '{v}'", 2, [.. task, flag, v]);
            }
        }

        // Memory: refused from the settings, before anything is allocated.
        yield return new("run --dim 1e9 (cmaes)", 2, ["run", "-a", "cmaes", "-p", "sphere", "-d", "1000000000"]);
        yield return new("run -o lambda=2147483647", 2, [.. run, "-o", "lambda=2147483647"]);
        yield return new("run --islands 100000 of a million particles", 2, ["run", "-a", "pso", "-p", "sphere", "-d", "10", "--islands", "100000", "-o", "swarm-size=1000000"]);
        yield return new("run GA population 1e7 over --max-memory 100MB", 2, ["run", "-a", "ga", "-p", "sphere", "-d", "2", "-o", "population=10000000", "--max-memory", "100MB"]);
        yield return new("task run heat grid 20000 over --max-memory 8GB", 2, ["task", "run", "-t", "heat", "-o", "grid=20000", "--max-memory", "8GB"]);
        foreach (var v in new[] { "12XB", "-1GB", "0", "NaN", "", "1e400" })
        {
            yield return new($"run --max-memory '{v}'", 2, [.. run, "--max-memory", v]);
        }

        yield return new("task run unknown task", 2, ["task", "run", "-t", "nosuch"]);
        yield return new("task run heat dt too large", 2, ["task", "run", "-t", "heat", "-o", "dt=1"]);

        // Store paths given to writers and to readers: a folder, an empty value or an impossible folder is a bad
        // path (2); a file that is not a store is found out while opening it (1).
        foreach (var (what, path, exit) in new[] { ("a directory", "{dir}", 2), ("empty", "", 2), ("a text file", "{file}", 1) })
        {
            yield return new($"run --db {what}", exit, [.. run, "--db", path]);
            yield return new($"task run --db {what}", exit, [.. task, "--db", path]);
            yield return new($"map --db {what}", exit, ["map", "--job", "zero", "--count", "3", "--db", path]);
            yield return new($"runs list --db {what}", exit, ["runs", "list", "--db", path]);
            yield return new($"runs show --db {what}", exit, ["runs", "show", "{id}", "--db", path]);
            yield return new($"runs tag --db {what}", exit, ["runs", "tag", "{id}", "x", "--db", path]);
            yield return new($"task runs --db {what}", exit, ["task", "runs", "--db", path]);
        }

        yield return new("run --db under /proc", 2, [.. run, "--db", "/proc/1/nosuch/runs.db"]);
        yield return new("task run --db under /proc", 2, [.. task, "--db", "/proc/1/nosuch/runs.db"]);
        yield return new("db check --db a directory", 2, ["db", "check", "--db", "{dir}"]);
        yield return new("db check --db empty", 2, ["db", "check", "--db", ""]);
        yield return new("db check --db a zero-byte file", 1, ["db", "check", "--db", "{empty}"], Report: true);
        yield return new("db check --db a text file", 1, ["db", "check", "--db", "{file}"], Report: true);
        yield return new("db repair --db a zero-byte file", 1, ["db", "repair", "--db", "{empty}"]);
        yield return new("db repair --db a text file", 1, ["db", "repair", "--db", "{file}"]);

        foreach (var (what, path) in OutputPaths())
        {
            yield return new($"runs export --out {what}", 2, ["runs", "export", "{id}", "--csv", "--db", "{db}", "--out", path]);
            yield return new($"runs compare --png {what}", 2, ["runs", "compare", "{id}", "--db", "{db}", "--png", path]);
            yield return new($"runs compare --csv {what}", 2, ["runs", "compare", "{id}", "--db", "{db}", "--csv", path]);
        }

        foreach (var (what, path) in new[] { ("missing", "{dir}/nosuch"), ("a file", "{file}"), ("empty", ""), ("/proc/1/nosuch", "/proc/1/nosuch") })
        {
            yield return new($"--plugins {what}", 2, ["--plugins", path, "plugins", "list"]);
            yield return new($"run --plugins {what}", 2, ["--plugins", path, .. run]);
        }

        // The store's own commands with bad values.
        foreach (var v in new[] { "-1", "abc", "3000000000" })
        {
            yield return new($"runs list --limit '{v}'", 2, ["runs", "list", "--db", "{db}", "--limit", v]);
            yield return new($"task runs --limit '{v}'", 2, ["task", "runs", "--db", "{db}", "--limit", v]);
        }

        foreach (var v in new[] { "bogus", "2026-13-45", "" })
        {
            yield return new($"runs list --since '{v}'", 2, ["runs", "list", "--db", "{db}", "--since", v]);
        }

        yield return new("runs list --status bogus", 2, ["runs", "list", "--db", "{db}", "--status", "bogus"]);
        foreach (var id in new[] { "nosuch", "", "zz", "0", "\u001b[31m" })
        {
            yield return new($"runs show '{Short(id)}'", 2, ["runs", "show", id, "--db", "{db}"]);
            yield return new($"runs export '{Short(id)}'", 2, ["runs", "export", id, "--csv", "--db", "{db}"]);
            yield return new($"runs delete '{Short(id)}'", 2, ["runs", "delete", id, "--yes", "--db", "{db}"]);
            yield return new($"runs tag '{Short(id)}'", 2, ["runs", "tag", id, "x", "--db", "{db}"]);
        }

        yield return new("runs export neither --csv nor --json", 2, ["runs", "export", "{id}", "--db", "{db}"]);
        yield return new("runs export both --csv and --json", 2, ["runs", "export", "{id}", "--csv", "--json", "--db", "{db}"]);
        yield return new("runs tag with an empty tag", 2, ["runs", "tag", "{id}", "", "--db", "{db}"]);
        yield return new("runs tag with a huge tag", 2, ["runs", "tag", "{id}", LongText, "--db", "{db}"]);
        yield return new("runs compare --by bogus", 2, ["runs", "compare", "{id}", "--db", "{db}", "--by", "bogus"]);
        yield return new("map --count -1", 2, ["map", "--job", "zero", "--count", "-1", "--db", "{db}"]);
        yield return new("map --count abc", 2, ["map", "--job", "zero", "--count", "abc", "--db", "{db}"]);
        yield return new("map --slots 0", 2, ["map", "--job", "zero", "--count", "3", "--slots", "0", "--db", "{db}"]);
        yield return new("map --inputs missing", 2, ["map", "--job", "zero", "--inputs", "{dir}/nosuch.jsonl", "--db", "{db}"]);
        yield return new("map --inputs a directory", 2, ["map", "--job", "zero", "--inputs", "{dir}", "--db", "{db}"]);
        yield return new("map --out missing dir", 2, ["map", "--job", "zero", "--count", "3", "--out", "{dir}/nosuch/out.jsonl", "--db", "{db}"]);
        yield return new("describe empty", 2, ["describe", ""]);
        yield return new("experiment --seeds 0", 2, ["experiment", "paper-rosenbrock", "--seeds", "0"]);
        yield return new("experiment --seeds -1", 2, ["experiment", "paper-rosenbrock", "--seeds", "-1"]);
    }

    /// <summary>Output files that cannot be written.</summary>
    private static IEnumerable<(string What, string Path)> OutputPaths() =>
    [
        ("a directory", "{dir}"),
        ("in a missing directory", "{dir}/nosuch/out"),
        ("under /proc", "/proc/1/nosuch"),
        ("empty", ""),
    ];

    private static string Short(string text)
    {
        var shown = text.Length > 12 ? $"{text[..12]}…({text.Length})" : text;
        return shown.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
    }
}
