// The learning run's evaluation against controls: after training, on
// --eval-seeds held-out seeds (EvaluationBase + j, never a training seed),
// one episode per seed for each of four policies, exploration and learning
// off: the learned table (greedy), the hand-written rules, uniform random
// actions, and no controller at all. The policies take turns in a rotating
// order so none always runs first on a seed. Per policy: mean reward, OOM
// events and ops. The learned policy beats a control when it earned more on
// more seeds and the sign test over the seeds (ties dropped) gives p < 0.05.
// PASS needs it to beat random and none; the reason also says where it
// stands against the rules.
using System;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Learning
{
    internal enum EvaluatedPolicy
    {
        Learned,
        Controller,
        Random,
        None,
    }

    internal static unsafe class LearningEvaluation
    {
        public const int MaxSeeds = 32;
        public const int Policies = 4;
        private const ulong EvaluationBase = 1UL << 21;
        private const double Significance = 0.05;

        private static readonly double[] s_reward = new double[Policies * MaxSeeds];
        private static readonly long[] s_ooms = new long[Policies * MaxSeeds];
        private static readonly long[] s_ops = new long[Policies * MaxSeeds];
        private static readonly double[] s_scratch = new double[MaxSeeds];

        // Seeds evaluated to the end (all four policies).
        public static int Seeds { get; private set; }

        public static ReadOnlySpan<byte> Name(EvaluatedPolicy policy) => policy switch
        {
            EvaluatedPolicy.Learned => "learned"u8,
            EvaluatedPolicy.Controller => "controller"u8,
            EvaluatedPolicy.Random => "random"u8,
            _ => "none"u8,
        };

        // False when the controller could not be started.
        public static bool Run(delegate*<bool> poll)
        {
            Seeds = 0;
            AutonomyController.Training = false;
            AutonomyController.Epsilon = 0;
            int seeds = (int)StressRun.Options.EvaluationSeeds;
            for (int j = 0; j < seeds && j < MaxSeeds; j++)
            {
                ulong seed = StressStreams.Derive(StressRun.Options.Seed, EvaluationBase + (ulong)j);
                for (int k = 0; k < Policies; k++)
                {
                    var policy = (EvaluatedPolicy)((j + k) % Policies);
                    bool started = LearningRun.Episode(ControlOf(policy), policy != EvaluatedPolicy.None, seed, poll, out EpisodeOutcome outcome);
                    AutonomyController.Stop();
                    if (!started)
                        return false;
                    if (outcome.Cancelled)
                        return true;
                    int slot = (int)policy * MaxSeeds + j;
                    s_reward[slot] = outcome.Reward;
                    s_ooms[slot] = outcome.OomEvents;
                    s_ops[slot] = outcome.Ops;
                }
                Seeds = j + 1;
            }
            return true;
        }

        private static ControlPolicy ControlOf(EvaluatedPolicy policy) => policy switch
        {
            EvaluatedPolicy.Learned => ControlPolicy.Learner,
            EvaluatedPolicy.Random => ControlPolicy.Random,
            _ => ControlPolicy.Rules,
        };

        public static double MeanReward(EvaluatedPolicy policy)
        {
            double sum = 0;
            for (int j = 0; j < Seeds; j++)
                sum += s_reward[(int)policy * MaxSeeds + j];
            return Seeds == 0 ? 0 : sum / Seeds;
        }

        public static long Total(long[] values, EvaluatedPolicy policy)
        {
            long sum = 0;
            for (int j = 0; j < Seeds; j++)
                sum += values[(int)policy * MaxSeeds + j];
            return sum;
        }

        public static long OomEvents(EvaluatedPolicy policy) => Total(s_ooms, policy);

        public static long Ops(EvaluatedPolicy policy) => Total(s_ops, policy);

        // The control's reward as "off", the learned one's as "on": on_higher is a win for the learner.
        public static PairedComparison LearnedAgainst(EvaluatedPolicy control) =>
            PairedComparison.Of(new ReadOnlySpan<double>(s_reward, (int)control * MaxSeeds, Seeds),
                new ReadOnlySpan<double>(s_reward, (int)EvaluatedPolicy.Learned * MaxSeeds, Seeds), s_scratch);

        public static bool Beats(in PairedComparison c) => c.Higher > c.Lower && c.PValue < Significance;

        // The verdict's part: PARTIAL unless the learned policy beats random and none.
        public static void Judge(TextSink reason)
        {
            reason.Write("evaluated on "u8);
            reason.WriteDecimal((ulong)Seeds);
            reason.Write(" held-out seed(s): learned mean reward "u8);
            reason.WriteFixed(MeanReward(EvaluatedPolicy.Learned), 1);
            bool beatsAll = Seeds > 0;
            for (int p = 1; p < Policies; p++)
            {
                var control = (EvaluatedPolicy)p;
                PairedComparison c = LearnedAgainst(control);
                bool beats = Beats(c);
                reason.Write(beats ? "; beats "u8 : "; does not beat "u8);
                reason.Write(Name(control));
                reason.Write(" ("u8);
                reason.WriteFixed(MeanReward(control), 1);
                reason.Write(", higher on "u8);
                reason.WriteDecimal((ulong)c.Higher);
                reason.Write(" lower on "u8);
                reason.WriteDecimal((ulong)c.Lower);
                reason.Write(", p="u8);
                reason.WriteFixed(c.PValue, 4);
                reason.Write(")"u8);
                if (control != EvaluatedPolicy.Controller)
                    beatsAll &= beats;
            }
            if (!beatsAll)
                StressRun.Judge(StressVerdict.Partial);
        }

        public static void Print(TextSink output)
        {
            output.Write("  Evaluation ("u8);
            output.WriteDecimal((ulong)Seeds);
            output.WriteLine(" held-out seeds, exploration off): policy mean_reward oom_events ops"u8);
            for (int p = 0; p < Policies; p++)
            {
                var policy = (EvaluatedPolicy)p;
                output.Write("    "u8);
                output.Write(Name(policy));
                output.Write(" "u8);
                output.WriteFixed(MeanReward(policy), 1);
                output.Write(" "u8);
                output.WriteDecimal(OomEvents(policy));
                output.Write(" "u8);
                output.WriteDecimal(Ops(policy));
                output.WriteLine();
            }
        }

        // "evaluation": {seeds, learned|controller|random|none: {mean_reward, oom_events, ops}, learned_vs: {control: sign test}}.
        public static void Write(ref JsonWriter json)
        {
            json.WriteStartObject("evaluation"u8);
            json.WriteNumber("seeds"u8, (ulong)Seeds);
            for (int p = 0; p < Policies; p++)
            {
                var policy = (EvaluatedPolicy)p;
                json.WriteStartObject(Name(policy));
                json.WriteFixed("mean_reward"u8, MeanReward(policy), 1);
                json.WriteNumber("oom_events"u8, OomEvents(policy));
                json.WriteNumber("ops"u8, Ops(policy));
                json.WriteEndObject();
            }
            json.WriteStartObject("learned_vs"u8);
            for (int p = 1; p < Policies; p++)
            {
                PairedComparison c = LearnedAgainst((EvaluatedPolicy)p);
                json.WriteStartObject(Name((EvaluatedPolicy)p));
                json.WriteNumber("learned_higher"u8, (ulong)c.Higher);
                json.WriteNumber("learned_lower"u8, (ulong)c.Lower);
                json.WriteNumber("ties"u8, (ulong)c.Ties);
                json.WriteFixed("p_value"u8, c.PValue, 6);
                json.WriteBoolean("beaten"u8, Beats(c));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }
}
