using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using KernelStress.Tool.History;

namespace KernelStress.Tool.Comparing;

/// <summary>
/// Sessions' figures in Bencher Metric Format, which benchmark dashboards take:
/// <c>{"RESULT": {"METRIC": {"value": median, "lower_value": min, "upper_value": max}}}</c>,
/// one benchmark per result (and phase), one measure per metric, over the sessions given.
/// </summary>
public static class BencherMetricFormat
{
    public static void Write(IReadOnlyList<SessionSample> sessions, Stream stream)
    {
        var figures = new Dictionary<string, Dictionary<string, List<double>>>();
        foreach (SessionSample session in sessions)
        {
            foreach (((string result, string metric), double value) in session.Values)
            {
                if (!figures.TryGetValue(result, out Dictionary<string, List<double>>? measures))
                {
                    figures[result] = measures = new Dictionary<string, List<double>>();
                }
                if (!measures.TryGetValue(metric, out List<double>? values))
                {
                    measures[metric] = values = new List<double>();
                }
                values.Add(value);
            }
        }
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        foreach ((string result, Dictionary<string, List<double>> measures) in figures)
        {
            json.WriteStartObject(result);
            foreach ((string metric, List<double> values) in measures)
            {
                json.WriteStartObject(metric);
                json.WriteNumber("value", Estimates.Median(values));
                json.WriteNumber("lower_value", values.Min());
                json.WriteNumber("upper_value", values.Max());
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
