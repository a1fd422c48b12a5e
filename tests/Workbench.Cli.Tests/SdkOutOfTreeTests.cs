using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workbench.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace Workbench.Cli.Tests;

/// <summary>The plugin author's path, exactly as the README gives it, in a temp folder outside the repository,
/// then the other three templates made and tested there too: nothing there references the source tree; the SDK
/// comes from a local feed packed from this build, named in the guide's own nuget.config.</summary>
/// <remarks>Costs about two and a half minutes on a 2-core machine (restores and builds of fresh projects; the three
/// extra templates about 65 s of it). WORKBENCH_SKIP_SDK_E2E=1 skips it, and only that: a missing build or a failing
/// step fails the test.</remarks>
[Trait("kind", "process")]
public sealed partial class SdkOutOfTreeTests(ITestOutputHelper output)
{
    private const string SdkVersion = "3.0.0";

    [SkippableFact]
    public async Task A_plugin_is_created_tested_installed_and_run_and_a_script_uses_the_api_without_the_source_tree()
    {
        Skip.If(Environment.GetEnvironmentVariable("WORKBENCH_SKIP_SDK_E2E") == "1", "WORKBENCH_SKIP_SDK_E2E=1");
        var root = Directory.CreateTempSubdirectory("wb-sdk-e2e-").FullName;
        Assert.False(root.StartsWith(WbProcess.RepoRoot, StringComparison.Ordinal));
        var feed = Path.Combine(root, "feed");
        var work = Path.Combine(root, "work");
        Directory.CreateDirectory(work);
        var environment = IsolatedEnvironment(root);

        await Step("sdk-pack (not an author step)", Path.Combine(WbProcess.RepoRoot, "scripts", "sdk-pack.sh"), [feed, "--configuration", WbProcess.Configuration, "--no-build"], WbProcess.RepoRoot, environment);
        await File.WriteAllTextAsync(Path.Combine(work, "nuget.config"), NugetConfig(feed));

        await Step("1. dotnet new install", "dotnet", ["new", "install", $"Workbench.Templates::{SdkVersion}", "--add-source", feed], work, environment);
        await Step("2. dotnet new wb-problem", "dotnet", ["new", "wb-problem", "-n", "DecayFit"], work, environment);
        var test = await Step("3. dotnet test", "dotnet", ["test"], Path.Combine(work, "DecayFit"), environment);
        Assert.Contains("Passed!", test);
        var install = await Step("4. wb plugins install", "dotnet", [WbProcess.WbDll, "plugins", "install", "./DecayFit"], work, environment);
        Assert.Contains("provides problem decay-fit", install);
        var run = await Step("5. wb run", "dotnet", [WbProcess.WbDll, "run", "-a", "cmaes", "-p", "decay-fit", "-d", "2", "--seed", "1", "--max-evals", "3000", "--no-record"], work, environment);
        // data.csv was made from a = 10, k = 0.5: the fit read it from the installed plugin's own folder.
        Assert.Matches(@"best point:\s+\[10\.0\d*, 0\.50\d*\]", run);

        await File.WriteAllTextAsync(Path.Combine(work, "fit.cs"), FitScript());
        var fit = await Step("dotnet run fit.cs", "dotnet", ["run", "fit.cs"], work, environment);
        Assert.Contains("stopped by target", fit);

        // The other three templates, made the same way; their tests run in one solution, one build for all.
        (string Template, string Name)[] others = [("wb-optimizer", "MyOptimizer"), ("wb-task", "MyTask"), ("wb-job", "MyJob")];
        foreach (var (template, name) in others)
        {
            await Step($"dotnet new {template}", "dotnet", ["new", template, "-n", name], work, environment);
        }

        await File.WriteAllTextAsync(Path.Combine(work, "Others.slnx"), OthersSolution(work));
        var tests = await Step("dotnet test (wb-optimizer, wb-task, wb-job)", "dotnet", ["test", "Others.slnx"], work, environment);
        Assert.Equal(others.Length, Regex.Count(tests, "Passed!"));
        Assert.All(Directory.EnumerateFiles(work, "*.csproj", SearchOption.AllDirectories),
            csproj => Assert.DoesNotContain(WbProcess.RepoRoot, File.ReadAllText(csproj)));
    }

    /// <summary>Every project that the three templates wrote, DecayFit's left out (its tests ran above).</summary>
    private static string OthersSolution(string work) =>
        new XElement("Solution", Directory.EnumerateFiles(work, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(work, p))
            .Where(p => !p.StartsWith("DecayFit", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new XElement("Project", new XAttribute("Path", p)))).ToString();

    /// <summary>What the README says a script is: its C# API example, after a #:package line.</summary>
    private static string FitScript()
    {
        var example = ReadmeExample().Match(File.ReadAllText(Path.Combine(WbProcess.RepoRoot, "README.md")));
        Assert.True(example.Success, "README.md has no api-example block");
        return $"#:package Workbench.Api@{SdkVersion}\n{example.Groups[1].Value}";
    }

    [GeneratedRegex("<!-- api-example begin -->\n```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExample();

    /// <summary>Templates, packages and installed plugins all land under <paramref name="root"/>. Packages already
    /// in the machine's NuGet folder are read from it (a fallback folder), so only the Workbench packages of this
    /// build are new, and never go stale in the shared cache.</summary>
    private static Dictionary<string, string> IsolatedEnvironment(string root) => new()
    {
        ["DOTNET_CLI_HOME"] = Path.Combine(root, "cli-home"),
        ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
        ["XDG_DATA_HOME"] = Path.Combine(root, "data"),
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // The test host's MSBuild settings must not leak into the nested builds.
        ["MSBuildSDKsPath"] = "",
        ["MSBUILD_EXE_PATH"] = "",
        ["MSBuildExtensionsPath"] = "",
    };

    /// <summary>The guide's own nuget.config block, with its DIR/sdk made the feed, plus a fallback folder.</summary>
    private static string NugetConfig(string feed)
    {
        var shared = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var guide = GuideNugetConfig().Match(File.ReadAllText(Path.Combine(WbProcess.RepoRoot, "docs", "plugins.md")));
        Assert.True(guide.Success, "docs/plugins.md has no <!-- snippet: nuget-config --> block");
        var config = XDocument.Parse(guide.Groups[1].Value.Replace("DIR/sdk", feed, StringComparison.Ordinal));
        Assert.Contains(config.Descendants("add"), add => (string?)add.Attribute("value") == feed);
        config.Root!.Add(new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "shared"), new XAttribute("value", shared))));
        return config.ToString();
    }

    [GeneratedRegex("<!-- snippet: nuget-config -->\n```xml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GuideNugetConfig();

    private async Task<string> Step(string name, string file, string[] args, string workingDirectory, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value.Length == 0)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{name} did not finish in 4 minutes");
        }

        var text = await stdout + await stderr;
        output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(process.ExitCode == 0, $"{name} exited with {process.ExitCode}:\n{text}");
        return text;
    }
}
