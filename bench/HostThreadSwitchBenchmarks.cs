// The host's cost of what `bench switch` measures in the kernel: two threads
// handing a turn back and forth (here through semaphores, so each hand-over
// blocks one OS thread and wakes the other); a round trip is two switches and
// the figure is per switch. Natively on the host, versus the kernel under QEMU
// TCG: compare orders of magnitude.
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace KernelStress.Bench;

public class HostThreadSwitchBenchmarks
{
    private const int RoundTrips = 10_000;

    private readonly SemaphoreSlim _ping = new(0);
    private readonly SemaphoreSlim _pong = new(0);
    private Thread _partner = null!;
    private volatile bool _stop;

    [GlobalSetup]
    public void StartPartner()
    {
        _partner = new Thread(() =>
        {
            while (true)
            {
                _ping.Wait();
                if (_stop)
                    return;
                _pong.Release();
            }
        }) { IsBackground = true };
        _partner.Start();
    }

    [GlobalCleanup]
    public void StopPartner()
    {
        _stop = true;
        _ping.Release();
        _partner.Join();
    }

    [Benchmark(OperationsPerInvoke = 2 * RoundTrips)]
    public void SwitchViaSemaphores()
    {
        for (int i = 0; i < RoundTrips; i++)
        {
            _ping.Release();
            _pong.Wait();
        }
    }
}
