// Tabular Q-learning, the arithmetic only: a value per (state, action), the
// update Q(s,a) += rate * (reward + discount * max_a' Q(next,a') - Q(s,a)),
// greedy choice (the lowest action wins a tie) and the last ReplayCapacity
// transitions kept for replay. A transition whose reward is not finite or
// beyond RewardLimit, or whose state or action is out of range, is rejected,
// so the table stays finite. Not thread-safe: the kernel's QLearner holds a
// lock around it. Compiled into the kernel and the host (host tests check
// the update rule).
namespace KernelStress.Metrics;

public sealed class QTable
{
    public const double RewardLimit = 1e6;
    public const int ReplayCapacity = 64;

    private readonly int _states;
    private readonly int _actions;
    private readonly double _rate;
    private readonly double _discount;
    private readonly double _initial;
    private readonly double[] _q;
    private readonly int[] _replayState = new int[ReplayCapacity];
    private readonly int[] _replayAction = new int[ReplayCapacity];
    private readonly double[] _replayReward = new double[ReplayCapacity];
    private readonly int[] _replayNext = new int[ReplayCapacity];
    private int _replayCount;
    private int _replayNextSlot;

    public QTable(int states, int actions, double rate, double discount, double initial)
    {
        _states = states;
        _actions = actions;
        _rate = rate;
        _discount = discount;
        _initial = initial;
        _q = new double[states * actions];
        Reset();
    }

    public int ReplayCount => _replayCount;

    /// <summary>Rejects out-of-range rewards; false only as a test's negative control (chaos --sabotage hot_retrain).</summary>
    public bool RewardGuard = true;

    public double Value(int state, int action) => _q[state * _actions + action];

    public void Reset()
    {
        for (int i = 0; i < _q.Length; i++)
        {
            _q[i] = _initial;
        }
        _replayCount = 0;
        _replayNextSlot = 0;
    }

    public int Best(int state)
    {
        int best = 0;
        for (int a = 1; a < _actions; a++)
        {
            if (_q[state * _actions + a] > _q[state * _actions + best])
            {
                best = a;
            }
        }
        return best;
    }

    /// <summary>One update, remembered for replay; false (nothing changed) when the transition is rejected.</summary>
    public bool Learn(int state, int action, double reward, int next)
    {
        if (!Apply(state, action, reward, next))
        {
            return false;
        }
        _replayState[_replayNextSlot] = state;
        _replayAction[_replayNextSlot] = action;
        _replayReward[_replayNextSlot] = reward;
        _replayNext[_replayNextSlot] = next;
        _replayNextSlot = (_replayNextSlot + 1) % ReplayCapacity;
        if (_replayCount < ReplayCapacity)
        {
            _replayCount++;
        }
        return true;
    }

    /// <summary>Replays up to <paramref name="samples"/> remembered transitions, newest first; returns how many were applied.</summary>
    public int Replay(int samples)
    {
        int applied = 0;
        for (int i = 0; i < samples && i < _replayCount; i++)
        {
            int slot = (_replayNextSlot - 1 - i + ReplayCapacity) % ReplayCapacity;
            if (Apply(_replayState[slot], _replayAction[slot], _replayReward[slot], _replayNext[slot]))
            {
                applied++;
            }
        }
        return applied;
    }

    /// <summary>Every value finite and within what bounded rewards can produce.</summary>
    public bool IsSound()
    {
        double bound = RewardLimit / (1 - _discount) + 1;
        for (int i = 0; i < _q.Length; i++)
        {
            if (!(_q[i] > -bound && _q[i] < bound))
            {
                return false;
            }
        }
        return true;
    }

    private bool Apply(int state, int action, double reward, int next)
    {
        if ((RewardGuard && !(reward > -RewardLimit && reward < RewardLimit)) || (uint)state >= (uint)_states || (uint)next >= (uint)_states || (uint)action >= (uint)_actions)
        {
            return false;
        }
        double bestNext = _q[next * _actions + Best(next)];
        ref double q = ref _q[state * _actions + action];
        q += _rate * (reward + _discount * bestNext - q);
        return true;
    }
}
