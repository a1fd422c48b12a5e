using Workbench.Contracts.Jobs;
using Workbench.Engine.Catalog;

namespace Workbench.Engine.Mapping;

public static class JobLookup
{
    /// <exception cref="RunSetupException">Subject <c>job</c>; the message lists the valid ids.</exception>
    public static Registered<IJobFactory> Find(IReadOnlyList<Registered<IJobFactory>> jobs, string id, IFailedComponents? failures = null)
    {
        var match = jobs.FirstOrDefault(r => string.Equals(r.Factory.Id, id, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        throw new RunSetupException("job", CatalogLookup.Unknown("job", id, jobs.Select(r => r.Factory.Id), failures));
    }
}
