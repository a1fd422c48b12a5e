using Workbench.Engine.Catalog;

namespace Workbench.Plugins;

/// <summary>One kind of factory a plugin can provide: the contract interface, how to read its id, and which
/// getters to call once at load time so that a factory that throws is refused then, not in the middle of a run.</summary>
internal abstract class ComponentKind(string name, Type contract)
{
    public string Name { get; } = name;

    public Type Contract { get; } = contract;

    /// <summary>Reads the id and calls each checked getter; the exception names the getter that threw.</summary>
    public abstract string Inspect(object factory);

    /// <summary>A <c>Registered&lt;T&gt;[]</c> of this kind's contract type.</summary>
    public abstract object Register(IReadOnlyList<(object Factory, ComponentOrigin Origin)> items);

    public static ComponentKind Of<T>(string name, Func<T, string> id, params (string Getter, Func<T, object?> Read)[] checks)
        where T : class => new Typed<T>(name, id, checks);

    private sealed class Typed<T>(string name, Func<T, string> id, (string Getter, Func<T, object?> Read)[] checks)
        : ComponentKind(name, typeof(T))
        where T : class
    {
        public override string Inspect(object factory)
        {
            var typed = (T)factory;
            var value = Call("Id", () => id(typed));
            foreach (var (getter, read) in checks)
            {
                Call(getter, () => read(typed));
            }

            return value;
        }

        public override object Register(IReadOnlyList<(object Factory, ComponentOrigin Origin)> items)
        {
            var registered = new Registered<T>[items.Count];
            for (var i = 0; i < registered.Length; i++)
            {
                registered[i] = new Registered<T>((T)items[i].Factory, items[i].Origin);
            }

            return registered;
        }

        private static TResult Call<TResult>(string getter, Func<TResult> read)
        {
            try
            {
                return read();
            }
            catch (Exception e)
            {
                throw new GetterFailedException(getter, e);
            }
        }
    }
}

internal sealed class GetterFailedException(string getter, Exception inner) : Exception(getter, inner)
{
    public string Getter { get; } = getter;
}
