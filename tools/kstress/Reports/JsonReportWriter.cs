using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KernelStress.Tool.Reports;

/// <summary>The report as indented JSON (schema 1, see <see cref="RunReport"/>), ending with a newline.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    // Quotes and apostrophes from the UART stay readable ('frob', not \u0027frob\u0027); the
    // output is a file, never embedded in HTML.
    private static readonly ReportJsonContext s_context = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string Format => "json";

    public void Write(RunReport report, Stream output)
    {
        JsonSerializer.Serialize(output, report, s_context.RunReport);
        output.WriteByte((byte)'\n');
    }
}
