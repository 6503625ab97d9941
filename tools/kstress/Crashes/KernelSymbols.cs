using System.IO;

namespace KernelStress.Tool.Crashes;

/// <summary>Where a crash's symbols come from: --elf when given, else the built image of the record's arch.</summary>
public static class KernelSymbols
{
    public static string DefaultElf(string arch) => RepoRoot.Resolve($"artifacts/{arch}/kernel.elf");

    /// <param name="elf">An explicit image (--elf): unreadable is an error. Null: the arch's built image, if any.</param>
    public static CrashSymbolizer For(string arch, string? elf)
    {
        if (elf is not null)
        {
            return new CrashSymbolizer(ElfSymbols.Load(elf));
        }
        string path = DefaultElf(arch);
        if (!File.Exists(path))
        {
            return new CrashSymbolizer(null, $"{RepoRoot.Show(path)} does not exist: build the image (./kstress build --arch {arch}) or pass --elf FILE");
        }
        try
        {
            return new CrashSymbolizer(ElfSymbols.Load(path));
        }
        catch (KstressException e)
        {
            return new CrashSymbolizer(null, e.Message);
        }
    }
}
