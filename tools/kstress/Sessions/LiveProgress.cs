using System.Collections.Generic;
using System.Text.Json;
using KernelStress.Tool.Results;
using Spectre.Console;

namespace KernelStress.Tool.Sessions;

/// <summary>A Spectre.Console progress bar per session and test, filled by elapsed_ms / duration_ms.</summary>
public sealed class LiveProgress : ProgressDisplay
{
    private readonly ProgressContext _context;
    private readonly int _sessions;
    private readonly Dictionary<(int, string), ProgressTask> _tasks = new();

    public LiveProgress(ProgressContext context, int sessions)
    {
        _context = context;
        _sessions = sessions;
    }

    public override void Show(int session, JsonElement progress)
    {
        string test = Json.String(progress, "test") ?? "progress";
        lock (_tasks)
        {
            if (!_tasks.TryGetValue((session, test), out ProgressTask? task))
            {
                task = _context.AddTask(Markup.Escape(test), maxValue: Json.Long(progress, "duration_ms") ?? 100);
                _tasks[(session, test)] = task;
            }
            task.Description = Markup.Escape((_sessions > 1 ? $"#{session} " : "") + Describe(progress));
            task.Value = Json.Long(progress, "elapsed_ms") ?? task.Value;
        }
    }
}
