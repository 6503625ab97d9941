using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using KernelStress.Tool.Results;
using Spectre.Console;

namespace KernelStress.Tool.Sessions;

/// <summary>
/// Shows run's <c>progress</c> records (about one a second during a stress run): a live bar per
/// session and test on an interactive terminal, plain lines in CI or when output is redirected.
/// Sessions may run in parallel, so both are safe to call from several threads.
/// </summary>
public abstract class ProgressDisplay
{
    public abstract void Show(int session, JsonElement progress);

    /// <summary>"memory: 3.0 of 10.0 s, ops 27411, failed 2, pressure 57%, oom events 1" (only the fields the record has).</summary>
    public static string Describe(JsonElement progress)
    {
        var parts = new List<string>();
        if (Json.Long(progress, "elapsed_ms") is long elapsed)
        {
            parts.Add(Json.Long(progress, "duration_ms") is long duration
                ? $"{Seconds(elapsed)} of {Seconds(duration)} s"
                : $"{Seconds(elapsed)} s");
        }
        foreach ((string field, string label, string unit) in new[] { ("ops", "ops", ""), ("failed", "failed", ""), ("pressure_pct", "pressure", "%"), ("oom_events", "oom events", "") })
        {
            if (Json.Long(progress, field) is long value)
            {
                parts.Add($"{label} {value}{unit}");
            }
        }
        return $"{Json.String(progress, "test") ?? "progress"}: {string.Join(", ", parts)}";
    }

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);
}
