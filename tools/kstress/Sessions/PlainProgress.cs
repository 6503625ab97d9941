using System.IO;
using System.Text.Json;

namespace KernelStress.Tool.Sessions;

/// <summary>One line per progress record, for logs.</summary>
public sealed class PlainProgress : ProgressDisplay
{
    private readonly TextWriter _output;
    private readonly int _sessions;

    public PlainProgress(TextWriter output, int sessions)
    {
        _output = output;
        _sessions = sessions;
    }

    public override void Show(int session, JsonElement progress)
    {
        string prefix = _sessions > 1 ? $"kstress: session {session}: " : "kstress: ";
        lock (_output)
        {
            _output.WriteLine(prefix + Describe(progress));
        }
    }
}
