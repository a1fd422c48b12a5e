using System.Text.Json;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Mapping;

namespace Workbench.Cli.Output;

/// <summary>Map outputs as JSON: <c>{"index":i,"output":…}</c> or <c>{"index":i,"error":"…"}</c>, one per input in order.</summary>
internal static class MapOutputs
{
    /// <summary>One JSON object per line.</summary>
    public static void WriteLines(Stream stream, IEnumerable<JobOutcome> jobs)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonOutput.Options.Encoder });
        foreach (var job in jobs)
        {
            Write(writer, job);
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    public static void Write(Utf8JsonWriter writer, JobOutcome job)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", job.Index);
        if (job.Output is { } output)
        {
            writer.WritePropertyName("output");
            WriteValue(writer, output);
        }
        else
        {
            writer.WriteString("error", job.Error);
        }

        writer.WriteEndObject();
    }

    /// <summary>Numbers as numbers (a non-finite real as its name, as in every --json output), text as a string,
    /// arrays as arrays, bytes as base64.</summary>
    public static void WriteValue(Utf8JsonWriter writer, TaskValue value)
    {
        switch (value.Kind)
        {
            case TaskValueKind.Integer: writer.WriteNumberValue(value.AsInteger()); break;
            case TaskValueKind.Real: Real(writer, value.AsReal()); break;
            case TaskValueKind.Boolean: writer.WriteBooleanValue(value.AsBoolean()); break;
            case TaskValueKind.Text: writer.WriteStringValue(value.AsText()); break;
            case TaskValueKind.Bytes: writer.WriteBase64StringValue(value.AsBytes()); break;
            case TaskValueKind.RealArray:
                writer.WriteStartArray();
                foreach (var x in value.AsReals())
                {
                    Real(writer, x);
                }

                writer.WriteEndArray();
                break;
            case TaskValueKind.SingleArray:
                writer.WriteStartArray();
                foreach (var x in value.AsSingles())
                {
                    Real(writer, x);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartArray();
                foreach (var x in value.AsIntegers())
                {
                    writer.WriteNumberValue(x);
                }

                writer.WriteEndArray();
                break;
        }
    }

    private static void Real(Utf8JsonWriter writer, double x)
    {
        if (double.IsFinite(x))
        {
            writer.WriteNumberValue(x);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
        }
    }
}
