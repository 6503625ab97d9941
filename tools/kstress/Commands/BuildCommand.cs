using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Commands;

/// <summary><c>kstress build [--arch x64|arm64]</c>: builds the kernel image and prints its path and size.</summary>
public static class BuildCommand
{
    private static readonly Option<string> s_arch = MachineOptions.ArchOption();

    public static Command Create()
    {
        var command = new Command("build",
            "Build the kernel image (dotnet build kernel/Kernel.csproj -c Release -p:KernelArch=ARCH) and print its path and size. "
            + "The build output is shown only when the build fails. Exit codes: 0 built, 2 build failed.")
        {
            s_arch,
        };
        command.SetAction((parse, ct) => HandleAsync(parse.GetValue(s_arch)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> HandleAsync(string arch, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken)
    {
        MachineProfile profile = ProfileCatalog.Load().ForArch(arch);
        KernelBuild.Outcome outcome = await KernelBuild.RunAsync(arch, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw KernelBuild.Failed(outcome, arch);
        }

        string image = RepoRoot.Resolve(profile.Image);
        if (!File.Exists(image))
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"image not built: the {arch} kernel build succeeded but left no {profile.Image} (does the kernel build {arch} yet?): check the kernel's build targets");
        }
        long size = new FileInfo(image).Length;
        stdOut.WriteLine($"{profile.Image}  {size:N0} bytes ({size / 1024.0:F1} KiB)  built in {outcome.Elapsed.TotalSeconds:F1} s");
        return (int)ExitCode.Pass;
    }
}
