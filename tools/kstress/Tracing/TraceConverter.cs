using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace KernelStress.Tool.Tracing;

/// <summary>
/// Turns the kernel's <c>trace</c> records (docs/uart-contract.md) into a <see cref="ChromeTrace"/>:
/// the last dump of a session (its events records up to its end record), one track per CPU.
/// On each track the running thread is an X span from the switch to it until the next switch, and
/// each interrupt handler an X span inside it; events are taken in ring order with their time held
/// monotonic per CPU, and a switch closes the handler spans still open (a sacrificial thread's fault
/// switches away inside its exception handler, which never returns), so every span nests in the one
/// around it as Perfetto requires (<see cref="TraceNesting"/> checks the result). Faults, chaos
/// events, autonomy decisions, OOMs, long heap-lock holds and watchdog stalls are instants; heap
/// bytes, pressure and the reward of the learner's last action are counters.
/// </summary>
public sealed class TraceConverter
{
    private readonly bool _closeInterruptsAtSwitch;

    /// <param name="closeInterruptsAtSwitch">Test-only when false: leave handler spans open across a switch
    /// (the nesting check then finds the spans that cross a thread's end).</param>
    public TraceConverter(bool closeInterruptsAtSwitch = true)
    {
        _closeInterruptsAtSwitch = closeInterruptsAtSwitch;
    }

    /// <summary>The trace of the last dump in <paramref name="records"/>; null when they hold no end record.</summary>
    public ChromeTrace? Convert(IEnumerable<JsonElement> records)
    {
        List<JsonElement> trace = records.Where(r => r.TryGetProperty("type", out JsonElement t) && t.GetString() == "trace").ToList();
        int end = trace.FindLastIndex(r => Part(r) == "end");
        if (end < 0)
        {
            return null;
        }
        int start = trace.FindLastIndex(end - 1, end, r => Part(r) == "end") + 1;
        JsonElement summary = trace[end];
        string arch = summary.TryGetProperty("arch", out JsonElement a) ? a.GetString() ?? "x64" : "x64";
        var names = new Dictionary<long, string>();
        var byCpu = new SortedDictionary<int, List<JsonElement>>();
        for (int i = start; i < end; i++)
        {
            if (Part(trace[i]) == "threads")
            {
                foreach (JsonElement thread in trace[i].GetProperty("threads").EnumerateArray())
                {
                    names[thread[0].GetInt64()] = thread[1].GetString() ?? "";
                }
                continue;
            }
            int cpu = trace[i].GetProperty("cpu").GetInt32();
            if (!byCpu.TryGetValue(cpu, out List<JsonElement>? list))
            {
                byCpu[cpu] = list = new List<JsonElement>();
            }
            list.AddRange(trace[i].GetProperty("events").EnumerateArray());
        }

        var events = new List<TraceEvent>
        {
            Metadata("process_name", 0, "name", $"kernel ({arch})"),
        };
        var kinds = new SortedDictionary<string, long>();
        int cpus = summary.GetProperty("appended").GetArrayLength();
        for (int cpu = 0; cpu < cpus; cpu++)
        {
            events.Add(Metadata("thread_name", cpu, "name", $"CPU {cpu}"));
            events.Add(Metadata("thread_sort_index", cpu, "sort_index", (long)cpu));
        }
        foreach ((int cpu, List<JsonElement> list) in byCpu)
        {
            new CpuTrack(cpu, arch, names, events, kinds, _closeInterruptsAtSwitch).Add(list);
        }
        return new ChromeTrace
        {
            TraceEvents = events,
            OtherData = new TraceSummary
            {
                Arch = arch,
                RingCapacity = summary.GetProperty("capacity").GetInt32(),
                Appended = Longs(summary, "appended"),
                Dumped = Longs(summary, "dumped"),
                Lost = Longs(summary, "lost"),
                EventsByKind = kinds,
            },
        };
    }

    private static string? Part(JsonElement record) => record.TryGetProperty("part", out JsonElement p) ? p.GetString() : null;

