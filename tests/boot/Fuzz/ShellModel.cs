using System.Collections.Generic;
using KernelStress.Shell;

namespace KernelStress.Boot.Tests.Fuzz;

/// <summary>What the kernel will answer to one fuzz case, predicted by the host.</summary>
/// <param name="Expected">The exact UART bytes the kernel sends back (echo, error lines, prompts), when it can be
/// predicted: every line of the case is rejected, empty or cancelled.</param>
/// <param name="RunsCommand">The case's last line is a command the kernel will run (its output cannot be
/// predicted: the fuzzer synchronises on a marker after it); Expected then holds what comes before the run.</param>
/// <param name="Send">False for cases the fuzzer must not send: a command that is slow, ends the session or
/// changes what later cases see (poweroff, selftest, bench, fault, long sleeps...).</param>
public sealed record CasePrediction(byte[] Expected, bool RunsCommand, bool Send);

/// <summary>
/// The host twin of the kernel shell's front end (kernel/shell/KernelShell.cs: its input loop and Execute up to
/// the dispatcher), built from the same portable LineEditor and CommandParser the kernel runs. For a line the
/// kernel rejects it yields the kernel's answer byte for byte, so a difference between host and kernel is a bug
/// in one of them. Every case ends with CR and no case starts with LF, so a fresh editor per case starts in the
/// same state as the kernel's long-lived one.
/// </summary>
public static class ShellModel
{
    private static readonly byte[] Prompt = "ks> "u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    public static CasePrediction Predict(byte[] bytes)
    {
        var echo = new EchoCapture();
        var editor = new LineEditor(echo);
        var parsed = new ParsedCommand();
        var expected = new List<byte>();
        for (int i = 0; i < bytes.Length; i++)
        {
            LineStatus status = editor.Feed(bytes[i]);
            expected.AddRange(echo.Take());
            switch (status)
            {
                case LineStatus.Ready:
                    ParseStatus parse = CommandParser.Parse(ShellCommands.Catalog, editor.Line, parsed);
                    if (parse == ParseStatus.Command)
                    {
                        // Only the case's last line may run a command: its output ends the prediction.
                        bool last = i == bytes.Length - 1;
                        return new CasePrediction(expected.ToArray(), true, last && FastCommands.Allows(parsed));
                    }
                    if (parse == ParseStatus.Error)
                    {
                        expected.AddRange(parsed.Error.ToArray());
                        expected.AddRange(LineEnd);
                    }
                    expected.AddRange(Prompt);
                    break;
                case LineStatus.Rejected:
                    expected.AddRange(editor.Error.ToArray());
                    expected.AddRange(LineEnd);
                    expected.AddRange(Prompt);
                    break;
                case LineStatus.Empty:
                case LineStatus.Cancelled:
                    expected.AddRange(Prompt);
                    break;
            }
        }
        return new CasePrediction(expected.ToArray(), false, true);
    }
}
