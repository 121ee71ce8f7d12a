using MatchEngine.Engine.Matching;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Matching;

/// <summary>
/// The structured candidate generator reads its tiers from <see cref="CandidateLists"/>: walking them on a pool too large to
/// retrieve whole, marking every candidate's tier on a pool retrieved whole; these tests hold both to the answer of testing
/// every candidate's records, candidate for candidate and in order.
/// </summary>
public sealed class StructuredRetrievalTests
{
    private static readonly World Region = new WorldGenerator(new SynthOptions(Seed: 11, Candidates: 6000, Vacancies: 300, History: false)).Generate();
    private static readonly PreparedCandidate[] Pool = [.. Region.Candidates.Where(c => c.ConsentMatching).Select(c => new PreparedCandidate(c))];
    private static readonly CandidateLists Lists = new(Pool);

    public static TheoryData<string> Walls => ["none", "region", "strict", "max_km"];

    [Theory]
    [MemberData(nameof(Walls))]
    public void Structured_FromTheLists_IsWhatAScanOfThePoolGives(string walls)
    {
        Assert.True(Pool.Length > CandidateRetrieval.ExhaustivePool, "the pool must be too large to retrieve whole");
        var filters = walls switch
        {
            "region" => new ShortlistFilters([Region.Candidates[0].Region]),
            "strict" => new ShortlistFilters { StrictHours = true, StrictShifts = true },
            "max_km" => new ShortlistFilters { MaxKm = 15 },
            _ => new ShortlistFilters(),
        };
        var employers = Region.Employers.ToDictionary(e => e.Id);
        var seen = Pool.Take(200).Select(c => c.Candidate.Id).ToHashSet(StringComparer.Ordinal);
        var compared = 0;
        foreach (var vacancy in Region.Vacancies.Take(60))
        {
            var prepared = new PreparedVacancy(vacancy, employers.GetValueOrDefault(vacancy.EmployerId));
            int[] seenOrdinals = [.. seen.Select(Lists.OrdinalOf)];
            var fromLists = CandidateRetrieval.Structured(prepared, Lists, filters, seenOrdinals).Select(o => Lists.Ids[o]).ToArray();
            var scanned = CandidateRetrieval.Structured(prepared, Lists, filters, seenOrdinals, scan: true).Select(o => Lists.Ids[o]).ToArray();
            Assert.Equal(scanned, fromLists);
            Assert.DoesNotContain(fromLists, seen.Contains);
            compared += fromLists.Length;
        }
        Assert.True(compared > 0, "the vacancies must bring structured candidates to compare");
    }

    [Fact]
    public void Structured_ManyEqualShares_BreaksTiesByIdAsTheScanDoes()
    {
        // Everyone lives in one of three places with the same reach, listed in shuffled order: shares of reach tie by the thousand.
        var places = new[] { (52.22, 5.17), (52.25, 5.20), (52.30, 5.10) };
        var random = new Random(5);
        var tied = new CandidateLists([.. Pool.Select((c, i) => new PreparedCandidate(c.Candidate with
            {
                Lat = places[i % 3].Item1, Lon = places[i % 3].Item2, MaxDistanceKm = 20,
            })).OrderBy(_ => random.Next())]);
        var employers = Region.Employers.ToDictionary(e => e.Id);
        int[] seen = [];
        foreach (var vacancy in Region.Vacancies.Take(20))
        {
            var prepared = new PreparedVacancy(vacancy, employers.GetValueOrDefault(vacancy.EmployerId));
            Assert.Equal(CandidateRetrieval.Structured(prepared, tied, new ShortlistFilters(), seen, scan: true).Select(o => tied.Ids[o]),
                CandidateRetrieval.Structured(prepared, tied, new ShortlistFilters(), seen).Select(o => tied.Ids[o]));
        }
    }

    [Fact]
    public void Structured_SmallPool_TiersFromTheListsOrderItAsTheRecordsDo()
    {
        var small = new CandidateLists([.. Pool.Take(CandidateRetrieval.ExhaustivePool)]);
        var employers = Region.Employers.ToDictionary(e => e.Id);
        var seen = small.All.Take(100).Select((_, i) => i * 7).ToArray();
        foreach (var vacancy in Region.Vacancies.Take(60))
        {
            var prepared = new PreparedVacancy(vacancy, employers.GetValueOrDefault(vacancy.EmployerId));
            var fromLists = CandidateRetrieval.Structured(prepared, small, new ShortlistFilters(), seen).Select(o => small.Ids[o]).ToArray();
            var scanned = CandidateRetrieval.Structured(prepared, small, new ShortlistFilters(), seen, scan: true).Select(o => small.Ids[o]).ToArray();
            Assert.Equal(small.All.Length - seen.Length, fromLists.Length);
            Assert.Equal(scanned, fromLists);
        }
    }

    [Fact]
    public void Structured_SmallPool_IsRetrievedWhole()
    {
        var small = new CandidateLists([.. Pool.Take(CandidateRetrieval.ExhaustivePool)]);
        var vacancy = Region.Vacancies[0];
        var prepared = new PreparedVacancy(vacancy, Region.Employers.FirstOrDefault(e => e.Id == vacancy.EmployerId));
        var found = CandidateRetrieval.Structured(prepared, small, new ShortlistFilters(), []);
        Assert.Equal(small.All.Length, found.Count);
    }
}
