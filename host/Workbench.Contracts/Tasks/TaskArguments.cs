namespace Workbench.Contracts.Tasks;

/// <summary>The named values one node is initialised with (its band of a grid, its share of the points...).</summary>
/// <remarks>Immutable and made only of <see cref="TaskValue"/>s, so a transport can ship a node's arguments to a
/// peer. Names are ordinal and case-sensitive.</remarks>
public sealed class TaskArguments
{
    private readonly SortedDictionary<string, TaskValue> _values;

    public TaskArguments(IEnumerable<KeyValuePair<string, TaskValue>> values)
    {
        _values = new SortedDictionary<string, TaskValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!_values.TryAdd(name, value ?? throw new ArgumentNullException(nameof(values), $"argument '{name}' is null")))
            {
                throw new ArgumentException($"argument '{name}' is given twice", nameof(values));
            }
        }
    }

    public static TaskArguments Empty { get; } = new([]);

    public IEnumerable<string> Names => _values.Keys;

    public IEnumerable<KeyValuePair<string, TaskValue>> Values => _values;

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <exception cref="KeyNotFoundException">No argument has that name; the message lists those that do.</exception>
    public TaskValue this[string name] => _values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"no task argument '{name}'; have: {string.Join(", ", _values.Keys)}");

    public double Real(string name) => this[name].AsReal();

    public long Integer(string name) => this[name].AsInteger();

    public int Int32(string name) => checked((int)this[name].AsInteger());

    public string Text(string name) => this[name].AsText();

    /// <summary>Starts a fluent builder: <c>TaskArguments.With("first", 3).With("dt", 1e-5)</c>.</summary>
    public static TaskArguments With(string name, TaskValue value) => Empty.And(name, value);

    public static TaskArguments With(string name, long value) => With(name, TaskValue.FromInteger(value));

    public static TaskArguments With(string name, double value) => With(name, TaskValue.FromReal(value));

    public TaskArguments And(string name, TaskValue value) => new(_values.Append(new KeyValuePair<string, TaskValue>(name, value)));

    public TaskArguments And(string name, long value) => And(name, TaskValue.FromInteger(value));

    public TaskArguments And(string name, double value) => And(name, TaskValue.FromReal(value));
}
