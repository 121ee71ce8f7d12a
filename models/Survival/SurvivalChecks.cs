namespace MatchEngine.Models.Survival;

/// <summary>Argument checks shared by the estimators.</summary>
internal static class SurvivalChecks
{
    public static void TimesAndEvents(IReadOnlyList<double> time, IReadOnlyList<bool> @event)
    {
        if (time.Count != @event.Count)
        {
            throw new ArgumentException($"{time.Count} times but {@event.Count} event indicators", nameof(@event));
        }
        if (time.Count == 0)
        {
            throw new ArgumentException("no observations", nameof(time));
        }
        for (var i = 0; i < time.Count; i++)
        {
            if (!double.IsFinite(time[i]) || time[i] < 0)
            {
                throw new ArgumentException($"time[{i}] = {time[i]} is not a finite non-negative number", nameof(time));
            }
        }
    }

    public static void SameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{name} has {actual} values, expected {expected}", name);
        }
    }
}
