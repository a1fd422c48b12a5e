using System.Security.Cryptography;

namespace Workbench.Transport.Security;

/// <summary>The cluster's shared 256-bit key. Whoever holds it can run code on every peer, so it lives in a file
/// only its owner can read, and it is never printed, logged or put in an error message.</summary>
public sealed class ClusterKey
{
    public const int Bytes = 32;
    public const string EnvironmentVariable = "WORKBENCH_KEY_FILE";

    private readonly byte[] _key;

    private ClusterKey(byte[] key, string path)
    {
        _key = key;
        Path = path;
    }

    /// <summary>Where the key was read from (a path is not a secret).</summary>
    public string Path { get; }

    internal ReadOnlySpan<byte> Material => _key;

    /// <summary>The default location: <c>$XDG_CONFIG_HOME/workbench/cluster.key</c>, else <c>~/.config/workbench/cluster.key</c>.</summary>
    public static string DefaultPath
    {
        get
        {
            var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(config))
            {
                config = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            return System.IO.Path.Combine(config, "workbench", "cluster.key");
        }
    }

    /// <summary>The key file peers and clients use: <paramref name="explicitPath"/>, else
    /// <c>WORKBENCH_KEY_FILE</c>, else <see cref="DefaultPath"/>.</summary>
    public static string Locate(string? explicitPath) =>
        !string.IsNullOrEmpty(explicitPath) ? explicitPath
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultPath;

    /// <summary>Writes a fresh random key to <paramref name="path"/> with mode 0600 (created that way, never
    /// widened afterwards). Refuses to overwrite an existing key unless <paramref name="force"/>.</summary>
    /// <exception cref="KeyFileException">The file exists, or cannot be written.</exception>
    public static void CreateFile(string path, bool force)
    {
        if (File.Exists(path) && !force)
        {
            throw new KeyFileException($"{path} already exists; every peer using the old key would be locked out (use --force to replace it)");
        }

        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            var text = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Bytes)) + "\n";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException($"cannot write the key file {path}: {e.Message}");
        }
    }

    /// <summary>Reads a key file, refusing one that group or others can read.</summary>
    /// <exception cref="KeyFileException">Missing, unreadable, too open, or not a 64-hex-digit key.</exception>
    public static ClusterKey Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeyFileException($"no cluster key at {path}; create one with `wb key new` and copy it to every peer (mode 0600)");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode open = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & open) != 0)
            {
                throw new KeyFileException($"key file {path} is readable by group or others (mode {Octal(mode)}); run chmod 600 {path}");
            }
        }

        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException($"cannot read the key file {path}: {e.Message}");
        }

        if (text.Length != Bytes * 2 || !text.All(Uri.IsHexDigit))
        {
            throw new KeyFileException($"key file {path} does not hold a key: expected {Bytes * 2} hexadecimal digits (write one with `wb key new`)");
        }

        return new ClusterKey(Convert.FromHexString(text), path);
    }

    /// <summary>A key held only in memory, for tests that start peers in process.</summary>
    public static ClusterKey FromBytes(ReadOnlySpan<byte> key) =>
        key.Length == Bytes ? new ClusterKey(key.ToArray(), "(in memory)") : throw new ArgumentException($"a cluster key has {Bytes} bytes", nameof(key));

    /// <summary>Never the key itself.</summary>
    public override string ToString() => $"cluster key from {Path}";

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);
}

/// <summary>A key file is missing, unreadable, too open or malformed. The message never contains key material.</summary>
public sealed class KeyFileException(string message) : Exception(message);
