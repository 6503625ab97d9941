using System.CommandLine;
using System.Linq;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Commands;

/// <summary><c>kstress build [--arch x64|arm64] [--board virt|rpi3|rpi4]</c>: builds the kernel image and prints its path and size.</summary>
public static class BuildCommand
{
    private static readonly Option<string> s_arch = MachineOptions.ArchOption();

    private static readonly Option<string?> s_board = MachineOptions.BoardOption("The arm64 board to build for: virt (QEMU, default), rpi3 or rpi4 (kernel8.img)");

    public static Command Create()
    {
        var command = new Command("build",
            "Build the kernel image (dotnet build kernel/Kernel.csproj -c Release -p:KernelArch=ARCH [-p:KernelBoard=BOARD]) and print its path and size. "
            + "The build output is shown only when the build fails. Exit codes: 0 built, 2 build failed, 64 bad arguments.")
        {
            s_arch,
            s_board,
        };
        command.SetAction((parse, ct) => HandleAsync(
            KernelTarget.From(MachineOptions.ArchWithBoard(parse, s_arch, s_board), parse.GetValue(s_board)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> HandleAsync(KernelTarget target, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken)
    {
        KernelBuild.Outcome outcome = await KernelBuild.RunAsync(target, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw KernelBuild.Failed(outcome, target);
        }

        // The image a QEMU profile boots (kernel.bin on x64, kernel.elf on virt), else the flat image.
        MachineProfile? profile = ProfileCatalog.Load().Profiles.FirstOrDefault(p => p.Target == target);
        string shown = profile?.Image ?? target.FlatImage;
        string image = RepoRoot.Resolve(shown);
        if (!File.Exists(image))
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"image not built: the {target.Flavor} kernel build succeeded but left no {shown}: check the kernel's build targets");
        }
        long size = new FileInfo(image).Length;
        stdOut.WriteLine($"{shown}  {size:N0} bytes ({size / 1024.0:F1} KiB)  built in {outcome.Elapsed.TotalSeconds:F1} s");
        return (int)ExitCode.Pass;
    }
}
