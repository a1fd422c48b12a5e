using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;

namespace Workbench.Plugins;

/// <summary>A cheap summary of a folder's files (relative name, size, last write time).</summary>
/// <remarks>Why: the watcher fires for any touch, and a rescan visits every folder; comparing fingerprints
/// reloads only folders whose files really changed, so no spurious "updated" events reach the UI.</remarks>
internal static class FolderFingerprint
{
    public static string Of(string folderPath)
    {
        try
        {
            var text = new StringBuilder();
            var files = new DirectoryInfo(folderPath).EnumerateFiles("*", SearchOption.AllDirectories)
                .OrderBy(f => f.FullName, StringComparer.Ordinal);
            foreach (var file in files)
            {
                text.Append(Path.GetRelativePath(folderPath, file.FullName)).Append('|')
                    .Append(file.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            return text.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var logger = WorkbenchLog.For<PluginCatalog>();
            logger.LogDebug(e, "plugin folder {Folder} could not be fingerprinted; it is reloaded", folderPath);
            // A folder vanishing mid-scan: an unmatchable value forces a reload, which then sees the final state.
            return Guid.NewGuid().ToString();
        }
    }
}
