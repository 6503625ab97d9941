// The controller's pressure forecast: an exponentially weighted moving average
// of the sampled pressure plus an EWMA of its change per tick (the trend),
// extrapolated a few ticks ahead. Samples outside 0..100 % cannot come from
// MemoryBudget and are rejected, so a bad sample never moves the
// forecast; a forecast is clamped to 0..MaxForecastPct. SampleGuard is a
// test-only switch (stresstest chaos --sabotage prediction_storm) that lets
// such samples through.
namespace KernelStress.Kernel.Stress.Autonomy
{
    internal sealed class PressurePredictor
    {
        public const double MaxForecastPct = 150;
        private const double LevelWeight = 0.5;
        private const double TrendWeight = 0.3;

        private double _level;
        private double _trend;
        private bool _primed;

        public static bool SampleGuard = true;

        public double Level => _level;

        public double Trend => _trend;

        public void Reset()
        {
            _level = 0;
            _trend = 0;
            _primed = false;
        }

        public bool Accept(double pressurePct)
        {
            if (SampleGuard && !(pressurePct >= 0 && pressurePct <= 100))
                return false;
            if (!_primed)
            {
                _level = pressurePct;
                _primed = true;
                return true;
            }
            double previous = _level;
            _level += LevelWeight * (pressurePct - _level);
            _trend += TrendWeight * ((_level - previous) - _trend);
            return true;
        }

        public double Forecast(int ticksAhead)
        {
            double forecast = _level + _trend * ticksAhead;
            if (forecast < 0)
                return 0;
            return forecast > MaxForecastPct ? MaxForecastPct : forecast;
        }
    }
}
