using System.IO;
using KernelStress.Tool.Reports;
using Xunit;

namespace KernelStress.Tool.Tests;

public class AtomicFileTests
{
    [Fact]
    public void AReportIsWrittenWholeAndNoTemporaryFileStays()
    {
        string directory = Directory.CreateTempSubdirectory("kstress-atomic-").FullName;
        string path = Path.Combine(directory, "out.json");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, "new content"u8);

        Assert.Equal("new content", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(directory));
        Directory.Delete(directory, recursive: true);
    }

    // Renaming a temporary file over /dev/null would turn the device into a regular file
    // holding the report, for every program on the machine.
    [Fact]
    public void ADeviceIsWrittenInPlaceNotReplaced()
    {
        AtomicFile.Write("/dev/null", "a report nobody keeps"u8);

        Assert.Empty(File.ReadAllBytes("/dev/null"));
        Assert.False(File.Exists("/dev/.null." + System.Environment.ProcessId + ".tmp"));
    }
}
