using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>QEMU's monitor text (as QEMU 7.2 prints it) read into CPU snapshots, and what a set of hung CPUs suggests.</summary>
public class RegisterDumpTests
{
    // `info registers -a` on the x64 profile, two CPUs, trimmed after the segment registers.
    private const string X64 = """

        CPU#0
        RAX=0000000000000000 RBX=0000000000137f50 RCX=000000000015aec8 RDX=0000000000158950
        RSI=00000000009d1fc8 RDI=00000000ffffffff RBP=00000000009d1fc0 RSP=00000000009d1fb8
        R8 =00002b992ddfa232 R9 =0000000000000061 R10=0000000000000000 R11=0000000000000000
        RIP=00000000001001d7 RFL=00000246 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=1
        ES =0010 0000000000000000 ffffffff 00cf9300 DPL=0 DS   [-WA]

        CPU#1
        RAX=0000000000000001 RBX=0000000000000000 RCX=0000000000000000 RDX=0000000000000000
        RSI=0000000000000000 RDI=0000000000000000 RBP=0000000000a00f80 RSP=0000000000a00f70
        RIP=000000000010016a RFL=00000046 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=0
        """;

    // `info registers -a` on arm64 virt, one CPU, trimmed after PSTATE.
    private const string Arm64 = """

        CPU#0
         PC=00000000402003d0 X00=00000000ffffffff X01=0000000000000040
        X28=0000000000000000
        X29=0000000040b0efc0 X30=000000004023d3d0  SP=0000000040b0efc0
        PSTATE=40000385 -Z-- EL1h     FPCR=00000000 FPSR=00000000
        """;

    [Fact]
    public void X64RegistersGiveProgramCounterStackInterruptFlagAndHalt()
    {
        var cpus = RegisterDump.Parse(X64).Select(c => RegisterDump.Snapshot(c.Index, [c.Registers], new ulong[] { 1, 2 })).ToList();

        Assert.Equal(2, cpus.Count);
        Assert.Equal((0, 0x1001d7UL, 0x9d1fb8UL, true, (bool?)true, (ulong?)null),
            (cpus[0].Index, cpus[0].ProgramCounter, cpus[0].StackPointer, cpus[0].InterruptsEnabled, cpus[0].Halted, cpus[0].LinkRegister));
        // The general registers are kept (R8 with QEMU's padding too), the segment registers are not.
        Assert.Equal(0x137f50UL, cpus[0].Registers!["RBX"]);
        Assert.Equal(0x2b992ddfa232UL, cpus[0].Registers!["R8"]);
        Assert.False(cpus[0].Registers!.ContainsKey("ES"));
        Assert.Equal(new ulong[] { 1, 2 }, cpus[0].StackWords);
        Assert.Equal((1, 0x10016aUL, false, (bool?)false), (cpus[1].Index, cpus[1].ProgramCounter, cpus[1].InterruptsEnabled, cpus[1].Halted));
    }

    [Fact]
    public void Arm64RegistersGiveProgramCounterStackLinkAndIrqMask()
    {
        CpuSnapshot cpu = RegisterDump.Parse(Arm64).Select(c => RegisterDump.Snapshot(c.Index, [c.Registers], [])).Single();

        Assert.Equal(0x402003d0UL, cpu.ProgramCounter);
        Assert.Equal(0x40b0efc0UL, cpu.StackPointer);
        Assert.Equal(0x4023d3d0UL, cpu.LinkRegister);
        Assert.False(cpu.InterruptsEnabled); // PSTATE.I (0x80) is set in 0x385
        Assert.Null(cpu.Halted);
    }

    [Fact]
    public void HaltedAndInterruptStatesAreTheMajorityOfTheSamplesAndThePlaceIsTheLast()
    {
        IReadOnlyDictionary<string, ulong> Sample(ulong rip, ulong flags, ulong halted) =>
            new Dictionary<string, ulong> { ["RIP"] = rip, ["RSP"] = 0x1000, ["RFL"] = flags, ["HLT"] = halted };

        // Halted with interrupts on, caught once inside a timer tick (running, interrupts off).
        CpuSnapshot cpu = RegisterDump.Snapshot(0, [Sample(1, 0x246, 1), Sample(2, 0x046, 0), Sample(3, 0x246, 1)], []);

        Assert.Equal((3UL, true, (bool?)true), (cpu.ProgramCounter, cpu.InterruptsEnabled, cpu.Halted));
    }

    [Fact]
    public void AnArm64CpuIsHaltedWhenTheInstructionBeforeItsPcIsWfi()
    {
        IReadOnlyDictionary<string, ulong> registers = RegisterDump.Parse(Arm64).Single().Registers;
        const ulong wfiThenMsr = 0xd50342ff_d503207f; // wfi; msr daifclr, #2 (little-endian: the word at pc - 4 first)

        Assert.True(RegisterDump.Snapshot(0, [RegisterDump.WithWaitState(registers, wfiThenMsr)], []).Halted);
        Assert.False(RegisterDump.Snapshot(0, [RegisterDump.WithWaitState(registers, 0xd503201f_d503201f)], []).Halted); // nop; nop
    }

    [Fact]
    public void MemoryDumpWordsAreReadInAddressOrder()
    {
        const string dump = "00000000009d1fb8: 0x0000000000131344 0x00000000001312e0\r\n00000000009d1fc8: 0x0000000000000000 0xffffffffffffffff\r\n";
        Assert.Equal(new ulong[] { 0x131344, 0x1312e0, 0, ulong.MaxValue }, RegisterDump.Words(dump));
    }

    [Fact]
    public void TextWithoutCpusGivesNone()
    {
        Assert.Empty(RegisterDump.Parse(""));
        Assert.Empty(RegisterDump.Parse("CPU#0\nnothing useful here\n"));
    }

    [Fact]
    public void DiagnosisTellsADeadlockFromALostWakeUp()
    {
        HungCpu Cpu(int n, bool interrupts, bool? halted) => new() { Cpu = n, Pc = "0x0", InterruptsEnabled = interrupts, Halted = halted, Stack = new List<StackWord>() };

        Assert.Contains("CPU 1 ran with interrupts off", CrashText.Diagnosis([Cpu(0, true, true), Cpu(1, false, false)]));
        Assert.Contains("every CPU was halted", CrashText.Diagnosis([Cpu(0, true, true), Cpu(1, true, true)]));
        Assert.Contains("busy loop", CrashText.Diagnosis([Cpu(0, true, true), Cpu(1, true, false)]));
        Assert.Null(CrashText.Diagnosis([Cpu(0, true, null)]));
        Assert.Null(CrashText.Diagnosis([]));
    }
}
