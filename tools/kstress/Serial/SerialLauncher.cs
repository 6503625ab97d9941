using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Serial;

/// <summary>
/// Hands the session runner a serial port instead of starting QEMU: the runner's QEMU command line
/// (built from <see cref="SerialProfile"/>, which has no arguments) is not used.
/// </summary>
public sealed class SerialLauncher : IMachineLauncher
{
    private readonly string _device;
    private readonly int _baud;

    public SerialLauncher(string device, int baud)
    {
        _device = device;
        _baud = baud;
    }

    public IMachine Start(QemuCommandLine commandLine) => SerialPortMachine.Open(_device, _baud);
}
