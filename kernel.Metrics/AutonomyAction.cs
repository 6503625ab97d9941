// The autonomous interventions the seed report (001) counts, in its order.
// The numeric value is the counter index in AutonomyMetrics and
// AutonomySnapshot (the two intervention totals follow, at 9 and 10).
namespace KernelStress.Metrics;

public enum AutonomyAction
{
    ProactiveCompaction = 0,
    OomPrevention = 1,
    PressurePrediction = 2,
    DeadlineAdjustment = 3,
    PriorityBoost = 4,
    Rebalance = 5,
    PolicyUpdate = 6,
    Exploration = 7,
    Exploitation = 8,
}
