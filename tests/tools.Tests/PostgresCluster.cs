using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// A private PostgreSQL server for the history tests: initdb and pg_ctl from Debian's postgresql
/// package (/usr/lib/postgresql/*/bin) make a throwaway cluster in a temp directory, listening on
/// a free loopback port with trust authentication, run as the unprivileged postgres user when the
/// tests run as root (PostgreSQL refuses root). Stopped and deleted after the tests.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string? _dir;

    public static string? BinDirectory { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
        : null;

    /// <summary>postgresql://kstress@127.0.0.1:PORT/postgres once started.</summary>
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (BinDirectory is null)
        {
            return;
        }
        _dir = Directory.CreateTempSubdirectory("kstress-pg").FullName;
        string data = Path.Combine(_dir, "data");
        bool root = Environment.UserName == "root";
        if (root)
        {
            await Run("chown", "postgres:postgres", _dir);
        }
        int port = FreePort();
        await Run(root, Path.Combine(BinDirectory, "initdb"), "-D", data, "-U", "kstress", "--auth=trust", "-E", "UTF8", "--no-sync");
        await Run(root, Path.Combine(BinDirectory, "pg_ctl"), "-D", data, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Url = $"postgresql://kstress@127.0.0.1:{port}/postgres";
    }

    public async Task DisposeAsync()
    {
        if (_dir is null)
        {
            return;
        }
        await Run(Environment.UserName == "root", Path.Combine(BinDirectory!, "pg_ctl"), "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_dir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task Run(bool asPostgres, string program, params string[] args) =>
        asPostgres ? Run("runuser", new[] { "-u", "postgres", "--", program }.Concat(args).ToArray()) : Run(program, args);

    private static async Task Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/tmp" };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await output} {await error}");
        }
    }
}

/// <summary>
/// A fact that needs <see cref="PostgresCluster"/>: skipped, with the reason, only where Debian's
/// postgresql package is not installed and not in CI (where .ci/run installs it, so a missing
/// server is a failure).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.BinDirectory is null && Environment.GetEnvironmentVariable("CI") is not { Length: > 0 })
        {
            Skip = "no PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin): apt-get install postgresql to run the PostgreSQL history tests";
        }
    }
}
