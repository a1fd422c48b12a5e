using System.Globalization;
using Workbench.Contracts.Problems;
using Workbench.Problems.Bbob;

namespace Workbench.Bbob.Tests;

/// <summary>Reads the COCO reference tables and builds the problems they describe.</summary>
internal static class ReferenceData
{
    /// <summary>Relative error allowed against COCO (absolute below 1 in magnitude).</summary>
    public const double Tolerance = 1e-12;

    private static readonly Dictionary<int, BbobFactory> Factories = typeof(BbobFactory).Assembly.GetExportedTypes()
        .Where(t => t.IsSubclassOf(typeof(BbobFactory)) && !t.IsAbstract)
        .Select(t => (BbobFactory)Activator.CreateInstance(t)!)
        .ToDictionary(f => f.Function);

    public static IReadOnlyDictionary<int, BbobFactory> All => Factories;

    /// <summary>The shared folder: &lt;repo root&gt;/../shared/bbob, the repo root being the nearest folder above
    /// the test assembly that holds Workbench.sln.</summary>
    public static string Folder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workbench.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException($"no Workbench.sln above {AppContext.BaseDirectory}");
        }

        var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bbob"));
        if (!Directory.Exists(folder))
        {
            // A missing folder must fail, not skip: these tables are the only check of the port against COCO.
            throw new InvalidOperationException($"the COCO reference tables are missing: expected the folder {folder} (shared/bbob beside the repository root)");
        }

        return folder;
    }

    /// <summary>The tab-separated fields of every data line of a table (lines starting with # are comments).</summary>
    public static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(Path.Combine(Folder(), file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));

    public static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double[] Vector(string s) => [.. s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number)];

    public static IProblem Create(int function, int dimension, int instance)
    {
        var factory = Factories[function];
        var options = factory.Options.Parse(new Dictionary<string, string> { ["instance"] = instance.ToString(CultureInfo.InvariantCulture) });
        return factory.Create(options, dimension, null);
    }

    public static double Evaluate(IProblem problem, double[] x)
    {
        var fitness = new double[1];
        problem.Evaluate(x, fitness);
        return fitness[0];
    }

    /// <summary>|a - b| relative to |b|, or absolute where |b| &lt; 1.</summary>
    public static double Error(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Max(1.0, Math.Abs(expected));
}
