using System.Runtime.ExceptionServices;

namespace Workbench.Engine.Islands;

/// <summary>Runs one action per island, on several cores when the work is worth it.</summary>
/// <remarks>Islands share no state between migrations, so running their Ask or Tell concurrently gives exactly
/// the results of running them in order. When several islands throw, the lowest island's exception is rethrown
/// (unwrapped, with its stack), so the error a user sees does not depend on thread timing.</remarks>
internal sealed class IslandParallel
{
    /// <summary>Below this many coordinates per iteration, waking threads costs more than the islands' own work.</summary>
    private const int MinValuesForParallel = 8192;

    private readonly int _workers;
    private readonly Exception?[] _errors;

    public IslandParallel(int islands, int workers)
    {
        _workers = Math.Max(1, workers);
        _errors = new Exception?[islands];
    }

    public void ForEach(int islands, long valuesPerIteration, Action<int> action)
    {
        if (_workers == 1 || islands == 1 || valuesPerIteration < MinValuesForParallel)
        {
            for (var k = 0; k < islands; k++)
            {
                action(k);
            }

            return;
        }

        Array.Clear(_errors);
        var options = new ParallelOptions { MaxDegreeOfParallelism = _workers };
        Parallel.For(0, islands, options, k =>
        {
            try
            {
                action(k);
            }
            catch (Exception ex)
            {
                _errors[k] = ex;
            }
        });
        foreach (var error in _errors)
        {
            if (error is not null)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }
    }
}
