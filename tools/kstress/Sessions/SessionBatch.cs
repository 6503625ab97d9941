using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Sessions;

/// <summary>
/// The sessions of one <c>run</c>: one per seed, each on a fresh boot, up to <c>parallel</c> at
/// once. Each session's commands get its seed; its verdict lines go to stderr as it ends (with a
/// replay command line when it did not pass); Ctrl-C in one stops the ones not yet started.
/// </summary>
public static class SessionBatch
{
    /// <param name="progress">Shows each session's progress records; null: not shown.</param>
    /// <param name="echo">Where the UART is echoed; null: not echoed.</param>
    /// <returns>The sessions by index; null for one that never started.</returns>
    public static async Task<SessionResult?[]> RunAsync(SessionOptions options, IReadOnlyList<ulong?> seeds, int parallel, IMachineLauncher launcher,
        ProgressDisplay? progress, TextWriter? echo, TextWriter stdErr, CancellationToken cancellationToken)
    {
        int count = seeds.Count;
        var sessions = new SessionResult?[count];
        using var slots = new SemaphoreSlim(parallel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task>();
        for (int i = 0; i < count; i++)
        {
            int index = i;
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                slots.Release();
                break;
            }
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    if (count > 1)
                    {
                        Locked(stdErr, $"kstress: session {index + 1} of {count}");
                    }
                    var runner = new SessionRunner(launcher, echo is null ? null : new UartConsole(echo),
                        e => Observe(e, index + 1, progress));
                    SessionOptions mine = options with { Commands = SeedPlan.Apply(options.Commands, seeds[index]) };
                    SessionResult result = await runner.RunAsync(mine, stop.Token).ConfigureAwait(false);
                    sessions[index] = WithSeed(result, seeds[index]);
                    lock (stdErr)
                    {
                        SessionSummary.Write(sessions[index]!, stdErr, count > 1 ? $"session {index + 1}: " : "");
                        if (result.Report.Verdict != Reports.Verdict.Pass && seeds[index] is ulong seed)
                        {
                            stdErr.WriteLine($"kstress: replay it: ./kstress run --seed {seed} {string.Join(" ", options.Commands.Select(c => "-c " + ScriptedCommands.Quote(c)))}");
                        }
                    }
                    if (result.Interrupted)
                    {
                        stop.Cancel();
                    }
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return sessions;
    }

    private static void Observe(UartEvent e, int session, ProgressDisplay? progress)
    {
        if (progress is not null && e is RecordReceived { Record.Type: "progress" } received)
        {
            progress.Show(session, received.Record.Body);
        }
    }

    private static SessionResult WithSeed(SessionResult result, ulong? seed) =>
        seed is null ? result : result with { Report = result.Report with { Seed = seed } };

    private static void Locked(TextWriter writer, string line)
    {
        lock (writer)
        {
            writer.WriteLine(line);
        }
    }
}
