using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;

namespace Workbench.Cli.Commands;

/// <summary><c>wb describe ID [--json]</c>: a component's options with defaults, ranges and help.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "An algorithm or problem id (see wb plugins list)" };
        var json = CommonOptions.Json("Print a JSON object");
        var command = new Command("describe", "Show an algorithm's or problem's options, defaults, ranges and help") { id, json };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse, wanted: [parse.GetValue(id)!]);
            var described = Find(host.Catalog, parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(described.ToJson());
            }
            else
            {
                Console.Out.Write(described.ToText());
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Described Find(IComponentCatalog catalog, string id)
    {
        var optimizer = catalog.Optimizers.FirstOrDefault(r => r.Factory.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        if (optimizer is not null)
        {
            return new Described("algorithm", optimizer.Factory.Id, optimizer.Factory.Description, optimizer.Origin, optimizer.Factory.Options, null, null);
        }

        var problem = catalog.Problems.FirstOrDefault(r => r.Factory.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        if (problem is not null)
        {
            var f = problem.Factory;
            return new Described("problem", f.Id, f.Description, problem.Origin, f.Options, f.Dimensions.ToString(), DefaultDomain(f));
        }

        var valid = catalog.Optimizers.Select(r => r.Factory.Id).Concat(catalog.Problems.Select(r => r.Factory.Id));
        throw new UsageException(CatalogLookup.Unknown("id", id, valid, catalog as IFailedComponents));
    }

    /// <summary>The default domain, read off a problem created with default options at its smallest dimension.</summary>
    private static string? DefaultDomain(Contracts.Problems.IProblemFactory factory)
    {
        try
        {
            var dimension = Math.Max(factory.Dimensions.Min, Math.Min(2, factory.Dimensions.Max));
            var bounds = factory.Create(factory.Options.Defaults, dimension, null).Bounds;
            return bounds.IsUniform ? $"[{OptionText.Format(bounds.Lower[0])}, {OptionText.Format(bounds.Upper[0])}] per coordinate" : "per-coordinate (see the plugin's help)";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"unavailable ({ex.Message.ReplaceLineEndings(" ")})";
        }
    }

    private sealed record Described(string Kind, string Id, string Description, ComponentOrigin Origin, OptionSchema Options, string? Dimensions, string? Domain)
    {
        public object ToJson() => new
        {
            id = Id,
            kind = Kind,
            plugin = Origin.PluginId,
            version = Origin.PluginVersion,
            description = Description,
            dimensions = Dimensions,
            defaultDomain = Domain,
            options = Options.Descriptors.Select(d => new
            {
                name = d.Name,
                kind = d.Kind.ToString().ToLowerInvariant(),
                @default = d.DefaultText,
                optional = d.IsOptional,
                min = d.Min,
                max = d.Max,
                minExclusive = d.MinExclusive,
                choices = d.Choices,
                allowed = d.AllowedText,
                help = d.Help,
            }),
        };

        public string ToText()
        {
            var header = $"{Id} ({Kind}, plugin {Origin.PluginId} {Origin.PluginVersion})\n  {Description}\n";
            if (Dimensions is not null)
            {
                header += $"  dimensions: {Dimensions}\n  default domain: {Domain}\n";
            }

            if (Options.Descriptors.Count == 0)
            {
                return header + "  options: none\n";
            }

            var table = new TextTable("  OPTION", "DEFAULT", "ALLOWED", "HELP");
            foreach (var d in Options.Descriptors)
            {
                table.Add("  " + d.Name, d.DefaultText, d.AllowedText, d.Help);
            }

            var flag = Kind == "algorithm" ? "--option" : "--problem-option";
            return header + $"options (set with {flag} name=value):\n" + table;
        }
    }
}
