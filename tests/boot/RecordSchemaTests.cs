using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Json.Schema;
using KernelStress.Tool;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// schema/result.schema.json against the kernel as it is: every record of real sessions that make
/// every record type (boot, every shell command's record, results of the stress suite, the benches,
/// prng and irqstorm, progress, compare, report, chaos telemetry with its oversized record turned
/// into an error record, a fault, watchdog stalls, bye, and a panic in a session of its own)
/// validates with JsonSchema.Net, and the types seen are exactly the ones docs/uart-contract.md and
/// the schema list, so schema, contract and kernel cannot drift apart.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class RecordSchemaTests
{
    private static readonly string[] EveryRecordCommands =
    {
        "mem", "uptime", "cpus", "ps", "watchdog", "metrics", "selftest prng", "prng --seed 42 --count 3",
        "bench timer", "irqstorm 200", "stresstest memory --duration 2500 --seed 1",
        // Every chaos event with a fault: the telemetry storm's records, its oversized record (an
        // error record in its place), sacrificial threads' faults.
        "stresstest chaos --fail-rate 100 --expect-failures --duration 3000 --seed 2394",
        "stresstest scale --threads 1,2 --components alloc --duration 1000",
        "stresstest compare memory --duration 500 --seed 3 --pairs 2", "stresstest report --json", "fault ud",
        // The learning result's evaluation (four policies on two held-out seeds).
        "stresstest learning --duration 400 --episodes 4 --eval-seeds 2",
        // A stall on CPU 1 past a short threshold, detected and recovered.
        "watchdog --threshold 300", "spin 1200 --interrupts-off --cpu 1", "sleep 1500",
    };

    private static readonly JsonSchema s_schema = JsonSchema.FromText(File.ReadAllText(RepoRoot.Resolve("schema/result.schema.json")));

    private readonly BootedKernel _kernel;

    public RecordSchemaTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryRecordOfRealSessionsValidatesAndEveryContractTypeIsSeen()
    {
        SessionResult everything = await _kernel.RunAsync(EveryRecordCommands);
        SessionResult panic = await _kernel.RunAsync("fault ud --fatal");
        Assert.Empty(everything.Report.Corrupt);
        Assert.Empty(panic.Report.Corrupt);

        List<JsonElement> records = _kernel.Session.Report.Records.Concat(everything.Report.Records).Concat(panic.Report.Records).ToList();
        foreach (JsonElement record in records)
        {
            string? errors = Validate(record);
            Assert.True(errors is null, $"{record.GetProperty("type")} record seq {record.GetProperty("seq")} does not match the schema:\n{errors}\n{record}");
        }

        var seen = records.Select(r => r.GetProperty("type").GetString()!).ToHashSet();
        Assert.Equal(ContractTypes().Order(), seen.Order());
        var results = records.Where(r => r.GetProperty("type").GetString() == "result").Select(r => r.GetProperty("test").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "prng", "bench_timer", "irqstorm", "memory", "chaos", "scale" }, results);
        Assert.Contains(records, r => r.TryGetProperty("phases", out _));
        Assert.Contains(records, r => r.GetProperty("type").GetString() == "stall" && r.GetProperty("phase").GetString() == "recovered");
    }

    [Fact]
    public void TheContractTheSchemaAndTheKernelNameTheSameTypes()
    {
        string[] contract = ContractTypes().Order().ToArray();
        string[] schema = SchemaTypes().Order().ToArray();
        Assert.Equal(contract, schema);
        // Every record type the kernel's sources begin (fault and panic through FaultDump's
        // parameter, error from RecordWriter) is in the contract.
        Assert.Superset(contract.ToHashSet(), KernelTypes().Append("fault").Append("error").ToHashSet());
    }

    // The negative control: the schema rejects what the kernel must not send. Each case changes one
    // field of a real record's shape.
    [Theory]
    [InlineData("""{"type":"boot","seq":0,"schema":1,"arch":"x64","version":"0.1.0","memory_bytes":1,"cpus":"2","boot_ms":1,"boot_us":1}""")]
    [InlineData("""{"type":"boot","seq":0,"schema":1,"arch":"riscv","version":"0.1.0","memory_bytes":1,"cpus":2,"boot_ms":1,"boot_us":1}""")]
    [InlineData("""{"type":"progress","seq":3,"test":"memory","elapsed_ms":1001,"duration_ms":2500,"ops":-1,"failed":0,"pressure_pct":9,"oom_events":0}""")]
    [InlineData("""{"type":"progress","seq":3,"test":"memory","elapsed_ms":1001,"duration_ms":2500,"ops":1,"failed":0,"pressure_pct":101,"oom_events":0}""")]
    [InlineData("""{"type":"result","seq":8,"test":"prng","verdict":"MAYBE","gen":"x","seed":42,"count":3,"first":1,"last":2,"xor":3}""")]
    [InlineData("""{"type":"result","seq":8,"test":"prng","verdict":"PASS","gen":"x","seed":42,"count":3,"first":1,"last":2}""")]
    [InlineData("""{"type":"bye","seq":9,"reason":"poweroff","uptime_ms":1.5}""")]
    [InlineData("""{"type":"error","seq":9,"reason":"record overflow"}""")]
    [InlineData("""{"type":"stall","seq":9,"phase":"detected","cpu":1,"stalled_ms":300,"threshold_ms":300,"state_captured":true,"pc":"0x10016a","sp":"0x00000000009e4fa8"}""")]
    [InlineData("""{"type":"Boot","seq":0}""")]
    [InlineData("""{"type":"mem","seq":"1"}""")]
    public void ARecordWithAWrongFieldIsRejected(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.NotNull(Validate(document.RootElement));
    }

    [Fact]
    public void UnknownTypesAndUnknownFieldsAreKept()
    {
        JsonElement boot = _kernel.Session.Report.Records.First(r => r.GetProperty("type").GetString() == "boot");
        JsonObject extended = JsonNode.Parse(boot.GetRawText())!.AsObject();
        extended["a_field_from_later"] = new JsonArray(1, "two");
        using JsonDocument withField = JsonDocument.Parse(extended.ToJsonString());
        using JsonDocument newType = JsonDocument.Parse("""{"type":"a_type_from_later","seq":7,"anything":{"at":"all"}}""");
        Assert.Null(Validate(withField.RootElement));
        Assert.Null(Validate(newType.RootElement));
    }

    /// <summary>Null when the record is valid; otherwise the errors the schema found, one per line (not the if-branches that did not apply).</summary>
    private static string? Validate(JsonElement record)
    {
        EvaluationResults results = s_schema.Evaluate(record, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }
        IEnumerable<string> errors = (results.Details ?? [])
            .Where(d => d.Errors is not null && !d.EvaluationPath.ToString().Contains("/if"))
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        return string.Join("\n", errors.DefaultIfEmpty("invalid"));
    }

    /// <summary>The types in docs/uart-contract.md's table of record types: its rows' first cells.</summary>
    private static IEnumerable<string> ContractTypes()
    {
        string contract = File.ReadAllText(RepoRoot.Resolve("docs/uart-contract.md"));
        string table = contract.Substring(contract.IndexOf("## The record types"));
        table = table.Substring(0, table.IndexOf("\n### "));
        return Regex.Matches(table, @"^\| `([a-z0-9_]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
    }

    /// <summary>The types the schema has a definition for (its top-level if/then by type).</summary>
    private static IEnumerable<string> SchemaTypes()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(RepoRoot.Resolve("schema/result.schema.json")));
        return schema.RootElement.GetProperty("allOf").EnumerateArray()
            .Select(c => c.GetProperty("if").GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!)
            .ToList();
    }

    /// <summary>Every BeginRecord("type"u8) in the kernel's sources.</summary>
    private static IEnumerable<string> KernelTypes() =>
        Directory.EnumerateFiles(RepoRoot.Resolve("kernel"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"BeginRecord\(""([a-z0-9_]+)""u8").Select(m => m.Groups[1].Value))
            .Distinct();
}
