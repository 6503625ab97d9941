using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Flashing;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress flash --board rpi3|rpi4 --out DIR</c>: builds the board's kernel and writes what goes
/// on the SD card's boot partition: kernel8.img, config.txt and a README naming the wiring.
/// </summary>
public static class FlashCommand
{
    private static readonly Option<string> s_board = new("--board")
    {
        Description = "The Raspberry Pi to write the boot files for",
        HelpName = string.Join('|', KernelTarget.PiBoards),
        Required = true,
    };

    private static readonly Option<string> s_out = new("--out", "-o")
    {
        Description = "The directory to write kernel8.img, config.txt and README.txt into (created if missing; e.g. the SD card's mounted boot partition)",
        HelpName = "DIR",
        Required = true,
    };

    static FlashCommand()
    {
        s_board.AcceptOnlyFromAmong(KernelTarget.PiBoards);
    }

    public static Command Create()
    {
        var command = new Command("flash",
            "Build the kernel for a Raspberry Pi and write its boot files (kernel8.img, config.txt, README.txt with the wiring) into a directory. "
            + "Exit codes: 0 written, 2 the build failed or the files could not be written, 64 bad arguments.")
        {
            s_board,
            s_out,
        };
        command.SetAction((parse, ct) => HandleAsync(
            parse.GetValue(s_board)!, parse.GetValue(s_out)!, parse.InvocationConfiguration.Output, ct));
        return command;
    }

    public static async Task<int> HandleAsync(string board, string outDirectory, TextWriter stdOut, CancellationToken cancellationToken)
    {
        if (File.Exists(outDirectory))
        {
            throw new KstressException(ExitCode.Usage, $"--out {outDirectory} is a file, not a directory: give a directory (it is created if missing)");
        }
        var target = KernelTarget.From("arm64", board);
        KernelBuild.Outcome outcome = await KernelBuild.RunAsync(target, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw KernelBuild.Failed(outcome, target);
        }
        string image = RepoRoot.Resolve(target.FlatImage);
        if (!File.Exists(image))
        {
            throw new KstressException(ExitCode.Infrastructure, $"image not built: the {target.Flavor} kernel build succeeded but left no {target.FlatImage}: check the kernel's build targets");
        }

        try
        {
            Directory.CreateDirectory(outDirectory);
            File.Copy(image, Path.Combine(outDirectory, "kernel8.img"), overwrite: true);
            File.WriteAllText(Path.Combine(outDirectory, "config.txt"), BootFiles.ConfigTxt(target));
            File.WriteAllText(Path.Combine(outDirectory, "README.txt"), BootFiles.Readme(target));
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
        {
            throw new KstressException(ExitCode.Infrastructure, $"cannot write the boot files into {outDirectory}: {e.Message}: check the path and that you may write there");
        }

        long size = new FileInfo(image).Length;
        stdOut.WriteLine($"{Path.Combine(outDirectory, "kernel8.img")}  {size:N0} bytes ({size / 1024.0:F1} KiB)");
        stdOut.WriteLine($"{Path.Combine(outDirectory, "config.txt")}");
        stdOut.WriteLine($"{Path.Combine(outDirectory, "README.txt")}  (wiring: GPIO 14 TXD -> cable RX, GPIO 15 RXD -> cable TX, GND; 115200 8N1)");
        return (int)ExitCode.Pass;
    }
}
