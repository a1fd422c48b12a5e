using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Workbench.Plugins;

/// <summary>What a plugin dll says about itself, read from its metadata without loading it.</summary>
/// <remarks>
/// Why not load it and ask reflection: a file that is not a .NET assembly, or a plugin built against another
/// contract (whose attribute type might not even bind to ours), is refused with a precise reason before any
/// load context is created for it.
/// </remarks>
internal sealed record PluginManifest(bool IsPlugin, string Id, int ContractVersion, string Description, string Authors, string Version)
{
    private const string PluginAttributeNamespace = "Workbench.Contracts";
    private const string PluginAttributeName = "WorkbenchPluginAttribute";

    /// <summary>The manifest an earlier load read from the same bytes, when <paramref name="earlier"/> (the plugin
    /// index's entry for the folder) loaded and has <paramref name="sha256"/>; else null. A manifest is a function of
    /// the assembly's bytes, so this is exact, and it spares a one-shot command the metadata reader's first use.</summary>
    public static PluginManifest? Remembered(PluginEntry? earlier, string sha256) =>
        earlier is { Status: PluginStatus.Loaded, Metadata: { } m } && earlier.Sha256 == sha256
            ? new PluginManifest(true, m.Id, m.ContractVersion, m.Description, m.Authors, m.Version)
            : null;

    /// <exception cref="PluginLoadException">The bytes are not a .NET assembly.</exception>
    public static PluginManifest Read(byte[] image, string fileName)
    {
        try
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            if (!pe.HasMetadata)
            {
                throw new PluginLoadException($"{fileName} is not a .NET assembly (a native library or other PE file)");
            }

            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                throw new PluginLoadException($"{fileName} is a .NET module without an assembly manifest");
            }

            return Read(reader);
        }
        catch (BadImageFormatException e)
        {
            throw new PluginLoadException($"{fileName} is not a .NET assembly ({e.Message})", e);
        }
    }

    private static PluginManifest Read(MetadataReader reader)
    {
        var assembly = reader.GetAssemblyDefinition();
        var manifest = new PluginManifest(false, "", 0, "", "", assembly.Version.ToString(3));
        foreach (var handle in assembly.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var (ns, name) = TypeNameOf(reader, attribute);
            if (ns == "System.Reflection" && name == "AssemblyInformationalVersionAttribute")
            {
                var text = attribute.DecodeValue(AttributeTypes.Instance).FixedArguments.FirstOrDefault().Value as string;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    // "1.2.0+9f3c..." -> "1.2.0": the commit suffix is noise in listings and run records.
                    manifest = manifest with { Version = text.Split('+')[0] };
                }
            }
            else if (ns == PluginAttributeNamespace && name == PluginAttributeName)
            {
                var value = attribute.DecodeValue(AttributeTypes.Instance);
                var fixedArgs = value.FixedArguments.Select(a => a.Value).ToArray();
                manifest = manifest with
                {
                    IsPlugin = true,
                    Id = fixedArgs.OfType<string>().FirstOrDefault() ?? "",
                    ContractVersion = fixedArgs.OfType<int>().FirstOrDefault(),
                    Description = Named(value, "Description"),
                    Authors = Named(value, "Authors"),
                };
            }
        }

        return manifest;
    }

    private static string Named(CustomAttributeValue<string> value, string name) =>
        value.NamedArguments.FirstOrDefault(a => a.Name == name).Value as string ?? "";

    private static (string Namespace, string Name) TypeNameOf(MetadataReader reader, CustomAttribute attribute)
    {
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind == HandleKind.TypeReference)
                {
                    var type = reader.GetTypeReference((TypeReferenceHandle)parent);
                    return (reader.GetString(type.Namespace), reader.GetString(type.Name));
                }

                return ("", "");
            case HandleKind.MethodDefinition:
                var definition = reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType());
                return (reader.GetString(definition.Namespace), reader.GetString(definition.Name));
            default:
                return ("", "");
        }
    }

    /// <summary>Names types by string: the two attributes read here take only strings and ints.</summary>
    private sealed class AttributeTypes : ICustomAttributeTypeProvider<string>
    {
        public static readonly AttributeTypes Instance = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        // Enums in a future attribute shape are almost always int-backed; guessing lets the id and version still be read.
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}

/// <summary>A plugin was refused; the message is the one-line reason shown to the user.</summary>
/// <summary>Why a plugin folder did not load; the inner exception, when there is one, goes to the log.</summary>
internal sealed class PluginLoadException(string reason, Exception? inner = null) : Exception(reason, inner);
