using System.Globalization;
using System.Reflection;

namespace Workbench.Contracts.Options;

/// <summary>The options a plugin takes: descriptors for UIs, parsing of <c>key=value</c> text, and binding to
/// the plugin's typed options class.</summary>
public sealed class OptionSchema
{
    private readonly Dictionary<string, OptionDescriptor> _byName;
    private readonly Dictionary<string, PropertyInfo> _properties;
    private readonly Type? _optionsType;

    public OptionSchema(IEnumerable<OptionDescriptor> descriptors)
        : this(descriptors, null, new Dictionary<string, PropertyInfo>())
    {
    }

    private OptionSchema(IEnumerable<OptionDescriptor> descriptors, Type? optionsType, Dictionary<string, PropertyInfo> properties)
    {
        Descriptors = descriptors.ToArray();
        _byName = new Dictionary<string, OptionDescriptor>(StringComparer.Ordinal);
        foreach (var d in Descriptors)
        {
            if (!_byName.TryAdd(d.Name, d))
            {
                throw new ArgumentException($"Option '{d.Name}' is declared twice.");
            }
        }

        _optionsType = optionsType;
        _properties = properties;
    }

    public static OptionSchema Empty { get; } = new([]);

    public IReadOnlyList<OptionDescriptor> Descriptors { get; }

    public OptionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads the <see cref="OptionAttribute"/>s of <typeparamref name="T"/>; defaults come from a new instance.</summary>
    public static OptionSchema For<T>()
        where T : class, new()
    {
        var defaults = new T();
        var descriptors = new List<OptionDescriptor>();
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttribute<OptionAttribute>();
            if (attribute is null)
            {
                continue;
            }

            descriptors.Add(OptionReflection.Describe(property, attribute, property.GetValue(defaults)));
            properties[attribute.Name] = property;
        }

        return new OptionSchema(descriptors, typeof(T), properties);
    }

    /// <summary>The defaults of every option.</summary>
    public OptionValues Defaults => Parse(new Dictionary<string, string>());

    /// <summary>Parses user text (<c>name -&gt; value</c>), fills defaults, and checks types, ranges and choices.</summary>
    /// <exception cref="OptionException">An unknown name or a bad value; the message lists what is valid.</exception>
    public OptionValues Parse(IReadOnlyDictionary<string, string> text, string? owner = null)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var d in Descriptors)
        {
            values[d.Name] = d.Default is double[] v ? v.ToArray() : d.Default;
        }

        foreach (var (name, raw) in text)
        {
            if (!_byName.TryGetValue(name, out var descriptor))
            {
                var valid = Descriptors.Count == 0 ? "it takes no options" : "valid options: " + string.Join(", ", _byName.Keys);
                throw new OptionException(name, $"unknown option '{name}'{(owner is null ? "" : $" for {owner}")}; {valid}");
            }

            values[name] = OptionParsing.ParseValue(descriptor, raw);
        }

        return new OptionValues(values);
    }

    /// <summary>Creates a <typeparamref name="T"/> holding <paramref name="values"/>, then runs its cross-field checks.</summary>
    public T Bind<T>(OptionValues values)
        where T : class, new()
    {
        if (_optionsType != typeof(T))
        {
            throw new InvalidOperationException($"This schema was built for {_optionsType?.Name ?? "hand-written descriptors"}, not {typeof(T).Name}.");
        }

        var options = new T();
        foreach (var (name, property) in _properties)
        {
            var value = values.Contains(name) ? values[name] : _byName[name].Default;
            property.SetValue(options, OptionReflection.ToPropertyValue(value, property.PropertyType));
        }

        if (options is IValidatableOptions validatable)
        {
            var error = validatable.Validate().FirstOrDefault();
            if (error.OptionName is not null)
            {
                throw new OptionException(error.OptionName, error.Message);
            }
        }

        return options;
    }

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