    private static List<long> Longs(JsonElement record, string name) => record.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()).ToList();

    private static TraceEvent Metadata(string name, int tid, string key, object value) =>
        new() { Name = name, Ph = "M", Tid = tid, Args = new Dictionary<string, object> { [key] = value } };

    /// <summary>One CPU's events in ring order, as spans, instants and counters.</summary>
    private sealed class CpuTrack
    {
        private readonly int _cpu;
        private readonly string _arch;
        private readonly Dictionary<long, string> _names;
        private readonly List<TraceEvent> _out;
        private readonly SortedDictionary<string, long> _kinds;
        private readonly bool _closeInterruptsAtSwitch;
        private readonly Stack<(long Vector, long Start)> _handlers = new();
        private long _now = long.MinValue;
        private long _threadStart = -1;
        private long _threadId = -1;

        public CpuTrack(int cpu, string arch, Dictionary<long, string> names, List<TraceEvent> output, SortedDictionary<string, long> kinds, bool closeInterruptsAtSwitch)
        {
            _cpu = cpu;
            _arch = arch;
            _names = names;
            _out = output;
            _kinds = kinds;
            _closeInterruptsAtSwitch = closeInterruptsAtSwitch;
        }

        public void Add(List<JsonElement> events)
        {
            foreach (JsonElement e in events)
            {
                _now = Math.Max(_now, e[0].GetInt64());
                if (_threadStart < 0)
                {
                    _threadStart = _now;
                }
                string kind = e[1].GetString() ?? "";
                _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
                Add(kind, e);
            }
            CloseHandlers();
            CloseThread();
        }

        private void Add(string kind, JsonElement e)
        {
            switch (kind)
            {
                case "switch":
                    if (_closeInterruptsAtSwitch)
                    {
                        CloseHandlers();
                    }
                    _threadId = e[2].GetInt64();
                    CloseThread(e[4].GetString());
                    _threadId = e[3].GetInt64();
                    _threadStart = _now;
                    break;
                case "irq_enter":
                    _handlers.Push((e[2].GetInt64(), _now));
                    break;
                case "irq_exit":
                    if (_handlers.Count > 0 && _handlers.Peek().Vector == e[2].GetInt64())
                    {
                        (long vector, long start) = _handlers.Pop();
                        Span(InterruptNames.For(_arch, vector), "irq", start, new() { ["vector"] = vector });
                    }
                    break;
                case "fault":
                    Instant($"fault: thread {e[2].GetInt64()} killed", "fault", new()
                    {
                        ["thread_id"] = e[2].GetInt64(),
                        ["thread"] = _names.GetValueOrDefault(e[2].GetInt64(), "?"),
                        ["exception"] = InterruptNames.For(_arch, e[3].GetInt64()),
                    });
                    break;
                case "chaos":
                    Instant($"chaos {e[2].GetString()}", "chaos", new()
                    {
                        ["parameter"] = e[3].GetInt64(),
                        ["fault_injected"] = e[4].GetBoolean(),
                        ["recovered"] = e[5].GetBoolean(),
                        ["recovery_ns"] = e[6].GetInt64(),
                    });
                    break;
                case "intervention":
                    Instant($"autonomy {e[2].GetString()}", "autonomy", new()
                    {
                        ["succeeded"] = e[3].GetBoolean(),
                        ["latency_ns"] = e[4].GetInt64(),
                    });
                    break;
                case "decision":
                    Instant($"learner {e[2].GetString()}", "autonomy", new()
                    {
                        ["state"] = e[3].GetInt64(),
                        ["explored"] = e[4].GetBoolean(),
                        ["previous_reward"] = e[5].GetDouble(),
                    });
                    Counter("learner reward", "previous_action", e[5].GetDouble());
                    break;
                case "oom":
                    Instant("OOM", "oom", new() { ["pool_bytes"] = e[2].GetInt64(), ["pressure_pct"] = e[3].GetInt64() });
                    Counter("stress pressure %", "pct", e[3].GetInt64());
                    break;
                case "heaplock":
                    Instant("heap lock held long", "heaplock", new() { ["held_ns"] = e[2].GetInt64() });
                    break;
                case "stall":
                    _out.Add(new TraceEvent
                    {
                        Name = $"watchdog: CPU {e[2].GetInt64()} stalled", Cat = "stall", Ph = "i", S = "t", Ts = Micro(_now), Tid = (int)e[2].GetInt64(),
                        Args = new() { ["stalled_ns"] = e[3].GetInt64(), ["noticed_on_cpu"] = (long)_cpu },
                    });
                    break;
                case "heap":
                    Counter("kernel heap bytes", "in_use", e[2].GetInt64());
                    Counter("stress pressure %", "pct", e[3].GetInt64());
                    break;
            }
        }

        private void CloseHandlers()
        {
            while (_handlers.Count > 0)
            {
                (long vector, long start) = _handlers.Pop();
                Span(InterruptNames.For(_arch, vector), "irq", start, new() { ["vector"] = vector, ["left_by_switch"] = true });
            }
        }

        private void CloseThread(string? leftAs = null)
        {
            string name = _threadId < 0 ? "(running when tracing began)" : _names.GetValueOrDefault(_threadId, $"thread {_threadId}");
            var args = new Dictionary<string, object> { ["thread"] = name };
            if (_threadId >= 0)
            {
                args["thread_id"] = _threadId;
            }
            if (leftAs is not null)
            {
                args["left_as"] = leftAs;
            }
            Span(name, "thread", _threadStart, args);
        }

        private void Span(string name, string category, long start, Dictionary<string, object> args) =>
            _out.Add(new TraceEvent { Name = name, Cat = category, Ph = "X", Ts = Micro(start), Dur = Micro(_now - start), Tid = _cpu, Args = args });

        private void Instant(string name, string category, Dictionary<string, object> args) =>
            _out.Add(new TraceEvent { Name = name, Cat = category, Ph = "i", S = "t", Ts = Micro(_now), Tid = _cpu, Args = args });

        private void Counter(string name, string series, object value) =>
            _out.Add(new TraceEvent { Name = name, Ph = "C", Ts = Micro(_now), Tid = _cpu, Args = new() { [series] = value } });

        private static double Micro(long nanoseconds) => nanoseconds / 1000.0;
    }
}
