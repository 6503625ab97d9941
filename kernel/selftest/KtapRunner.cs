// Runs self-test suites and prints KTAP version 1 (the kernel's test-result
// format): a top-level plan with one line per suite, each suite nested four
// spaces deep with its own plan and one "ok N name" / "not ok N name # reason"
// line per case. Each suite is wrapped in a managed-allocation check. A suite
// may allocate its scratch objects on its first run of a boot (lazy statics,
// as at start-up: reported as a diagnostic); on every later run it must leave
// the managed heap's allocation count where it was, or it fails naming the
// count, since the kernel never frees managed objects. Every case must also
// leave the free pages, the kernel heap's held bytes and its in-use bytes where
// it found them, or it fails naming the numbers before and after (as xv6's
// usertests count free pages around each test).
// After each suite a `selftest` record carries the same verdicts for the host.
using System;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Memory;
using KernelStress.Shell;

namespace KernelStress.Kernel.SelfTest
{
    internal static class KtapRunner
    {
        // Bit per SelfTestSuite: set once the suite has run in this boot.
        private static uint s_suitesRun;

        // Runs the given suites in order; returns true when every case passed.
        public static bool Run(ReadOnlySpan<SelfTestSuite> suites, TextSink output)
        {
            output.WriteLine("KTAP version 1"u8);
            output.Write("1.."u8);
            output.WriteDecimal((ulong)suites.Length);
            output.WriteLine();
            bool allPassed = true;
            for (int i = 0; i < suites.Length; i++)
                allPassed &= RunSuite(suites[i], i + 1, output);
            return allPassed;
        }

        private static bool RunSuite(SelfTestSuite suite, int number, TextSink output)
        {
            ReadOnlySpan<byte> name = SelfTestSuites.Name(suite);
            int cases = SelfTestSuites.CaseCount(suite);
            if (cases > 64)
                Panic.Halt("selftest"u8, "a suite has more than 64 cases; widen the verdict bit set"u8);
            output.WriteLine("    KTAP version 1"u8);
            output.Write("    # Subtest: "u8);
            output.WriteLine(name);
            output.Write("    1.."u8);
            output.WriteDecimal((ulong)cases);
            output.WriteLine();

            // Verdicts are kept as a bit set so the record can be written after
            // the human lines without running anything twice (cases <= 64).
            ulong failedCases = 0;
            ulong allocationsBefore = ManagedHeap.AllocationCount;
            for (int i = 0; i < cases; i++)
            {
                MemoryBalance before = MemoryBalance.Now();
                bool passed = SelfTestSuites.RunCase(suite, i, out ReadOnlySpan<byte> reason);
                MemoryBalance after = MemoryBalance.Now();
                bool balanced = before.Equals(after);
                if (passed && !balanced)
                {
                    passed = false;
                    reason = "left memory unbalanced:"u8;
                }
                output.Write(passed ? "    ok "u8 : "    not ok "u8);
                output.WriteDecimal((ulong)(i + 1));
                output.Write(" "u8);
                output.Write(SelfTestSuites.CaseName(suite, i));
                if (!passed)
                {
                    failedCases |= 1UL << i;
                    output.Write(" # "u8);
                    output.Write(reason);
                    if (!balanced)
                        MemoryBalance.WriteChange(output, before, after);
                }
                output.WriteLine();
            }
            ulong allocations = ManagedHeap.AllocationCount - allocationsBefore;
            uint suiteBit = 1u << (int)suite;
            bool firstRun = (s_suitesRun & suiteBit) == 0;
            s_suitesRun |= suiteBit;
            bool leaked = allocations != 0 && !firstRun;
            bool passedSuite = failedCases == 0 && !leaked;
            if (allocations != 0 && firstRun)
            {
                output.Write("    # first run: "u8);
                output.WriteDecimal(allocations);
                output.WriteLine(" managed objects allocated for the suite's scratch (once per boot)"u8);
            }

            output.Write(passedSuite ? "ok "u8 : "not ok "u8);
            output.WriteDecimal((ulong)number);
            output.Write(" "u8);
            output.Write(name);
            if (leaked)
            {
                output.Write(" # allocated "u8);
                output.WriteDecimal(allocations);
                output.Write(" managed objects on a repeat run"u8);
            }
            output.WriteLine();
            EmitRecord(suite, cases, failedCases, allocations, firstRun, passedSuite);
            return passedSuite;
        }

        private static void EmitRecord(SelfTestSuite suite, int cases, ulong failedCases, ulong allocations, bool firstRun, bool passed)
        {
            JsonWriter json = KernelConsole.BeginRecord("selftest"u8);
            json.WriteString("suite"u8, SelfTestSuites.Name(suite));
            json.WriteNumber("tests"u8, (ulong)cases);
            int failed = System.Numerics.BitOperations.PopCount(failedCases);
            json.WriteNumber("passed"u8, (ulong)(cases - failed));
            json.WriteNumber("failed"u8, (ulong)failed);
            json.WriteNumber("managed_allocations"u8, allocations);
            json.WriteBoolean("first_run"u8, firstRun);
            json.WriteString("verdict"u8, passed ? "PASS"u8 : "FAIL"u8);
            json.WriteStartArray("failures"u8);
            for (int i = 0; i < cases; i++)
            {
                if ((failedCases & (1UL << i)) != 0)
                    json.WriteStringValue(SelfTestSuites.CaseName(suite, i));
            }
            json.WriteEndArray();
            KernelConsole.EndRecord(ref json);
        }
    }
}
