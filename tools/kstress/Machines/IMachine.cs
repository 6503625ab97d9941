using System;
using System.Threading;
using System.Threading.Tasks;

namespace KernelStress.Tool.Machines;

/// <summary>
/// A running emulator as the session runner sees it: a UART byte stream each way and an exit
/// code. <see cref="QemuMachine"/> is the real one; tests substitute scripted fakes. Disposing
/// always stops the machine.
/// </summary>
public interface IMachine : IAsyncDisposable
{
    /// <summary>The next chunk of UART output, or null once the output has ended (the emulator exited).</summary>
    ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Types bytes on the UART.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Waits for the emulator to exit and returns its exit code.</summary>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Whatever the emulator wrote to its stderr so far (its own error messages).</summary>
    string ErrorOutput { get; }

    /// <summary>Stops the emulator now (idempotent).</summary>
    void Kill();

    /// <summary>
    /// Every CPU's registers and top of stack, read from outside the guest while it still runs
    /// (the runner asks when the kernel stops answering). Machines that cannot look inside (a
    /// board on a serial cable, test fakes) have nothing to say.
    /// </summary>
    Task<CpuCapture> CaptureCpusAsync(CancellationToken cancellationToken) => Task.FromResult(CpuCapture.Unsupported);
}

/// <summary>Starts machines; the seam where tests put a fake emulator.</summary>
public interface IMachineLauncher
{
    IMachine Start(QemuCommandLine commandLine);
}
