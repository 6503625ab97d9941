// The controller's pressure forecast: an exponentially weighted moving average
// of the sampled pressure plus an EWMA of its change per tick (the trend),
// extrapolated a few ticks ahead. Samples outside 0..100 % cannot come from
// MemoryBudget and are rejected, so a bad sample never moves the
// forecast; a forecast is clamped to 0..MaxForecastPct. The early forecast
// is the higher of that and the latest sample extrapolated at its latest
// change: it sees a climb at its first step, before the averages follow it,
// so an action taken on it lands while there is headroom. Pure arithmetic,
// compiled into the kernel and the host (host tests check the forecast).
namespace KernelStress.Metrics;

public sealed class PressurePredictor
{
    public const double MaxForecastPct = 150;
    private const double LevelWeight = 0.5;
    private const double TrendWeight = 0.3;

    private double _level;
    private double _trend;
    private double _latest;
    private double _latestChange;
    private bool _primed;

    // Rejects samples outside 0..100 %; false only as a test's negative control (chaos --sabotage prediction_storm).
    public static bool SampleGuard = true;

    public double Level => _level;

    public double Trend => _trend;

    public void Reset()
    {
        _level = 0;
        _trend = 0;
        _latest = 0;
        _latestChange = 0;
        _primed = false;
    }

    public bool Accept(double pressurePct)
    {
        if (SampleGuard && !(pressurePct >= 0 && pressurePct <= 100))
        {
            return false;
        }
        if (!_primed)
        {
            _level = pressurePct;
            _latest = pressurePct;
            _primed = true;
            return true;
        }
        _latestChange = pressurePct - _latest;
        _latest = pressurePct;
        double previous = _level;
        _level += LevelWeight * (pressurePct - _level);
        _trend += TrendWeight * ((_level - previous) - _trend);
        return true;
    }

    public double Forecast(int ticksAhead) => Clamp(_level + _trend * ticksAhead);

    public double EarlyForecast(int ticksAhead)
    {
        double smoothed = Forecast(ticksAhead);
        double latest = Clamp(_latest + _latestChange * ticksAhead);
        return latest > smoothed ? latest : smoothed;
    }

    private static double Clamp(double forecast)
    {
        if (forecast < 0)
        {
            return 0;
        }
        return forecast > MaxForecastPct ? MaxForecastPct : forecast;
    }
}
