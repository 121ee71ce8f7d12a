using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>The index's field names and Lucene version, defined once.</summary>
public static class IndexSchema
{
    /// <summary>The Lucene version every analyzer and config uses.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Commit user-data key holding the store revision the index reflects.</summary>
    public const string RevisionKey = "store_revision";

    /// <summary>Commit user-data key holding <see cref="SchemaVersion"/>.</summary>
    public const string SchemaKey = "schema_version";

    /// <summary>
    /// Raised whenever documents change shape; an index written with another version is recreated and
    /// rebuilt from the store on open. 2: numeric filters moved from range fields to doc values. 3: text
    /// fields per document type.
    /// </summary>
    public const string SchemaVersion = "3";

    // Keyword fields (filters: cached per segment as bit sets)
    public const string Key = "key";          // type:id, unique per document
    public const string Type = "type";        // candidate | vacancy
    public const string Id = "id";
    public const string Region = "region";    // KeywordTerm of the region
    public const string Consent = "consent";  // "1" | "0"
    public const string Shift = "shift";
    public const string Sector = "sector";    // KeywordTerm of the sector's Labels.Key
    public const string Isco = "isco";
    public const string EmployerId = "employer_id";

    // Analyzed text, in fields of their own per document type: a candidate search reads only candidates'
    // postings and a vacancy search only vacancies', and each type's term statistics are its own.
    public const string CandidateText = "candidate_text";
    public const string CandidateSkills = "candidate_skills";
    public const string VacancyTitle = "vacancy_title";
    public const string VacancyText = "vacancy_text";
    public const string VacancySkills = "vacancy_skills";

    // Doc values: the numeric filters are checked per matching document (SegmentFilter)
    public const string IdDv = "id_dv";
    public const string LatDv = "lat_dv";
    public const string LonDv = "lon_dv";
    public const string MaxDistanceDv = "max_distance_dv";
    public const string HoursMinDv = "hours_min_dv";
    public const string HoursMaxDv = "hours_max_dv";
    public const string AvailableFromDv = "available_from_dv";  // epoch day
    public const string PostedAtDv = "posted_at_dv";            // epoch day
    public const string ClosesAtDv = "closes_at_dv";            // epoch day, int.MaxValue when open-ended

    public const string CandidateType = "candidate";
    public const string VacancyType = "vacancy";

    /// <summary>The unique key term of a document.</summary>
    public static string KeyOf(string type, string id) => type + ":" + id;
}
