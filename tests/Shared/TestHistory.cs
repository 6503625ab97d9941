using System;
using System.IO;
using System.Runtime.CompilerServices;
using KernelStress.Tool.History;

namespace KernelStress.Tests.Shared;

/// <summary>
/// The verbs these tests invoke store their sessions like any run; this points the default history
/// at a database of the test process's own (unless the caller chose one), so tests never write
/// into the user's history. Tests of the history itself pass --history explicitly.
/// </summary>
internal static class TestHistory
{
    [ModuleInitializer]
    internal static void UseOwnDatabase()
    {
        if (Environment.GetEnvironmentVariable(HistoryLocation.EnvironmentVariable) is not { Length: > 0 })
        {
            string dir = Directory.CreateTempSubdirectory("kstress-test-history").FullName;
            Environment.SetEnvironmentVariable(HistoryLocation.EnvironmentVariable, Path.Combine(dir, "history.db"));
        }
    }
}
