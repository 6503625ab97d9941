// Raw binary generator output on stdout, for statistical test suites that
// read a byte stream (dieharder -g 200). Writes 64-bit words in the machine's
// (little-endian) byte order until the reader closes the pipe.
//
//   raw xorshift64|xorshift64star|xorshift64star-x4|streams|splitmix64 SEED
//
// `streams` interleaves 16 per-CPU streams derived from SEED (StreamSeed), so
// correlation between streams shows up as a failure.
using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using KernelStress.Prng;

namespace KernelStress.Bench;

internal static class RawOutput
{
    private const int Words = 8192;

    public static int Run(string[] args)
    {
        if (args.Length != 3 || !ulong.TryParse(args[2], out ulong seed))
        {
            Console.Error.WriteLine("usage: raw xorshift64|xorshift64star|xorshift64star-x4|streams|splitmix64 SEED");
            return 64;
        }

        var buffer = new ulong[Words];
        // A FileStream on descriptor 1 rather than Console's stream: Console ignores EPIPE,
        // so the pump would spin forever after the reader exits.
        using var output = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        try
        {
            switch (args[1])
            {
                case "xorshift64": Pump(new Xorshift64(seed), buffer, output); break;
                case "xorshift64star": Pump(new Xorshift64Star(seed), buffer, output); break;
                case "splitmix64": Pump(new SplitMix64(seed), buffer, output); break;
                case "xorshift64star-x4": PumpFill(new Xorshift64StarX4(seed), buffer, output); break;
                case "streams": PumpStreams(seed, buffer, output); break;
                default:
                    Console.Error.WriteLine($"unknown generator '{args[1]}'; use xorshift64, xorshift64star, xorshift64star-x4, streams or splitmix64");
                    return 64;
            }
        }
        catch (IOException)
        {
            // The reader closed the pipe: the expected way to stop.
        }
        return 0;
    }

    private static void Pump<TGen>(TGen gen, ulong[] buffer, Stream output) where TGen : struct, IRandomSource
    {
        while (true)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = gen.NextU64();
            }
            output.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
        }
    }

    private static void PumpFill(Xorshift64StarX4 gen, ulong[] buffer, Stream output)
    {
        while (true)
        {
            gen.Fill(buffer);
            output.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
        }
    }

    private static void PumpStreams(ulong runSeed, ulong[] buffer, Stream output)
    {
        var streams = new Xorshift64Star[16];
        for (int k = 0; k < streams.Length; k++)
        {
            streams[k] = new Xorshift64Star(StreamSeed.Derive(runSeed, (ulong)k));
        }
        while (true)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = streams[i & 15].NextU64();
            }
            output.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
        }
    }
}
