using Workbench.Contracts.Tasks;

namespace Workbench.Transport.Functions;

/// <summary>The C# types a mapped function may take and return, and their <see cref="TaskValue"/> forms (the values
/// that cross the wire): double, long, int, bool, string, and arrays of double, float, int or byte.</summary>
public static class FunctionValues
{
    private static readonly Type[] Supported = [typeof(double), typeof(long), typeof(int), typeof(bool), typeof(string), typeof(double[]), typeof(float[]), typeof(int[]), typeof(byte[])];

    /// <exception cref="FunctionNotPortableException">The type cannot travel as a task value.</exception>
    public static void Check(Type type)
    {
        if (!Supported.Contains(type))
        {
            throw new FunctionNotPortableException($"{type.Name} cannot travel to peers; use one of {string.Join(", ", Supported.Select(t => t.Name))}");
        }
    }

    public static TaskValue ToValue(object? value) => value switch
    {
        double d => TaskValue.FromReal(d),
        long l => TaskValue.FromInteger(l),
        int i => TaskValue.FromInteger(i),
        bool b => TaskValue.FromBoolean(b),
        string s => TaskValue.FromText(s),
        double[] a => TaskValue.FromReals(a),
        float[] a => TaskValue.FromSingles(a),
        int[] a => TaskValue.FromIntegers(a),
        byte[] a => TaskValue.FromBytes(a),
        _ => throw new InvalidOperationException($"the function returned {value?.GetType().Name ?? "null"}, which cannot travel as a task value"),
    };

    public static object FromValue(TaskValue value, Type type) => type switch
    {
        _ when type == typeof(double) => value.Kind == TaskValueKind.Integer ? value.AsInteger() : value.AsReal(),
        _ when type == typeof(long) => value.AsInteger(),
        _ when type == typeof(int) => checked((int)value.AsInteger()),
        _ when type == typeof(bool) => value.AsBoolean(),
        _ when type == typeof(string) => value.AsText(),
        _ when type == typeof(double[]) => value.AsReals().ToArray(),
        _ when type == typeof(float[]) => value.AsSingles().ToArray(),
        _ when type == typeof(int[]) => value.AsIntegers().ToArray(),
        _ when type == typeof(byte[]) => value.AsBytes().ToArray(),
        _ => throw new InvalidOperationException($"{type.Name} cannot travel as a task value"),
    };
}
