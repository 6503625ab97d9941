using System.IO;
using System.Text;
using Spectre.Console;

namespace KernelStress.Tool.Sessions;

/// <summary>
/// A TextWriter over a Spectre console, so the UART echo can be printed while a live progress bar
/// is shown: Spectre draws each line above the bar. Lines are written whole, as plain text.
/// </summary>
public sealed class AnsiLineWriter : TextWriter
{
    private readonly IAnsiConsole _console;
    private readonly StringBuilder _line = new();

    public AnsiLineWriter(IAnsiConsole console)
    {
        _console = console;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            lock (_console)
            {
                _console.Write(new Text(_line.ToString() + "\n"));
            }
            _line.Clear();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }
}
