using System.IO;
using System.Linq;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Tool.Tests;

public class ProfileTests
{
    [Fact]
    public void RepoProfilesLoadAndEachArchHasADefault()
    {
        ProfileCatalog catalog = ProfileCatalog.Load();

        MachineProfile x64 = catalog.ForArch("x64");
        Assert.Equal("qemu-system-x86_64", x64.Binary);
        Assert.Equal("artifacts/x64/kernel.bin", x64.Image);
        Assert.Equal(QemuExit.Poweroff, x64.Meaning(33)!.Means);
        Assert.Equal(QemuExit.Panic, x64.Meaning(35)!.Means);
        Assert.Equal(QemuExit.Crash, x64.Meaning(0)!.Means);
        Assert.Null(x64.Meaning(1));
        Assert.Equal(128, x64.MemoryMb.Default);
        Assert.Contains("0x3F8", x64.Comment);

        MachineProfile arm = catalog.ForArch("arm64");
        Assert.Equal("arm64-virt", arm.Name);
        Assert.Equal("artifacts/arm64/kernel.elf", arm.Image);
        Assert.Equal(QemuExit.Poweroff, arm.Meaning(0)!.Means);
        Assert.True(arm.BootTimeoutSeconds > 0);
    }

    [Fact]
    public void CommandLineSubstitutesPlaceholders()
    {
        MachineProfile x64 = ProfileCatalog.Load().ForArch("x64");

        QemuCommandLine run = QemuCommandLine.Create(x64, "/img/kernel.bin", 256, 2, SerialMode.Stdio);
        Assert.Equal("qemu-system-x86_64", run.FileName);
        Assert.Equal(
            "-accel tcg -cpu max -m 256M -smp 2 -kernel /img/kernel.bin -display none -vga none -nic none -serial stdio -monitor none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04"
            + $" -qmp unix:{run.MonitorSocket},server=on,wait=off",
            string.Join(' ', run.Arguments));
        Assert.EndsWith(".qmp", run.MonitorSocket);

        QemuCommandLine boot = QemuCommandLine.Create(x64, "/img/kernel.bin", 128, 1, SerialMode.Interactive);
        Assert.Contains("mon:stdio", boot.Arguments);
        Assert.Null(boot.MonitorSocket);
        Assert.DoesNotContain(boot.Arguments, a => a.Contains('{'));
    }

    [Fact]
    public void Arm64VirtUsesTheVirtBoardAndCortexA72()
    {
        MachineProfile arm = ProfileCatalog.Load().ForArch("arm64");
        QemuCommandLine line = QemuCommandLine.Create(arm, "/img/kernel.elf", 128, 1, SerialMode.Stdio);
        Assert.Equal("qemu-system-aarch64", line.FileName);
        string args = string.Join(' ', line.Arguments);
        Assert.Contains("-M virt -cpu cortex-a72", args);
        Assert.Contains("-kernel /img/kernel.elf", args);
    }

    [Theory]
    [InlineData("\"name\": \"x64\"", "\"name\": \"other\"", "\"name\" is 'other' but the file is x64.json")]
    [InlineData("\"arch\": \"x64\"", "\"arch\": \"riscv\"", "\"arch\" is 'riscv'")]
    [InlineData("\"min\": 32", "\"min\": 512", "\"memory_mb\" needs 1 <= min <= default <= max")]
    [InlineData("\"-kernel\", \"{image}\"", "\"-kernel\", \"{img}\"", "unknown placeholder {img}")]
    [InlineData("\"binary\": \"qemu-system-x86_64\",", "", "missing required properties")]
    [InlineData("\"comment\":", "\"commment\": \"typo\", \"comment\":", "commment")]
    [InlineData("{ \"code\": 33, \"means\": \"poweroff\"", "{ \"code\": 33, \"means\": \"shutdown\"", "invalid")]
    [InlineData("\"package\": \"qemu-system-x86\",", "\"package\": \"qemu-system-x86\", \"min_qemu_version\": \"9\",", "\"min_qemu_version\" is '9', expected major.minor")]
    public void BrokenProfileNamesTheFileAndTheProblem(string from, string to, string expected)
    {
        string dir = Directory.CreateTempSubdirectory("kstress-profile").FullName;
        try
        {
            string original = File.ReadAllText(RepoRoot.Resolve("qemu/x64.json"));
            Assert.Contains(from, original);
            File.WriteAllText(Path.Combine(dir, "x64.json"), original.Replace(from, to));

            KstressException e = Assert.Throws<KstressException>(() => ProfileCatalog.Load(dir));

            Assert.Equal(ExitCode.Infrastructure, e.ExitCode);
            Assert.Contains("x64.json is invalid", e.Message);
            Assert.Contains(expected, e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TwoDefaultsForOneArchAreRejected()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-profile").FullName;
        try
        {
            string x64 = File.ReadAllText(RepoRoot.Resolve("qemu/x64.json"));
            File.WriteAllText(Path.Combine(dir, "x64.json"), x64);
            File.WriteAllText(Path.Combine(dir, "x64-q35.json"), x64.Replace("\"name\": \"x64\"", "\"name\": \"x64-q35\""));

            KstressException e = Assert.Throws<KstressException>(() => ProfileCatalog.Load(dir));
            Assert.Contains("both say default_for_arch for x64", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ABoardProfileCanBeAddedAsData()
    {
        // raspi3b: fixed 1 GiB and 4 cores, a flat kernel8.img, and no way to stop QEMU.
        string dir = Directory.CreateTempSubdirectory("kstress-profile").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "raspi3b.json"), """
                {
                  "comment": "Raspberry Pi 3B (BCM2837): PL011 at 0x3F201000; no PSCI, the kernel halts on poweroff.",
                  "name": "raspi3b", "arch": "arm64", "binary": "qemu-system-aarch64", "package": "qemu-system-arm",
                  "image": "artifacts/arm64/kernel8.img",
                  "memory_mb": { "default": 1024, "min": 1024, "max": 1024 },
                  "smp": { "default": 4, "min": 4, "max": 4 },
                  "args": ["-M", "raspi3b", "-m", "{memory_mb}M", "-smp", "{smp}", "-kernel", "{image}", "-serial", "{serial}", "-display", "none"],
                  "exit_codes": [],
                  "poweroff_exits": false,
                  "boot_timeout_seconds": 30, "command_timeout_seconds": 30
                }
                """);
            MachineProfile pi = Assert.Single(ProfileCatalog.Load(dir).Profiles);
            Assert.False(pi.DefaultForArch);
            Assert.False(pi.PoweroffExits);
            Assert.Equal("1024 only", pi.MemoryMb.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
