namespace MatchEngine.Engine.Store;

/// <summary>How an employer is named to people: by its record's name, or by its id when the store holds no record of it.</summary>
public static class EmployerNames
{
    /// <summary>The name of employer <paramref name="employerId"/>, or the id itself when the store has no such employer.</summary>
    public static string EmployerName(this ICatalogStore store, string employerId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetEmployer(employerId)?.Name ?? employerId;
    }
}
