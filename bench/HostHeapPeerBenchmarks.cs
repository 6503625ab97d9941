// The host's cost of what `bench heap` measures in the kernel: a heap block
// allocated and freed, for the same sizes: Marshal.AllocHGlobal/FreeHGlobal
// (the C heap, malloc/free) and a managed byte[] (its cost includes its share
// of the GC). For the runtime issue's side-by-side table. These run natively
// while the kernel runs under QEMU TCG: compare orders of magnitude, not
// implementations.
using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace KernelStress.Bench;

public class HostHeapPeerBenchmarks
{
    [Params(16, 64, 256, 1024, 4096, 16384, 65536)]
    public int Size { get; set; }

    [Benchmark]
    public void MallocFree() => Marshal.FreeHGlobal(Marshal.AllocHGlobal(Size));

    [Benchmark]
    public byte[] ManagedNewByteArray() => new byte[Size];
}
