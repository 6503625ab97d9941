using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Commands;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The HTML report rendered by headless Chromium (Debian's chromium, installed by ./kstress and
/// .ci/run): a probe script, added to a copy of the report only for the test, measures every
/// chart as laid out and counts its drawn marks; --dump-dom brings the numbers back.
/// </summary>
public sealed class HtmlReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kstress-report").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ReportIsSelfContained()
    {
        string html = await RenderAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotMatch(@"<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import", html);
        Assert.DoesNotContain(Regex.Matches(html, @"https?://[^""]+").Select(m => m.Value), u => u != "http://www.w3.org/2000/svg");
    }

    [Fact]
    public async Task ChromiumRendersEveryKindOfChart()
    {
        string html = await RenderAsync();
        string probed = Path.Combine(_dir, "probed.html");
        File.WriteAllText(probed, html.Replace("</body>", Probe + "</body>"));

        string dom = await DumpDomAsync(probed);

        Match probe = Regex.Match(dom, "data-probe=\"([^\"]*)\"");
        Assert.True(probe.Success, "chromium's DOM has no probe result: the page did not render\n" + dom[..Math.Min(dom.Length, 2000)]);
        var charts = JsonDocument.Parse(WebUtility.HtmlDecode(probe.Groups[1].Value)).RootElement.EnumerateArray().ToList();
        var kinds = charts.Select(c => c.GetProperty("kind").GetString()!.Replace("chart chart-", "")).ToHashSet();
        Assert.Equal(new HashSet<string> { "histogram", "percentiles", "timeline", "compare", "distribution" }, kinds);
        Assert.All(charts, c =>
        {
            Assert.True(c.GetProperty("w").GetDouble() > 100 && c.GetProperty("h").GetDouble() > 50, c.ToString());
            Assert.True(c.GetProperty("drawn").GetInt32() > 0, $"nothing drawn in {c}");
        });
        // Three sessions: two histograms (result + phase) and their percentiles each, one timeline, one compare.
        Assert.Equal(6, charts.Count(c => c.GetProperty("kind").GetString() == "chart chart-histogram"));
        Assert.Contains("=&gt; 0x000000000010019c: 0f 0b", dom); // the fault's code bytes, disassembled (symbols: RealImageTests)
        Assert.Contains("ud2", dom);
    }

    private const string Probe = """
        <script>
        document.body.setAttribute('data-probe', JSON.stringify(Array.from(document.querySelectorAll('svg.chart')).map(function (s) {
          var r = s.getBoundingClientRect(), drawn = 0;
          s.querySelectorAll('rect.bar, polyline, circle.dot').forEach(function (m) { var b = m.getBBox(); if (b.width > 0 || b.height > 0) drawn++; });
          return { kind: s.getAttribute('class'), w: r.width, h: r.height, drawn: drawn };
        })));
        </script>
        """;

    private async Task<string> RenderAsync()
    {
        var inputs = new List<string>();
        foreach ((ulong seed, long p99) in new[] { (11UL, 9000L), (22UL, 12000L), (33UL, 15000L) })
        {
            string path = Path.Combine(_dir, $"run{seed}.log");
            File.WriteAllText(path, ReportLogs.StressSession(seed, p99));
            inputs.Add(path);
        }
        string output = Path.Combine(_dir, "report.html");
        int code = await ReportCommand.HandleAsync(inputs, output, TextWriter.Null, CancellationToken.None);
        Assert.Equal((int)ExitCode.Pass, code);
        return File.ReadAllText(output);
    }

    private async Task<string> DumpDomAsync(string file)
    {
        var info = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(_dir, "profile")}", "--window-size=1200,2000", "--dump-dom", new Uri(file).AbsoluteUri })
        {
            info.ArgumentList.Add(arg);
        }
        Process chromium;
        try
        {
            chromium = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start chromium ({e.Message}): install the Debian package chromium (./kstress and .ci/run do)", e);
        }
        using (chromium)
        {
            Task<string> stdout = chromium.StandardOutput.ReadToEndAsync();
            Task<string> stderr = chromium.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            try
            {
                await chromium.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                chromium.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium --dump-dom did not finish in 120 s: " + await stderr);
            }
            return await stdout;
        }
    }
}
