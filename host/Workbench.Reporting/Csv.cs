namespace Workbench.Reporting;

internal static class Csv
{
    /// <summary>Quotes a field that holds a comma, quote or line break (RFC 4180).</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
