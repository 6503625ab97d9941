using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KernelStress.Tool.Cli;

/// <summary>
/// This terminal in raw mode while <c>boot</c> runs (termios' cfmakeraw: no echo, no line
/// editing, no signals, so every key, Ctrl-C too, goes to the kernel), restored on Dispose.
/// </summary>
public sealed class RawTerminal : IDisposable
{
    private const int StandardInput = 0;
    private const int SetNow = 0; // TCSANOW
    // struct termios is 60 bytes on Linux (glibc); room to spare.
    private const int TermiosBytes = 256;

    private readonly byte[] _saved;

    private RawTerminal(byte[] saved)
    {
        _saved = saved;
    }

    /// <summary>Raw mode when standard input is a terminal; null when it is not (a pipe, a file).</summary>
    public static RawTerminal? Enter()
    {
        if (!OperatingSystem.IsLinux() || isatty(StandardInput) == 0)
        {
            return null;
        }
        byte[] saved = new byte[TermiosBytes];
        if (tcgetattr(StandardInput, saved) != 0)
        {
            return null;
        }
        byte[] raw = (byte[])saved.Clone();
        cfmakeraw(raw);
        return tcsetattr(StandardInput, SetNow, raw) == 0 ? new RawTerminal(saved) : null;
    }

    public void Dispose() => tcsetattr(StandardInput, SetNow, _saved);

    /// <summary>
    /// Standard input as bytes, as they come. Not Console.OpenStandardInput: on a terminal that
    /// reads whole lines through .NET's own line editor, which echoes and undoes raw mode.
    /// </summary>
    public static Stream OpenKeyboard() => new FileStream(new SafeFileHandle(StandardInput, ownsHandle: false), FileAccess.Read, bufferSize: 0);

    [DllImport("libc")]
    private static extern int isatty(int fd);

    [DllImport("libc")]
    private static extern int tcgetattr(int fd, byte[] termios);

    [DllImport("libc")]
    private static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc")]
    private static extern void cfmakeraw(byte[] termios);
}
