using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using KernelStress.Tool.Uart;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Tests;

/// <summary>Captured logs through parse, and reports through a writer.</summary>
internal static class Reports
{
    public static RunReport Parse(string log) =>
        UartLog.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(log)), CancellationToken.None).GetAwaiter().GetResult();

    public static string Render(string format, params RunReport[] runs)
    {
        using var stream = new MemoryStream();
        ReportWriters.Get(format).Write((IReadOnlyList<RunReport>)runs, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
