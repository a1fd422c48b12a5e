using System.Security.Cryptography;
using Workbench.Engine.Archive;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Storage.Tests;

/// <summary>A temporary folder holding one database path, deleted afterwards; and sample runs.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "wb-store-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DbPath = Path.Combine(Folder, "runs.db");
    }

    public string Folder { get; }

    public string DbPath { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public static RunDescription Description(string? id = null, ulong seed = 7) => new()
    {
        RunId = id ?? Guid.NewGuid().ToString("N"),
        Name = "trial",
        Tags = ["a", "b c"],
        Algorithm = new ComponentUse("cmaes", new ComponentOrigin("cmaes", "0.1.0", new string('f', 64), "/p/cmaes"),
            new Dictionary<string, string> { ["sigma0"] = "0.5", ["odd name.with dots"] = "x=y" }),
        Problem = new ComponentUse("sphere", new ComponentOrigin("benchmarks", "0.2.0", new string('e', 64), "/p/b"), new Dictionary<string, string>()),
        Seed = ulong.MaxValue - seed,
        Dimension = 3,
        Lower = [-5, -4, -3],
        Upper = [5, 4, 3.5],
        BoundsOverridden = true,
        Stop = new StopCriteria { MaxEvaluations = 1000, MaxIterations = 50, Target = 1e-8, TimeLimit = TimeSpan.FromSeconds(2.5), StagnationIterations = 9 },
        Evaluator = "multicore",
        Workers = 2,
        Device = "cpu",
        NonFinitePolicy = NonFinitePolicy.TreatAsWorst,
        Islands = new IslandSettings(4, 10, 0.1, MigrationTopology.FullyConnected),
        ExtraNames = ["sigma", "axis-ratio"],
        StartedAt = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567),
        Machine = new MachineInfo("host", "Linux", "cpu model", 8, ".NET 10"),
        KnownOptimum = 0,
    };

    /// <summary>Rows whose elapsed time steps by <paramref name="dt"/> seconds.</summary>
    public static List<IterationRecord> Rows(int count, double dt = 0.01)
    {
        var rows = new List<IterationRecord>();
        var best = double.PositiveInfinity;
        for (var i = 1; i <= count; i++)
        {
            var f = i == 3 ? double.NaN : 100.0 / (i * i) + 1.0 / 3;
            best = double.IsNaN(f) ? best : Math.Min(best, f);
            rows.Add(new IterationRecord(i, 10L * i, best, f, f * 2.5, i * dt, [1.0 / i, double.PositiveInfinity]));
        }

        return rows;
    }

    public static RunRecord Finished(RunDescription d, int iterations) => new()
    {
        Description = d, Status = RunStatus.Completed, StopReason = new StopReason(StopKind.MaxIterations), BestFitness = 1,
        BestPoint = [1, 2, 3], Evaluations = 10L * iterations, Iterations = iterations, WallSeconds = 1,
        EndedAt = d.StartedAt.AddSeconds(1), OwnerPid = 1, OwnerHost = "h",
    };
}
