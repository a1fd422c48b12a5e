using System.Text.RegularExpressions;

namespace Workbench.Api.Tests.Docs;

/// <summary>One fenced code block of a markdown file, with the <c>&lt;!-- snippet: KIND ARGS --&gt;</c> marker that
/// says how it is checked (null when the block has none).</summary>
/// <param name="File">Path relative to the repository root, with forward slashes.</param>
/// <param name="Line">1-based line of the opening fence.</param>
public sealed partial record DocBlock(string File, int Line, string Language, string Code, string? Kind, string Arguments)
{
    public string Id => $"{File}:{Line}";

    /// <summary>Every fenced block of every markdown file in the repository (build output and .git left out).</summary>
    public static IReadOnlyList<DocBlock> All(string root) =>
        MarkdownFiles(root).SelectMany(path => Read(Path.GetRelativePath(root, path).Replace('\\', '/'), System.IO.File.ReadAllLines(path))).ToList();

    public static IEnumerable<DocBlock> Read(string file, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = lines[i].Length - fence.Length;
            var language = fence[3..].Trim().Split(' ', 2)[0].ToLowerInvariant();
            var end = i + 1;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new InvalidOperationException($"{file}:{i + 1}: the fence is never closed");
            }

            var code = string.Join('\n', lines[(i + 1)..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
            var (kind, arguments) = MarkerAbove(lines, i);
            yield return new DocBlock(file, i + 1, language, code, kind, arguments);
            i = end;
        }
    }

    /// <summary>The marker may sit anywhere in the run of HTML comments right above the fence, so that it can
    /// share the spot with other markers (the README's api-example begin); a blank line breaks the run.</summary>
    private static (string? Kind, string Arguments) MarkerAbove(string[] lines, int fence)
    {
        for (var j = fence - 1; j >= 0 && lines[j].TrimStart().StartsWith("<!--", StringComparison.Ordinal); j--)
        {
            var match = Marker().Match(lines[j].Trim());
            if (match.Success)
            {
                return (match.Groups["kind"].Value, match.Groups["args"].Value);
            }
        }

        return (null, "");
    }

    /// <summary>What the repository ships: build output, the plugin drop-ins under plugins/ and a shared/ folder
    /// that some checkouts keep at the root are not its docs.</summary>
    private static IEnumerable<string> MarkdownFiles(string root)
    {
        var skipped = new HashSet<string> { "bin", "obj", ".git", ".vs", ".idea", "TestResults", "artifacts", "BenchmarkDotNet.Artifacts", "gpu-out" };
        var skippedPaths = new HashSet<string> { Path.Combine(root, "shared") };
        skippedPaths.UnionWith(Directory.Exists(Path.Combine(root, "plugins")) ? Directory.EnumerateDirectories(Path.Combine(root, "plugins")) : []);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => !skipped.Contains(Path.GetFileName(d)) && !skippedPaths.Contains(d)))
            {
                pending.Push(sub);
            }
        }
    }

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<kind>[\w-]+)\s*(?<args>.*?)\s*-->$")]
    private static partial Regex Marker();
}
