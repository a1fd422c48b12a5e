using Workbench.Transport.Client;
using Xunit;

namespace Workbench.Transport.Tests;

public sealed class PeerListTests
{
    [Theory]
    [InlineData("desk1", "desk1:7760")]
    [InlineData("desk1:7000", "desk1:7000")]
    [InlineData("10.1.2.3:7001", "10.1.2.3:7001")]
    [InlineData("[::1]:7002", "[::1]:7002")]
    [InlineData("https://desk2:7003", "https://desk2:7003")]
    [InlineData("http://desk3", "desk3:7760")]
    public void Addresses_parse_with_the_default_port_and_print_back(string text, string expected) =>
        Assert.Equal(expected, PeerAddress.Parse(text).ToString());

    [Theory]
    [InlineData("desk1:notaport")]
    [InlineData("desk1:70000")]
    [InlineData("[::1")]
    [InlineData("http://desk/path")]
    public void Bad_addresses_say_what_was_expected(string text) =>
        Assert.Contains("expected HOST:PORT", Assert.Throws<FormatException>(() => PeerAddress.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_list_a_file_and_duplicates()
    {
        Assert.Equal(["a:7760", "b:9"], PeerList.Parse("a, b:9,a").Select(a => a.ToString()));
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["# lab desktops", "desk1   # the big one", "desk2:7001,desk3"]);
        Assert.Equal(["desk1:7760", "desk2:7001", "desk3:7760"], PeerList.Parse("@" + file).Select(a => a.ToString()));
        File.Delete(file);
        Assert.Contains("cannot read the peer list", Assert.Throws<FormatException>(() => PeerList.Parse("@" + file)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node[01-03,07],gpu1", "node01 node02 node03 node07 gpu1")]
    [InlineData("rack[1-2]-n[1-2]", "rack1-n1 rack1-n2 rack2-n1 rack2-n2")]
    [InlineData("single", "single")]
    [InlineData("c[8-10]", "c8 c9 c10")]
    public void Slurm_host_lists_expand_as_slurm_does(string list, string hosts) =>
        Assert.Equal(hosts.Split(' '), HostList.Expand(list));

    [Fact]
    public void At_slurm_reads_the_job_node_list()
    {
        var before = Environment.GetEnvironmentVariable("SLURM_JOB_NODELIST");
        try
        {
            Environment.SetEnvironmentVariable("SLURM_JOB_NODELIST", "n[1-2]");
            Assert.Equal(["n1:7760", "n2:7760"], PeerList.Parse("@slurm").Select(a => a.ToString()));
            Assert.Equal(["n1:9000", "n2:9000"], PeerList.Parse("@slurm:9000").Select(a => a.ToString()));
            Environment.SetEnvironmentVariable("SLURM_JOB_NODELIST", null);
            Assert.Contains("SLURM_JOB_NODELIST is not set", Assert.Throws<FormatException>(() => PeerList.Parse("@slurm")).Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SLURM_JOB_NODELIST", before);
        }
    }

    [Fact]
    public void Dns_names_every_address_of_a_name()
    {
        var peers = PeerList.Parse("dns:localhost:7100").Select(a => a.ToString()).ToArray();
        Assert.Contains("127.0.0.1:7100", peers);
        Assert.Contains("does not resolve", Assert.Throws<FormatException>(() => PeerList.Parse("dns:no-such-host.invalid:1")).Message, StringComparison.Ordinal);
    }
}
