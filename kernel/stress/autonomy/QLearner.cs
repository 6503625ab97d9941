// Tabular Q-learning over the controller's memory actions. State: the
// pressure band (5), the trend (falling, flat, rising) and whether allocators
// are throttled; actions: MemoryAction. Rewards come from what the workload
// measurably did in the tick after the action (see AutonomyController.Reward).
// Epsilon-greedy choice with the run's PRNG, so a seed replays its choices.
// A transition whose reward is not finite or beyond RewardLimit is rejected,
// so the table stays finite and a rejected transition changes nothing: what
// a hot retrain checks. RewardGuard is a test-only switch (stresstest chaos
// --sabotage hot_retrain) that lets such rewards through.
// The last ReplayCapacity transitions are kept for hot retraining.
// The controller learns while a chaos event may retrain: updates and replays
// hold the learner's spinlock.
using KernelStress.Kernel.Sync;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Autonomy
{
    internal enum MemoryAction
    {
        None,
        ReleaseCache,
        Throttle,
        Unthrottle,
    }

    internal static class QLearner
    {
        public const int Actions = 4;
        public const int States = 5 * 3 * 2;
        public const double RewardLimit = 1e6;
        public const int ReplayCapacity = 64;
        private const double LearningRate = 0.2;
        private const double Discount = 0.8;
        // Optimistic start: above any value measured rewards reach (about 5 a tick,
        // so 25 discounted), so greedy choice tries every action in a state before settling.
        private const double InitialValue = 40;

        private static readonly double[] s_q = new double[States * Actions];
        private static readonly int[] s_replayState = new int[ReplayCapacity];
        private static readonly int[] s_replayAction = new int[ReplayCapacity];
        private static readonly double[] s_replayReward = new double[ReplayCapacity];
        private static readonly int[] s_replayNext = new int[ReplayCapacity];
        private static int s_replayCount;
        private static int s_replayNextSlot;
        private static SpinLock s_lock;

        public static void Reset()
        {
            for (int i = 0; i < s_q.Length; i++)
                s_q[i] = InitialValue;
            s_replayCount = 0;
            s_replayNextSlot = 0;
        }

        public static int State(double pressurePct, double trend, bool throttled)
        {
            int band = pressurePct < 50 ? 0 : pressurePct < 70 ? 1 : pressurePct < 85 ? 2 : pressurePct < 95 ? 3 : 4;
            int direction = trend < -0.5 ? 0 : trend > 0.5 ? 2 : 1;
            return (band * 3 + direction) * 2 + (throttled ? 1 : 0);
        }

        // Epsilon-greedy; `explored` tells which way the choice went.
        public static MemoryAction Choose(int state, double epsilon, ref Xorshift64Star random, out bool explored)
        {
            explored = random.Chance(epsilon);
            if (explored)
                return (MemoryAction)random.Range(0, Actions);
            return Best(state);
        }

        public static MemoryAction Best(int state)
        {
            int best = 0;
            for (int a = 1; a < Actions; a++)
            {
                if (s_q[state * Actions + a] > s_q[state * Actions + best])
                    best = a;
            }
            return (MemoryAction)best;
        }

        // One Q update, remembered for replay. False when the reward is rejected.
        public static bool Learn(int state, MemoryAction action, double reward, int next)
        {
            bool interrupts = s_lock.Acquire();
            bool applied = Apply(state, (int)action, reward, next);
            if (applied)
                Remember(state, action, reward, next);
            s_lock.Release(interrupts);
            return applied;
        }

        private static void Remember(int state, MemoryAction action, double reward, int next)
        {
            s_replayState[s_replayNextSlot] = state;
            s_replayAction[s_replayNextSlot] = (int)action;
            s_replayReward[s_replayNextSlot] = reward;
            s_replayNext[s_replayNextSlot] = next;
            s_replayNextSlot = (s_replayNextSlot + 1) % ReplayCapacity;
            if (s_replayCount < ReplayCapacity)
                s_replayCount++;
        }

        // Hot retrain: replays up to `samples` remembered transitions; returns how many were applied.
        public static int Replay(int samples)
        {
            bool interrupts = s_lock.Acquire();
            int applied = 0;
            for (int i = 0; i < samples && i < s_replayCount; i++)
            {
                int slot = (s_replayNextSlot - 1 - i + ReplayCapacity) % ReplayCapacity;
                if (Apply(s_replayState[slot], s_replayAction[slot], s_replayReward[slot], s_replayNext[slot]))
                    applied++;
            }
            s_lock.Release(interrupts);
            return applied;
        }

        // Every value finite and within what bounded rewards can produce.
        public static bool TableIsSound()
        {
            double bound = RewardLimit / (1 - Discount) + 1;
            for (int i = 0; i < s_q.Length; i++)
            {
                if (!(s_q[i] > -bound && s_q[i] < bound))
                    return false;
            }
            return true;
        }

        public static int ReplayCount => s_replayCount;

        public static bool RewardGuard = true;

        public static double Value(int state, MemoryAction action)
        {
            bool interrupts = s_lock.Acquire();
            double value = s_q[state * Actions + (int)action];
            s_lock.Release(interrupts);
            return value;
        }

        private static bool Apply(int state, int action, double reward, int next)
        {
            if ((RewardGuard && !(reward > -RewardLimit && reward < RewardLimit)) || (uint)state >= States || (uint)next >= States || (uint)action >= Actions)
                return false;
            double bestNext = s_q[next * Actions + (int)Best(next)];
            ref double q = ref s_q[state * Actions + action];
            q += LearningRate * (reward + Discount * bestNext - q);
            return true;
        }
    }
}
