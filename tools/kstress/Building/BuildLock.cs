using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace KernelStress.Tool.Building;

/// <summary>
/// One kernel build per arch at a time across processes: an exclusively opened lock file in
/// artifacts/. Two test assemblies (or two kstress runs) that both find the image stale would
/// otherwise run dotnet build on the same outputs at once. The OS drops the lock with the process.
/// </summary>
public static class BuildLock
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(250);

    public static async Task<IDisposable> AcquireAsync(string arch, CancellationToken cancellationToken)
    {
        string path = RepoRoot.Resolve(Path.Combine("artifacts", $".kernel-build-{arch}.lock"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(s_poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
