using System.Reflection;
using Workbench.Contracts;
using Xunit;

namespace Workbench.Contracts.Tests;

public sealed class ContractVersionTests
{
    /// <summary>The SDK packages take their major version from MSBuild's WorkbenchContractVersion; plugins compile
    /// WorkbenchContract.Version into their attribute. If the two drifted, a package would promise the wrong hosts.</summary>
    [Fact]
    public void The_package_version_follows_the_contract_version()
    {
        var packaged = typeof(WorkbenchContract).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WorkbenchContractVersion").Value;

        Assert.Equal(WorkbenchContract.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), packaged);
    }
}
