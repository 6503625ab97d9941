using System;
using System.IO;

namespace KernelStress.Tool.Reports;

/// <summary>
/// Writes a whole file or nothing: the content goes to a temporary file in the same directory,
/// which is then renamed over the target (rename is atomic within a file system), so a reader
/// or a killed run never sees half a report. A path under /dev (/dev/null, /dev/stdout) is
/// written in place: renaming over it would replace the device node with a regular file.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        if (full.StartsWith("/dev/", StringComparison.Ordinal))
        {
            WriteInPlace(path, full, write);
            return;
        }
        string directory = Path.GetDirectoryName(full)!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new KstressException(ExitCode.Infrastructure, $"cannot write {path}: {e.Message}: check that the directory is writable and the disk is not full");
        }
    }

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        byte[] copy = content.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    private static void WriteInPlace(string path, string full, Action<Stream> write)
    {
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KstressException(ExitCode.Infrastructure, $"cannot write {path}: {e.Message}: check that the device exists and is writable");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
