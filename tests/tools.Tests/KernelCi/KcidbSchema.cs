using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace KernelStress.Tool.Tests.KernelCi;

/// <summary>schema/kcidb.v05_03.schema.json (KCIDB I/O v5.3, from kcidb-io) through JsonSchema.Net, formats checked too.</summary>
internal static class KcidbSchema
{
    private static readonly JsonSchema s_schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kcidb.v05_03.schema.json")));

    /// <summary>Null when the document is valid, otherwise the first errors JsonSchema.Net found (location: message).</summary>
    public static string? Errors(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        EvaluationResults results = s_schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return null;
        }
        return string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5));
    }
}
