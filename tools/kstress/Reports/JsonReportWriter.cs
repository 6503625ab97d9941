using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.Reports;

/// <summary>
/// One session as indented JSON (schema 1, see <see cref="RunReport"/>); several sessions as a
/// <see cref="RepeatReport"/>. Ends with a newline.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    // Quotes and apostrophes from the UART stay readable ('frob', not \u0027frob\u0027); the
    // output is a file, never embedded in HTML.
    private static readonly ReportJsonContext s_context = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string Format => "json";

    public void Write(IReadOnlyList<RunReport> runs, Stream output)
    {
        if (runs.Count == 1)
        {
            JsonSerializer.Serialize(output, runs[0], s_context.RunReport);
        }
        else
        {
            var repeat = new RepeatReport
            {
                Verdict = ReportWriters.Worst(runs),
                Seeds = runs.Select(r => r.Seed).ToList(),
                Variability = Variability.Compute(runs),
                Runs = runs.ToList(),
            };
            JsonSerializer.Serialize(output, repeat, s_context.RepeatReport);
        }
        output.WriteByte((byte)'\n');
    }
}
