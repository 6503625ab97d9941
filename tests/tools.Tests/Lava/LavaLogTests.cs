using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Lava;
using Xunit;

namespace KernelStress.Tool.Tests.Lava;

/// <summary>The LAVA log reader on the shapes lava-dispatcher 2023.01 writes (the end-to-end comparison is in LavaRunTests).</summary>
public sealed class LavaLogTests
{
    /// <summary>ShellLogger writes every double quote as \", so a backslash the kernel sent before a quote arrives as \\".</summary>
    [Theory]
    [InlineData("{\\\"type\\\":\\\"boot\\\"}", "{\"type\":\"boot\"}")]
    [InlineData("\\\"args\\\":\\\"a \\\\\"b\\\\\"\\\"", "\"args\":\"a \\\"b\\\"\"")]
    [InlineData("a \\ b", "a \\ b")]
    public void UnescapeUndoesLavasQuoting(string logged, string sent)
    {
        Assert.Equal(logged, sent.Replace("\"", "\\\""));
        Assert.Equal(sent, LavaLog.Unescape(logged));
    }

    [Fact]
    public void TargetAndFeedbackLinesAreTheUartAndATestErrorIsNoProblem()
    {
        const string log =
            "{\"dt\": \"2026-12-03T15:28:09.9\", \"lvl\": \"results\", \"msg\": {\"case\": \"file-download\", \"definition\": \"lava\", \"extra\": {\"size\": ! \"403008\"}, \"result\": \"pass\"}}\n"
            + "{\"dt\": \"2026-12-03T15:28:10.5\", \"lvl\": \"target\", \"msg\": \"ks> fault ud --fatal\"}\n"
            + "{\"dt\": \"2026-12-03T15:28:10.6\", \"lvl\": \"input\", \"msg\": \"poweroff\\n\"}\n"
            + "{\"dt\": \"2026-12-03T15:28:10.7\", \"lvl\": \"feedback\", \"msg\": \"@@KS1 2 0 {\\\\\\\"type\\\\\\\"}\"}\n"
            + "{\"dt\": \"2026-12-03T15:28:11.1\", \"lvl\": \"results\", \"msg\": {\"case\": \"job\", \"definition\": \"lava\", \"error_msg\": \"kernel panic\", \"error_type\": \"Test\", \"result\": \"fail\"}}\n";

        LavaLog read = LavaLog.Read(log);

        Assert.Equal("ks> fault ud --fatal\n@@KS1 2 0 {\"type\"}\n", Encoding.UTF8.GetString(read.Uart));
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void AnInfrastructureErrorIsAProblemWithLavasMessage()
    {
        const string log = "- {\"dt\": \"2026-12-03T15:28:11.1\", \"lvl\": \"results\", \"msg\": {\"case\": \"job\", \"definition\": \"lava\", \"error_msg\": \"Unable to connect to the serial\\n\", \"error_type\": \"Infrastructure\", \"result\": \"fail\"}}\n";

        LavaLog read = LavaLog.Read(log);

        Assert.Equal("LAVA: the job failed (Infrastructure error): Unable to connect to the serial", Assert.Single(read.Problems));
    }

    [Fact]
    public async Task AnotherLogPassesThroughUnchanged()
    {
        byte[] uart = Encoding.UTF8.GetBytes(new string('x', 1000) + "\nks> help\n");

        (Stream stream, var problems) = await LavaLog.UnwrapAsync(new MemoryStream(uart), CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(uart, copy.ToArray());
        Assert.Empty(problems);
    }

    [Fact]
    public void ALineThatIsNoLogEntryIsAUsageError()
    {
        var e = Assert.Throws<KstressException>(() => LavaLog.Read("{\"dt\": \"x\", \"lvl\": \"info\", \"msg\": \"ok\"}\n{\"dt\": [unclosed\n"));

        Assert.Equal(ExitCode.Usage, e.ExitCode);
        Assert.Contains("line 2 of the LAVA log", e.Message);
    }
}
