using System.CommandLine;
using Workbench.Transport.Security;

namespace Workbench.Cli.Commands;

/// <summary><c>wb key new</c>: writes the cluster key that signs every request between clients and peers.</summary>
internal static class KeyCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing key (every peer then needs the new one)" };
        var create = new Command("new", "Write a fresh 256-bit cluster key (mode 0600) to --key-file, $WORKBENCH_KEY_FILE or the default path");
        create.Options.Add(force);
        create.SetAction(parse =>
        {
            var path = Path.GetFullPath(ClusterKey.Locate(parse.GetValue(ClusterOptions.KeyFile)));
            try
            {
                ClusterKey.CreateFile(path, parse.GetValue(force));
            }
            catch (KeyFileException e)
            {
                throw new UsageException(e.Message);
            }

            Console.Out.WriteLine($"wrote a new cluster key to {path} (mode 0600)");
            Console.Out.WriteLine("copy it to every peer and client, readable by its owner only: whoever holds it can run code on every peer");
            return ExitCodes.Ok;
        });
        var key = new Command("key", "The cluster key");
        key.Subcommands.Add(create);
        return key;
    }
}
