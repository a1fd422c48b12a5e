using System.Reflection;

namespace Workbench.Contracts.Options;

/// <summary>Maps option class properties to descriptors and typed values back to property values.</summary>
internal static class OptionReflection
{
    public static OptionDescriptor Describe(PropertyInfo property, OptionAttribute attribute, object? defaultValue)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        // Nullable value types (int?) and nullable references (double[]?) both mean "null is auto": the text "auto"
        // must parse back, or an option set to auto could not travel to a peer as text.
        var optional = underlying is not null
            || (!type.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);
        var core = underlying ?? type;
        var kind = KindOf(core, property);
        return new OptionDescriptor
        {
            Name = attribute.Name,
            Kind = kind,
            Help = attribute.Help,
            Default = ToOptionValue(defaultValue),
            IsOptional = optional,
            Min = double.IsNaN(attribute.Min) ? null : attribute.Min,
            Max = double.IsNaN(attribute.Max) ? null : attribute.Max,
            MinExclusive = attribute.MinExclusive,
            Choices = kind == OptionKind.Choice ? Enum.GetNames(core).Select(OptionText.Kebab).ToArray() : [],
        };
    }

    private static OptionKind KindOf(Type type, PropertyInfo property)
    {
        if (type == typeof(int) || type == typeof(long))
        {
            return OptionKind.Integer;
        }

        if (type == typeof(double))
        {
            return OptionKind.Real;
        }

        if (type == typeof(bool))
        {
            return OptionKind.Boolean;
        }

        if (type.IsEnum)
        {
            return OptionKind.Choice;
        }

        if (type == typeof(string))
        {
            return OptionKind.Text;
        }

        if (type == typeof(double[]))
        {
            return OptionKind.RealVector;
        }

        throw new NotSupportedException($"Option property {property.DeclaringType?.Name}.{property.Name} has unsupported type {type.Name}.");
    }

    /// <summary>Property value to the typed option value (long, double, bool, string, double[]).</summary>
    private static object? ToOptionValue(object? value) => value switch
    {
        null => null,
        int i => (long)i,
        long l => l,
        Enum e => OptionText.Kebab(e.ToString()),
        double[] v => v.ToArray(),
        _ => value,
    };

    public static object? ToPropertyValue(object? value, Type propertyType)
    {
        if (value is null)
        {
            return null;
        }

        var core = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        if (core == typeof(int))
        {
            return checked((int)(long)value);
        }

        if (core.IsEnum)
        {
            var name = (string)value;
            return Enum.GetNames(core).Where(n => OptionText.Kebab(n) == name).Select(n => Enum.Parse(core, n)).Single();
        }

        return value is double[] v ? v.ToArray() : value;
    }
}
