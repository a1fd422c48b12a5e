using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Gpu;

namespace Workbench.Cli.Commands;

/// <summary><c>wb gpu selftest</c>: the kernel-agreement tests for machines that have a GPU but no SDK.</summary>
internal static class GpuCommand
{
    public static Command Create() => new("gpu", "GPU checks") { SelfTest() };

    private static Command SelfTest()
    {
        var points = new Option<int>("--points") { Description = "Points per problem on a GPU (the CPU simulator takes at most 512)", DefaultValueFactory = _ => 100_000 };
        var dimension = new Option<int>("--dim") { Description = "Dimension of the problems", DefaultValueFactory = _ => 7 };
        var json = CommonOptions.Json("Print a JSON array of results");
        var command = new Command("selftest", $"Every plugin kernel against its CPU path on every device ILGPU sees, within {GpuSelfTest.Tolerance:0e0} relative")
        {
            points, dimension, json,
        };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var results = GpuSelfTest.Run(host.Gpu, host.Catalog.Problems.Select(p => p.Factory), host.Catalog.Tasks.Select(t => t.Factory),
                parse.GetValue(points), parse.GetValue(dimension));
            var failed = results.Count(r => !r.Passed);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(results);
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                var table = new TextTable("DEVICE", "KERNEL", "VALUES", "MAX REL ERROR", "RESULT");
                foreach (var r in results)
                {
                    table.Add(r.Device, r.Kernel, r.Values.ToString("N0", c), r.MaxRelativeError.ToString("0.0e0", c), r.Passed ? "ok" : $"FAIL {r.Error}");
                }

                Console.Out.Write(table.ToString());
                Console.Out.WriteLine($"{results.Count - failed} passed, {failed} failed");
            }

            return failed == 0 && results.Count > 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
