namespace MatchEngine.Tests.Survival;

internal static class Close
{
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2} > {tolerance:E0})");
    }

    public static void Absolute(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (error {error:E2} > {tolerance:E0})");
    }
}
