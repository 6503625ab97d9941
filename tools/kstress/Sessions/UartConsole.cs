using System.IO;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Sessions;

/// <summary>
/// Echoes the UART to a person as it arrives: human lines as they are, records in their compact
/// one-line form (the JSON file has them whole), corrupt records flagged with "!!".
/// </summary>
public sealed class UartConsole
{
    private readonly TextWriter _output;

    public UartConsole(TextWriter output)
    {
        _output = output;
    }

    public void Show(UartEvent e)
    {
        switch (e)
        {
            case LineReceived line when !line.HasRecord:
                _output.WriteLine(line.Text);
                break;
            case LineReceived line:
                string human = line.Human.Trim();
                if (human.Length > 0 && human != UartStreamParser.Prompt.Trim())
                {
                    _output.WriteLine(human);
                }
                break;
            case RecordReceived received:
                _output.WriteLine("  " + RecordText.Compact(received.Record));
                break;
            case CorruptFound corrupt:
                _output.WriteLine($"  !! line {corrupt.Finding.Line}: {corrupt.Finding.Reason}");
                break;
        }
    }
}
