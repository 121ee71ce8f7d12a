namespace MatchEngine.Models.Survival;

/// <summary>A survival CSV that cannot be used; the message names the 1-based data row and the column where known.</summary>
public sealed class SurvivalCsvException : Exception
{
    /// <summary>Creates the exception with a message fit to show a user.</summary>
    public SurvivalCsvException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message fit to show a user and its cause.</summary>
    public SurvivalCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public SurvivalCsvException()
    {
    }
}
