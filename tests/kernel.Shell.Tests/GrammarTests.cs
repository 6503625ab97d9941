// The grammar on a test-only catalog: every flag kind, aliases, scoping to subcommands, nesting,
// positional kinds, and the exact error message of each way a line can be wrong.
using System;
using System.Globalization;
using System.Linq;
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class GrammarTests
{
    private const string SeedRange = "an integer from 0 to 18446744073709551615";
    private const string StressFlags = "--duration MS, --seed N, --noise PCT, --summary, --verbose";

    private readonly Parsing _parse = new(TestCatalog.Catalog);

    [Fact]
    public void The_test_catalog_is_valid()
    {
        var error = new ErrorMessage();
        Assert.True(TestCatalog.Catalog.Validate(error), Latin1.Text(error.Text));
    }

    [Fact]
    public void Unsigned_and_choice_flags_are_read_back()
    {
        ParsedCommand p = _parse.Ok("prng --seed 42 --count 5 --gen xorshift64star");
        Assert.Equal(TestCatalog.Prng, p.CommandId);
        Assert.True(p.TryGetUnsigned(TestCatalog.Seed, out ulong seed));
        Assert.Equal(42UL, seed);
        Assert.Equal(5UL, p.GetUnsigned(TestCatalog.Count, 1));
        Assert.Equal(1, p.GetChoice(TestCatalog.Gen, 0));
    }

    [Fact]
    public void Absent_flags_read_as_absent_with_the_fallback()
    {
        ParsedCommand p = _parse.Ok("prng");
        Assert.False(p.Has(TestCatalog.Seed));
        Assert.False(p.TryGetUnsigned(TestCatalog.Seed, out _));
        Assert.Equal(7UL, p.GetUnsigned(TestCatalog.Count, 7));
        Assert.Equal(-1, p.GetChoice(TestCatalog.Gen, -1));
        Assert.True(p.GetList(TestCatalog.Levels).IsEmpty);
        Assert.False(p.TryGetKeyValue(TestCatalog.Weights, "memory", out _));
    }

    [Fact]
    public void A_flag_of_another_command_reads_as_absent()
    {
        ParsedCommand p = _parse.Ok("stresstest chaos --fail-rate 20");
        Assert.False(p.Has(TestCatalog.Gen));
        Assert.False(p.Has(TestCatalog.TargetPressure));
    }

    [Fact]
    public void Values_may_follow_an_equals_sign()
    {
        ParsedCommand p = _parse.Ok("prng --seed=42 --gen=xorshift64");
        Assert.Equal(42UL, p.GetUnsigned(TestCatalog.Seed, 0));
        Assert.Equal(0, p.GetChoice(TestCatalog.Gen, -1));
    }

    [Theory]
    [InlineData("stresstest chaos --fail-rate 0", 0UL)]
    [InlineData("stresstest chaos --fail-rate 100", 100UL)]
    [InlineData("stresstest chaos --fail-rate 007", 7UL)]
    [InlineData("stresstest chaos --failure-rate 20", 20UL)]
    [InlineData("stresstest chaos --failure-rate=30", 30UL)]
    public void Range_bounds_are_inclusive_and_aliases_set_the_same_flag(string line, ulong expected) =>
        Assert.Equal(expected, _parse.Ok(line).GetUnsigned(TestCatalog.FailRate, 999));

    [Fact]
    public void The_full_ulong_range_is_accepted_for_the_seed() =>
        Assert.Equal(ulong.MaxValue, _parse.Ok("prng --seed 18446744073709551615").GetUnsigned(TestCatalog.Seed, 0));

    [Theory]
    [InlineData("stresstest chaos --fail-rate 150", "error: --fail-rate expects an integer from 0 to 100, got '150'")]
    [InlineData("stresstest chaos --fail-rate abc", "error: --fail-rate expects an integer from 0 to 100, got 'abc'")]
    [InlineData("stresstest chaos --fail-rate -1", "error: --fail-rate expects an integer from 0 to 100, got '-1'")]
    [InlineData("stresstest chaos --fail-rate 2.5", "error: --fail-rate expects an integer from 0 to 100, got '2.5'")]
    [InlineData("stresstest chaos --fail-rate=", "error: --fail-rate expects an integer from 0 to 100, got ''")]
    [InlineData("stresstest chaos --fail-rate \"\"", "error: --fail-rate expects an integer from 0 to 100, got ''")]
    [InlineData("stresstest chaos --fail-rate", "error: --fail-rate expects an integer from 0 to 100, got nothing")]
    [InlineData("stresstest chaos --fail-rate --expect-failures", "error: --fail-rate expects an integer from 0 to 100, got nothing")]
    [InlineData("stresstest chaos --failure-rate 101", "error: --failure-rate expects an integer from 0 to 100, got '101'")]
    [InlineData("stresstest chaos --duration 0", "error: --duration expects an integer from 1 to 3600000, got '0'")]
    [InlineData("stresstest chaos --duration 3600001", "error: --duration expects an integer from 1 to 3600000, got '3600001'")]
    [InlineData("prng --seed 18446744073709551616", "error: --seed expects " + SeedRange + ", got '18446744073709551616'")]
    [InlineData("prng --seed 99999999999999999999999", "error: --seed expects " + SeedRange + ", got '99999999999999999999999'")]
    [InlineData("prng --seed 0x10", "error: --seed expects " + SeedRange + ", got '0x10'")]
    [InlineData("prng --gen foo", "error: --gen expects one of xorshift64|xorshift64star, got 'foo'")]
    [InlineData("prng --gen XORSHIFT64", "error: --gen expects one of xorshift64|xorshift64star, got 'XORSHIFT64'")]
    [InlineData("prng --gen", "error: --gen expects one of xorshift64|xorshift64star, got nothing")]
    public void Bad_values_name_the_flag_the_accepted_form_and_what_was_given(string line, string message) =>
        Assert.Equal(message, _parse.Error(line));

    [Theory]
    [InlineData("prng --seed 1 --seed 2", "error: flag --seed given twice")]
    [InlineData("prng --seed=1 --count 3 --seed 1", "error: flag --seed given twice")]
    [InlineData("stresstest chaos --fail-rate 1 --failure-rate 2", "error: flag --fail-rate given twice (--failure-rate is an alias of it)")]
    [InlineData("stresstest chaos --expect-failures --expect-failures", "error: flag --expect-failures given twice")]
    public void A_flag_given_twice_is_an_error(string line, string message) =>
        Assert.Equal(message, _parse.Error(line));

    [Theory]
    [InlineData("prng --bogus", "error: unknown flag '--bogus' for 'prng'; accepted: --seed N, --count K, --gen xorshift64|xorshift64star")]
    [InlineData("sleep 5 --bogus", "error: unknown flag '--bogus' for 'sleep'; accepted: (none)")]
    [InlineData("stresstest memory --fail-rate 5",
        "error: unknown flag '--fail-rate' for 'stresstest memory'; accepted: " + StressFlags + ", --target-pressure PCT, --oom-probability PCT")]
    [InlineData("stresstest ramp --x",
        "error: unknown flag '--x' for 'stresstest ramp'; accepted: " + StressFlags + ", --levels PCT,..., --level-duration MS")]
    [InlineData("stresstest scale --x",
        "error: unknown flag '--x' for 'stresstest scale'; accepted: " + StressFlags + ", --threads N,..., --components COMPONENT,...")]
    [InlineData("stresstest mix --x",
        "error: unknown flag '--x' for 'stresstest mix'; accepted: " + StressFlags + ", --ops N, --weights KEY:PCT,...")]
    [InlineData("stresstest compare chaos --json",
        "error: unknown flag '--json' for 'stresstest compare chaos'; accepted: " + StressFlags + ", --fail-rate PCT, --expect-failures")]
    [InlineData("prng --", "error: unknown flag '--' for 'prng'; accepted: --seed N, --count K, --gen xorshift64|xorshift64star")]
    public void Unknown_flags_list_every_flag_the_command_accepts(string line, string message) =>
        Assert.Equal(message, _parse.Error(line));

    [Fact]
    public void Switches_are_present_or_absent_and_take_no_value()
    {
        ParsedCommand p = _parse.Ok("stresstest chaos --expect-failures --summary");
        Assert.True(p.Has(TestCatalog.ExpectFailures));
        Assert.True(p.Has(TestCatalog.Summary));
        Assert.False(p.Has(TestCatalog.Verbose));
        Assert.Equal("error: --summary is a switch and takes no value, got '--summary=1'", _parse.Error("stresstest chaos --summary=1"));
    }

    [Fact]
    public void Flags_of_the_parent_apply_to_every_subcommand_and_nesting_level()
    {
        ParsedCommand p = _parse.Ok("stresstest compare memory --target-pressure 90 --duration 20000 --seed 7");
        Assert.Equal(TestCatalog.CompareMemory, p.CommandId);
        Assert.Equal("memory", p.Command!.Name);
        Assert.Same(p.Command.Parent!.Parent, TestCatalog.Catalog.Find("stresstest"u8));
        Assert.Equal(90UL, p.GetUnsigned(TestCatalog.TargetPressure, 0));
        Assert.Equal(20000UL, p.GetUnsigned(TestCatalog.Duration, 0));
        Assert.Equal(7UL, p.GetUnsigned(TestCatalog.Seed, 0));
    }

    [Theory]
    [InlineData("autonomy on", TestCatalog.AutonomyOn)]
    [InlineData("autonomy off", TestCatalog.AutonomyOff)]
    [InlineData("autonomy status", TestCatalog.AutonomyStatus)]
    [InlineData("metrics", TestCatalog.Metrics)]
    [InlineData("metrics reset", TestCatalog.MetricsReset)]
    [InlineData("stresstest memory", TestCatalog.StressMemory)]
    [InlineData("stresstest report --json", TestCatalog.StressReport)]
    [InlineData("stresstest compare chaos --fail-rate 5", TestCatalog.CompareChaos)]
    public void Subcommands_have_their_own_ids(string line, int id) =>
        Assert.Equal(id, _parse.Ok(line).CommandId);

    [Theory]
    [InlineData("autonomy", "error: missing argument for 'autonomy': expected on|off|status")]
    [InlineData("autonomy --seed 1", "error: missing argument for 'autonomy': expected on|off|status")]
    [InlineData("autonomy maybe", "error: unknown argument 'maybe' for 'autonomy': expected on|off|status")]
    [InlineData("autonomy on now", "error: unexpected argument 'now' for 'autonomy on'")]
    [InlineData("metrics zero", "error: unknown argument 'zero' for 'metrics': expected reset")]
    [InlineData("stresstest", "error: missing argument for 'stresstest': expected memory|chaos|ramp|scale|mix|report|compare")]
    [InlineData("stresstest --seed 5 chaos", "error: missing argument for 'stresstest': expected memory|chaos|ramp|scale|mix|report|compare")]
    [InlineData("stresstest compare", "error: missing argument for 'stresstest compare': expected memory|chaos")]
    [InlineData("stresstest compare ramp", "error: unknown argument 'ramp' for 'stresstest compare': expected memory|chaos")]
    public void Missing_and_unknown_subcommands_list_the_choices(string line, string message) =>
        Assert.Equal(message, _parse.Error(line));

    [Fact]
    public void Unsigned_lists_keep_their_order()
    {
        Assert.Equal(new ulong[] { 5, 10, 25, 50 }, _parse.Ok("stresstest ramp --levels 5,10,25,50").GetList(TestCatalog.Levels).ToArray());
        Assert.Equal(new ulong[] { 100 }, _parse.Ok("stresstest ramp --levels=100").GetList(TestCatalog.Levels).ToArray());
        Assert.Equal(new ulong[] { 1, 2, 4, 8, 16 }, _parse.Ok("stresstest scale --threads 1,2,4,8,16").GetList(TestCatalog.Threads).ToArray());
    }

    private const string LevelsForm = "error: --levels expects a comma-separated list of up to 8 integers from 1 to 100, got ";

    [Theory]
    [InlineData("--levels 5,,10", LevelsForm + "'5,,10': element 2 is empty")]
    [InlineData("--levels 5,", LevelsForm + "'5,': element 2 is empty")]
    [InlineData("--levels=", LevelsForm + "'': element 1 is empty")]
    [InlineData("--levels 5,200", LevelsForm + "'5,200': '200' is out of range")]
    [InlineData("--levels 0", LevelsForm + "'0': '0' is out of range")]
    [InlineData("--levels 5,99999999999999999999", LevelsForm + "'5,99999999999999999999': '99999999999999999999' is out of range")]
    [InlineData("--levels 5,x", LevelsForm + "'5,x': 'x' is not a number")]
    [InlineData("--levels 5;10", LevelsForm + "'5;10': '5;10' is not a number")]
    [InlineData("--levels 1,2,3,4,5,6,7,8,9", LevelsForm + "'1,2,3,4,5,6,7,8,9': more than 8 elements")]
    [InlineData("--levels", "error: --levels expects a comma-separated list of up to 8 integers from 1 to 100, got nothing")]
    public void Bad_unsigned_lists_name_the_bad_element(string flags, string message) =>
        Assert.Equal(message, _parse.Error("stresstest ramp " + flags));

    [Fact]
    public void Choice_lists_give_the_indices_of_the_words()
    {
        ParsedCommand p = _parse.Ok("stresstest scale --components shell,alloc,prng");
        Assert.Equal(new ulong[] { 4, 0, 2 }, p.GetList(TestCatalog.Components).ToArray());
    }

    private const string ComponentsForm =
        "error: --components expects a comma-separated list of alloc|hist|prng|sched|shell (each at most once), got ";

    [Theory]
    [InlineData("alloc,foo", ComponentsForm + "'alloc,foo': unknown value 'foo'")]
    [InlineData("alloc,alloc", ComponentsForm + "'alloc,alloc': 'alloc' given twice")]
    [InlineData("alloc,,hist", ComponentsForm + "'alloc,,hist': element 2 is empty")]
    [InlineData("alloc,hist,prng,sched,shell,alloc", ComponentsForm + "'alloc,hist,prng,sched,shell,alloc': more than 5 elements")]
    public void Bad_choice_lists_name_the_bad_word(string value, string message) =>
        Assert.Equal(message, _parse.Error("stresstest scale --components " + value));

    [Fact]
    public void Key_value_lists_are_read_by_key()
    {
        ParsedCommand p = _parse.Ok("stresstest mix --ops 1000 --weights memory:40,commands:40,noise:20");
        Assert.True(p.TryGetKeyValue(TestCatalog.Weights, "memory", out ulong memory));
        Assert.True(p.TryGetKeyValue(TestCatalog.Weights, "noise", out ulong noise));
        Assert.Equal((40UL, 20UL), (memory, noise));
        Assert.Equal(new ulong[] { 40, 40, 20 }, p.GetList(TestCatalog.Weights).ToArray());

        p = _parse.Ok("stresstest mix --weights noise:0");
        Assert.False(p.TryGetKeyValue(TestCatalog.Weights, "memory", out _));
        Assert.False(p.TryGetKeyValue(TestCatalog.Weights, "bogus", out _));
        Assert.True(p.TryGetKeyValue(TestCatalog.Weights, "noise", out noise));
        Assert.Equal(0UL, noise);
    }

    private const string WeightsForm = "error: --weights expects a comma-separated list of KEY:N with KEY one of "
        + "memory|commands|noise (each at most once) and N from 0 to 100, got ";

    [Theory]
    [InlineData("memory40", WeightsForm + "'memory40': 'memory40' is not KEY:N")]
    [InlineData("cpu:1", WeightsForm + "'cpu:1': unknown key 'cpu'")]
    [InlineData("memory:1,memory:2", WeightsForm + "'memory:1,memory:2': 'memory' given twice")]
    [InlineData("memory:101", WeightsForm + "'memory:101': '101' is out of range")]
    [InlineData("memory:", WeightsForm + "'memory:': '' is not a number")]
    [InlineData("memory:4:0", WeightsForm + "'memory:4:0': '4:0' is not a number")]
    [InlineData(":5", WeightsForm + "':5': unknown key ''")]
    public void Bad_key_value_lists_name_the_bad_pair(string value, string message) =>
        Assert.Equal(message, _parse.Error("stresstest mix --weights " + value));

    [Fact]
    public void Unsigned_positionals_are_range_checked()
    {
        Assert.Equal(250UL, _parse.Ok("sleep 250").ArgumentNumber(0));
        Assert.Equal("error: missing argument for 'sleep': expected MS, an integer from 1 to 3600000", _parse.Error("sleep"));
        Assert.Equal("error: argument MS of 'sleep' expects an integer from 1 to 3600000, got 'abc'", _parse.Error("sleep abc"));
        Assert.Equal("error: argument MS of 'sleep' expects an integer from 1 to 3600000, got '0'", _parse.Error("sleep 0"));
        Assert.Equal("error: unexpected argument '2' for 'sleep'", _parse.Error("sleep 1 2"));
    }

    [Fact]
    public void Text_positionals_collect_every_word_around_the_flags()
    {
        ParsedCommand p = _parse.Ok("say a --loud \"b c\" d");
        Assert.Equal(new[] { "a", "b c", "d" }, _parse.Arguments());
        Assert.True(p.Has(TestCatalog.Loud));
        Assert.Equal("error: missing argument for 'say': expected TEXT, one or more words", _parse.Error("say --loud"));
    }

    [Fact]
    public void Tokens_keep_the_whole_line_for_records()
    {
        ParsedCommand p = _parse.Ok("stresstest chaos --fail-rate=20 \"--expect-failures\"");
        Assert.Equal(4, p.Tokens.Count);
        Assert.Equal("--fail-rate=20", Latin1.Text(p.Tokens[2]));
        Assert.True(p.Has(TestCatalog.ExpectFailures));
    }

    [Fact]
    public void Any_in_range_value_of_every_kind_round_trips()
    {
        var gen = Gen.Select(Gen.UInt[0, 100], Gen.ULong, Gen.UInt[1, 100].Array[1, 8], Gen.Int[0, 4].Array[1, 5], Gen.UInt[0, 100].Array[3]);
        gen.Sample((rate, seed, levels, componentPicks, weights) =>
        {
            var parse = new Parsing(TestCatalog.Catalog); // CsCheck samples on several threads
            int[] components = componentPicks.Distinct().ToArray();
            string line = string.Create(CultureInfo.InvariantCulture,
                $"stresstest chaos --failure-rate {rate} --seed {seed} --expect-failures");
            ParsedCommand p = parse.Ok(line);
            bool chaos = p.GetUnsigned(TestCatalog.FailRate, 999) == rate && p.GetUnsigned(TestCatalog.Seed, 0) == seed
                && p.Has(TestCatalog.ExpectFailures);

            p = parse.Ok("stresstest ramp --levels " + string.Join(',', levels));
            bool ramp = p.GetList(TestCatalog.Levels).ToArray().SequenceEqual(levels.Select(l => (ulong)l));

            string[] names = { "alloc", "hist", "prng", "sched", "shell" };
            p = parse.Ok("stresstest scale --components " + string.Join(',', components.Select(c => names[c])));
            bool scale = p.GetList(TestCatalog.Components).ToArray().SequenceEqual(components.Select(c => (ulong)c));

            p = parse.Ok($"stresstest mix --weights noise:{weights[0]},memory:{weights[1]},commands:{weights[2]}");
            bool mix = p.TryGetKeyValue(TestCatalog.Weights, "noise", out ulong n) && n == weights[0]
                && p.TryGetKeyValue(TestCatalog.Weights, "memory", out ulong m) && m == weights[1]
                && p.TryGetKeyValue(TestCatalog.Weights, "commands", out ulong c) && c == weights[2];
            return chaos && ramp && scale && mix;
        });
    }

    [Fact]
    public void Any_line_parses_to_a_command_nothing_or_one_single_line_error()
    {
        var words = Gen.OneOfConst("stresstest", "chaos", "compare", "memory", "mix", "--weights", "memory:5,noise:7",
            "--fail-rate", "--failure-rate=5", "20", "\"a b\"", "\"", "--levels", "1,2", "--seed", "x", "=", "--", "autonomy",
            "on", "sleep", "say", "prng", "--gen", "xorshift64", "", "  ");
        words.Array[0, 40].Sample(parts =>
        {
            string line = string.Join(' ', parts);
            var result = new ParsedCommand(); // CsCheck samples on several threads
            ParseStatus status = CommandParser.Parse(TestCatalog.Catalog, Latin1.Bytes(line), result);
            string error = Latin1.Text(result.Error);
            return status switch
            {
                ParseStatus.Command => error.Length == 0 && result.Command != null,
                ParseStatus.Empty => error.Length == 0 && line.Trim().Length == 0,
                _ => error.StartsWith("error: ", StringComparison.Ordinal) && !error.Contains('\r') && !error.Contains('\n')
                     && error.Length <= ShellLimits.MaxErrorLength && result.Command == null,
            };
        });
    }

    [Fact]
    public void The_longest_possible_error_is_not_cut()
    {
        string flag = "--" + new string('x', ShellLimits.MaxLineLength - "stresstest compare chaos ".Length - 2);
        string error = _parse.Error("stresstest compare chaos " + flag);
        Assert.EndsWith("--fail-rate PCT, --expect-failures", error);
    }

    [Fact]
    public void Parsing_allocates_nothing()
    {
        string[] lines =
        {
            "stresstest compare memory --target-pressure 90 --duration 20000 --seed 7",
            "stresstest mix --ops 1000 --weights memory:40,commands:40,noise:20",
            "stresstest ramp --levels 5,10,25,50", "stresstest scale --components shell,alloc",
            "say a --loud \"b c\" d", "sleep 100", "prng --bogus", "stresstest chaos --fail-rate 150",
            "frob", "autonomy", "stresstest mix --weights cpu:1", "echo \"", "",
        };
        byte[][] bytes = lines.Select(Latin1.Bytes).ToArray();
        var result = new ParsedCommand();
        foreach (byte[] line in bytes)
        {
            CommandParser.Parse(TestCatalog.Catalog, line, result);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            foreach (byte[] line in bytes)
            {
                CommandParser.Parse(TestCatalog.Catalog, line, result);
                result.GetList(TestCatalog.Levels);
                result.TryGetKeyValue(TestCatalog.Weights, "noise", out _);
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
