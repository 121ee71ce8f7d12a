using Lucene.Net.Documents;
using Lucene.Net.Util;
using MatchEngine.Engine.Domain;
using S = MatchEngine.Engine.Index.IndexSchema;
using MatchEngine.Engine.LabelResolution;

namespace MatchEngine.Engine.Index;

/// <summary>Turns candidates and vacancies into Lucene documents following <see cref="IndexSchema"/>.</summary>
internal static class DocumentMapper
{
    public static Document Of(Candidate c)
    {
        var doc = Common(S.CandidateType, c.Id, c.Lat, c.Lon, c.HoursMin, c.HoursMax);
        doc.Add(new StringField(S.Region, KeywordTerm.Of(c.Region), Field.Store.NO));
        doc.Add(new StringField(S.Consent, c.ConsentMatching ? "1" : "0", Field.Store.NO));
        foreach (var s in c.ShiftsOk) doc.Add(new StringField(S.Shift, Vocabulary.Name(s), Field.Store.NO));
        doc.Add(new NumericDocValuesField(S.AvailableFromDv, c.AvailableFrom.DayNumber));
        doc.Add(new DoubleDocValuesField(S.MaxDistanceDv, c.MaxDistanceKm));
        // The labels as typed and as resolved: a search for the catalogue's words finds "heftruckrijden" too.
        var skills = string.Join(" . ", c.Skills.Concat(c.Certificates).Concat(ComparedLabels.Skills(c)).Concat(ComparedLabels.Certificates(c)).Distinct(StringComparer.Ordinal));
        doc.Add(new TextField(S.CandidateSkills, skills, Field.Store.NO));
        var experience = string.Join(" . ", c.Experience.Select(e => IscoTitles.Of(e.Isco)).Concat(c.DesiredIsco.Select(IscoTitles.Of)));
        doc.Add(new TextField(S.CandidateText, string.Join(" . ", c.ProfileText ?? "", skills, experience, string.Join(" ", c.DesiredSectors)), Field.Store.NO));
        return doc;
    }

    public static Document Of(Vacancy v)
    {
        var doc = Common(S.VacancyType, v.Id, v.Lat, v.Lon, v.HoursMin, v.HoursMax);
        doc.Add(new StringField(S.EmployerId, v.EmployerId, Field.Store.NO));
        doc.Add(new StringField(S.Sector, KeywordTerm.Of(Labels.Key(v.Sector)), Field.Store.NO));
        doc.Add(new StringField(S.Isco, v.Isco, Field.Store.NO));
        foreach (var s in v.Shifts) doc.Add(new StringField(S.Shift, Vocabulary.Name(s), Field.Store.NO));
        doc.Add(new NumericDocValuesField(S.PostedAtDv, v.PostedAt.DayNumber));
        doc.Add(new NumericDocValuesField(S.ClosesAtDv, v.ClosesAt?.DayNumber ?? int.MaxValue));
        doc.Add(new TextField(S.VacancyTitle, v.Title, Field.Store.NO));
        var skills = string.Join(" . ", v.SkillsRequired.Concat(v.SkillsPreferred).Concat(v.CertificatesRequired));
        doc.Add(new TextField(S.VacancySkills, skills, Field.Store.NO));
        var tasks = string.Join(" . ", v.Tasks.Select(t => t.Name + " " + string.Join(" ", t.Skills)));
        doc.Add(new TextField(S.VacancyText, string.Join(" . ", v.Title, v.Description, skills, tasks, IscoTitles.Of(v.Isco)), Field.Store.NO));
        return doc;
    }

    private static Document Common(string type, string id, double lat, double lon, double hoursMin, double hoursMax) =>
    [
        new StringField(S.Key, S.KeyOf(type, id), Field.Store.NO),
        new StringField(S.Type, type, Field.Store.NO),
        new StringField(S.Id, id, Field.Store.YES),
        new BinaryDocValuesField(S.IdDv, new BytesRef(id)),
        new DoubleDocValuesField(S.LatDv, lat),
        new DoubleDocValuesField(S.LonDv, lon),
        new DoubleDocValuesField(S.HoursMinDv, hoursMin),
        new DoubleDocValuesField(S.HoursMaxDv, hoursMax),
    ];
}
