using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Workbench.Engine.Diagnostics;

/// <summary>The one logger factory of the process, set once by the front end (wb's <c>--log-level</c> and
/// <c>--log-file</c>). Ambient rather than injected because the places that log are the catch blocks deep in the
/// catalog, the store and the transport, where threading a logger through every constructor would touch every
/// caller for a diagnostic. Until a front end sets it, nothing is logged.</summary>
public static class WorkbenchLog
{
    private static volatile ILoggerFactory _factory = NullLoggerFactory.Instance;

    /// <summary>The factory in use; <see cref="NullLoggerFactory"/> by default.</summary>
    public static ILoggerFactory Factory
    {
        get => _factory;
        set => _factory = value;
    }

    /// <summary>A logger named after <typeparamref name="T"/>. Asked for at the moment of logging (not cached in a
    /// static field), so a logger taken before the front end set the factory still reaches it.</summary>
    public static ILogger For<T>() => _factory.CreateLogger<T>();

    /// <summary>A logger with a category of the caller's choosing (a static class cannot be a type argument).</summary>
    public static ILogger For(string category) => _factory.CreateLogger(category);
}
