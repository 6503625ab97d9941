// The learner's pure parts, on the host: QTable's update rule and replay,
// PressurePredictor's forecast, and AutonomyReward's arithmetic (churn never pays).
using Xunit;

namespace KernelStress.Metrics.Tests;

public class LearnerTests
{
    private static QTable Table() => new QTable(states: 4, actions: 3, rate: 0.2, discount: 0.8, initial: 40);

    [Fact]
    public void One_update_moves_the_value_a_fifth_of_the_way_to_reward_plus_discounted_best_next()
    {
        QTable table = Table();
        Assert.True(table.Learn(0, 1, 10, 2));
        // 40 + 0.2 * (10 + 0.8 * 40 - 40) = 40.4
        Assert.Equal(40.4, table.Value(0, 1), 12);
        Assert.Equal(40, table.Value(0, 0), 12);
        Assert.Equal(1, table.Best(0));
    }

    [Fact]
    public void The_next_state_contributes_its_best_value()
    {
        QTable table = Table();
        table.Learn(3, 2, 100, 3);            // Q(3,2) = 40 + 0.2 * (100 + 32 - 40) = 58.4
        Assert.Equal(58.4, table.Value(3, 2), 12);
        table.Learn(0, 0, 0, 3);              // Q(0,0) = 40 + 0.2 * (0 + 0.8 * 58.4 - 40) = 41.344
        Assert.Equal(41.344, table.Value(0, 0), 12);
    }

    [Fact]
    public void Repeated_constant_reward_converges_to_its_discounted_sum()
    {
        QTable table = new QTable(states: 1, actions: 1, rate: 0.2, discount: 0.8, initial: 0);
        for (int i = 0; i < 2000; i++)
        {
            table.Learn(0, 0, 5, 0);
        }
        Assert.Equal(25, table.Value(0, 0), 6);   // 5 / (1 - 0.8)
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(4e6)]
    [InlineData(-1e6)]
    public void A_reward_out_of_range_is_rejected_and_changes_nothing(double reward)
    {
        QTable table = Table();
        Assert.False(table.Learn(1, 1, reward, 1));
        Assert.Equal(40, table.Value(1, 1), 12);
        Assert.Equal(0, table.ReplayCount);
        Assert.True(table.IsSound());
    }

    [Fact]
    public void States_and_actions_out_of_range_are_rejected()
    {
        QTable table = Table();
        Assert.False(table.Learn(4, 0, 1, 0));
        Assert.False(table.Learn(0, 3, 1, 0));
        Assert.False(table.Learn(0, 0, 1, -1));
    }

    [Fact]
    public void Replay_applies_the_remembered_transitions_newest_first()
    {
        QTable table = Table();
        table.Learn(0, 0, 10, 1);
        table.Learn(1, 1, 20, 2);
        double before = table.Value(1, 1);
        Assert.Equal(1, table.Replay(1));
        // Only the newest, (1, 1, 20, 2), replayed: before + 0.2 * (20 + 32 - before).
        Assert.Equal(before + 0.2 * (20 + 32 - before), table.Value(1, 1), 12);
        Assert.Equal(2, table.Replay(10));
    }

    [Fact]
    public void A_constant_pressure_forecasts_itself()
    {
        var predictor = new PressurePredictor();
        for (int i = 0; i < 50; i++)
        {
            predictor.Accept(60);
        }
        Assert.Equal(60, predictor.Forecast(5), 9);
        Assert.Equal(0, predictor.Trend, 9);
    }

    [Fact]
    public void A_steady_climb_is_extrapolated_at_its_slope()
    {
        var predictor = new PressurePredictor();
        for (int i = 0; i <= 60; i++)
        {
            predictor.Accept(i);
        }
        // The level EWMA lags a ramp of slope 1 by (1 - w) / w = 1 tick; the trend converges to the slope.
        Assert.Equal(1, predictor.Trend, 6);
        Assert.Equal(59, predictor.Level, 6);
        Assert.Equal(61, predictor.Forecast(2), 6);
    }

    [Fact]
    public void The_early_forecast_sees_a_climb_at_its_first_step()
    {
        var predictor = new PressurePredictor();
        for (int i = 0; i < 50; i++)
        {
            predictor.Accept(80);
        }
        predictor.Accept(82);
        // The averages have barely moved (level 81, trend 0.3); the latest step of 2 extrapolates to 90.
        Assert.Equal(81 + 0.3 * 4, predictor.Forecast(4), 9);
        Assert.Equal(90, predictor.EarlyForecast(4), 9);
        predictor.Accept(76);
        // Falling: the smoothed forecast is the higher one.
        Assert.Equal(predictor.Forecast(4), predictor.EarlyForecast(4), 9);
    }

    [Fact]
    public void An_impossible_sample_is_rejected_and_forecasts_are_clamped()
    {
        var predictor = new PressurePredictor();
        predictor.Accept(50);
        double before = predictor.Forecast(1);
        Assert.False(predictor.Accept(101));
        Assert.False(predictor.Accept(-1));
        Assert.False(predictor.Accept(double.NaN));
        Assert.Equal(before, predictor.Forecast(1));
        for (int i = 0; i < 20; i++)
        {
            predictor.Accept(i % 2 == 0 ? 0 : 100);
        }
        for (int i = 0; i <= 100; i += 5)
        {
            predictor.Accept(i);
        }
        Assert.Equal(PressurePredictor.MaxForecastPct, predictor.Forecast(1000));
        predictor.Reset();
        for (int i = 100; i >= 0; i -= 10)
        {
            predictor.Accept(i);
        }
        Assert.Equal(0, predictor.Forecast(1000));
    }

    [Fact]
    public void Reward_is_work_minus_oom_penalty_minus_twice_the_bytes_given_up()
    {
        Assert.Equal(2, AutonomyReward.Of(65536, 0, 0), 12);
        Assert.Equal(-200, AutonomyReward.Of(0, 1, 0), 12);
        Assert.Equal(-4, AutonomyReward.Of(0, 0, 65536), 12);
        Assert.Equal(10 - 400 - 2, AutonomyReward.Of(10 * 32768, 2, 32768), 12);
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(65536)]
    [InlineData(8 << 20)]
    public void Releasing_bytes_and_allocating_them_again_never_pays(long bytes)
    {
        // The churn the old reward paid for: release 64 KiB (cost 1), re-allocate it (gain 2).
        Assert.True(AutonomyReward.Of(bytes, 0, bytes) < 0);
        Assert.True(AutonomyReward.Of(bytes, 0, bytes) < AutonomyReward.Of(0, 0, 0));
    }
}
