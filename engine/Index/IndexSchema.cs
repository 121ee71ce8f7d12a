using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>The index's field names and Lucene version, defined once.</summary>
public static class IndexSchema
{
    /// <summary>The Lucene version every analyzer and config uses.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Commit user-data key holding the store revision the index reflects.</summary>
    public const string RevisionKey = "store_revision";

    // Keyword fields
    public const string Key = "key";          // type:id, unique per document
    public const string Type = "type";        // candidate | vacancy
    public const string Id = "id";
    public const string Region = "region";
    public const string Consent = "consent";  // "1" | "0"
    public const string Shift = "shift";
    public const string Sector = "sector";
    public const string Isco = "isco";
    public const string EmployerId = "employer_id";

    // Analyzed text
    public const string Text = "text";
    public const string Title = "title";
    public const string Skills = "skills";

    // Numeric (range-searchable) and doc values (exact post-filters)
    public const string Lat = "lat";
    public const string Lon = "lon";
    public const string HoursMin = "hours_min";
    public const string HoursMax = "hours_max";
    public const string AvailableFrom = "available_from";  // epoch day
    public const string PostedAt = "posted_at";            // epoch day
    public const string ClosesAt = "closes_at";            // epoch day, int.MaxValue when open-ended
    public const string LatDv = "lat_dv";
    public const string LonDv = "lon_dv";
    public const string MaxDistanceDv = "max_distance_dv";

    public const string CandidateType = "candidate";
    public const string VacancyType = "vacancy";

    /// <summary>The unique key term of a document.</summary>
    public static string KeyOf(string type, string id) => type + ":" + id;
}
