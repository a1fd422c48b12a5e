using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Workbench.Api.Tests.Docs;

/// <summary>Compiles C# the way a project made from the templates (or a <c>dotnet run fit.cs</c> script) does:
/// .NET 10, the SDK's implicit usings, nullable on, warnings as errors. References are the shared framework plus a
/// package's assembly and what it references, taken from this test's output, which holds what the packages ship.</summary>
public static class SnippetCompiler
{
    /// <summary>The global usings of Microsoft.NET.Sdk with ImplicitUsings enabled.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == runtime)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    private static readonly ConcurrentDictionary<string, MetadataReference> Local = new();

    /// <summary>What a project gets from a package reference to <paramref name="assemblies"/>: each, and every
    /// assembly they reference that sits in this test's output (the package's dependencies), transitively.</summary>
    public static IReadOnlyList<MetadataReference> Package(params string[] assemblies)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(assemblies);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path) || !seen.Add(name))
            {
                continue;
            }

            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                pending.Push(metadata.GetString(metadata.GetAssemblyReference(handle).Name));
            }
        }

        Assert.True(assemblies.All(seen.Contains), $"not in the test output: {string.Join(", ", assemblies.Where(a => !seen.Contains(a)))}");
        return seen.Select(name => Local.GetOrAdd(name, n => MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, n + ".dll")))).ToList();
    }

    /// <summary>Compiles <paramref name="sources"/> (name, text) into an assembly, failing with every error and
    /// warning, each with its file and line; returns a reference to it for compilations that use it.</summary>
    public static MetadataReference Compile(string assemblyName, IEnumerable<(string Name, string Text)> sources, IEnumerable<MetadataReference> references, bool program = false)
    {
        var trees = sources.Append(("ImplicitUsings.g.cs", ImplicitUsings))
            .Select(s => CSharpSyntaxTree.ParseText(s.Item2, Parse, s.Item1)).ToList();
        var options = new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable)
            // The SDK's own defaults: assembly version unification is not worth a warning.
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        var compilation = CSharpCompilation.Create(assemblyName, trees, Framework.Value.Concat(references), options);
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => $"{d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.True(problems.Count == 0, $"{assemblyName} does not compile:\n{string.Join('\n', problems)}");
        return compilation.ToMetadataReference();
    }
}
