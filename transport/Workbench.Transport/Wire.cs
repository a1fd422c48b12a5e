using System.Collections.Immutable;
using Workbench.Engine.Evaluation;
using Workbench.Transport.Protocol;
using EngineComponentSpec = Workbench.Engine.Specs.ComponentSpec;
using EngineProblemSpec = Workbench.Engine.Specs.ProblemSpec;

namespace Workbench.Transport;

/// <summary>Specs to and from their protobuf messages.</summary>
public static class Wire
{
    public static ComponentSpec ToWire(EngineComponentSpec spec)
    {
        var message = new ComponentSpec
        {
            Kind = spec.Kind,
            Id = spec.Id,
            PluginId = spec.PluginId,
            PluginVersion = spec.PluginVersion,
            FolderSha256 = spec.FolderSha256,
        };
        foreach (var (name, value) in spec.Options)
        {
            message.Options.Add(new OptionText { Name = name, Value = value });
        }

        return message;
    }

    public static EngineComponentSpec FromWire(ComponentSpec message) =>
        new(message.Kind, message.Id, message.PluginId, message.PluginVersion, message.FolderSha256,
            message.Options.ToImmutableSortedDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal));

    public static ProblemSpec ToWire(EngineProblemSpec spec)
    {
        var message = new ProblemSpec
        {
            Component = ToWire(spec.Component),
            Dimension = spec.Dimension,
            NonFinite = (int)spec.NonFinite,
            CustomBounds = spec.CustomBounds,
        };
        message.Lower.AddRange(spec.Lower);
        message.Upper.AddRange(spec.Upper);
        return message;
    }

    public static EngineProblemSpec FromWire(ProblemSpec message)
    {
        if (message.Component is null || !Enum.IsDefined((NonFinitePolicy)message.NonFinite))
        {
            throw new FormatException("a problem spec needs a component and a known non-finite policy");
        }

        return new EngineProblemSpec(FromWire(message.Component), message.Dimension, message.Lower.ToArray(), message.Upper.ToArray(),
            (NonFinitePolicy)message.NonFinite) { CustomBounds = message.CustomBounds };
    }
}
