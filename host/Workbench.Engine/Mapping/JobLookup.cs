using Workbench.Contracts.Jobs;
using Workbench.Engine.Catalog;

namespace Workbench.Engine.Mapping;

public static class JobLookup
{
    /// <exception cref="RunSetupException">Subject <c>job</c>; the message lists the valid ids.</exception>
    public static Registered<IJobFactory> Find(IReadOnlyList<Registered<IJobFactory>> jobs, string id)
    {
        var match = jobs.FirstOrDefault(r => string.Equals(r.Factory.Id, id, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        var valid = jobs.Count == 0 ? "none are loaded" : "valid: " + string.Join(", ", jobs.Select(r => r.Factory.Id).Order(StringComparer.Ordinal));
        throw new RunSetupException("job", $"unknown job '{id}'; {valid}");
    }
}
