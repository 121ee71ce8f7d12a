using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// Generates a whole region, deterministic for its options: candidates, employers with open and past
/// vacancies, SROI contracts, the route catalogue, match history from a biased past proposal policy with
/// outcomes from <see cref="Compatibility"/>, and placements with herinstroom from <see cref="HerinstroomTruth"/>.
/// </summary>
public sealed class WorldGenerator(SynthOptions options)
{
    private static readonly string[] SroiSectors = ["bouw", "groen", "schoonmaak", "installatie", "energie"];
    private const double PastVacanciesPerOpen = 1.5;
    private const double ExtraPlacementsPerCandidate = 0.6;

    public World Generate()
    {
        var dice = new Dice(options.Seed);
        var today = options.Today;
        var candidateGenerator = new CandidateGenerator(dice, options.Region, today);
        var generated = Enumerable.Range(1, options.Candidates).Select(candidateGenerator.Next).ToArray();
        var candidates = generated.Select(g => g.Candidate).ToArray();

        var employerGenerator = new EmployerGenerator(dice, options.Region, today);
        var employers = new List<Employer>();
        var contracts = new List<SroiContract>();
        var vacancies = new List<Vacancy>();
        var bySector = Occupations.All.GroupBy(o => o.Sector).ToDictionary(g => g.Key, g => g.ToArray());
        var sectorWeights = bySector.Select(g => (g.Key, g.Value.Sum(o => o.Weight))).ToArray();
        var employerCount = Math.Max(12, options.Vacancies / 3);

        var careHome = employerGenerator.NextEmployer(1, "zorg") with { Name = "Verpleeghuis De Linde", Inclusive = true };
        employers.Add(careHome);
        // A contractor with an SROI obligation exists in every world, however small.
        employers.Add(employerGenerator.NextEmployer(2, "bouw"));
        for (var i = 3; i <= employerCount; i++) employers.Add(employerGenerator.NextEmployer(i, dice.Weighted(sectorWeights)));
        foreach (var e in employers.Where(e => SroiSectors.Contains(e.Sector) && (e.Id == employers[1].Id || dice.Chance(0.4))))
            contracts.Add(employerGenerator.NextSroiContract(contracts.Count + 1, e));
        var contractOf = contracts.ToDictionary(c => c.EmployerId);

        var verpleegkundige = Occupations.ByIsco("3221");
        for (var i = 0; i < 3; i++)
            vacancies.Add(employerGenerator.NextVacancy(careHome, verpleegkundige, today.AddDays(-dice.Int(1, 45)), open: true, null) with { OpenToJobcarving = true });
        while (vacancies.Count < options.Vacancies)
            vacancies.Add(RandomVacancy(today.AddDays(-dice.Int(0, 60)), open: true));
        var past = new List<Vacancy>();
        var pastCount = options.History ? (int)(options.Vacancies * PastVacanciesPerOpen) : 0;
        for (var i = 0; i < pastCount; i++) past.Add(RandomVacancy(today.AddDays(-dice.Int(75, 3 * 365)), open: false));

        var employerById = employers.ToDictionary(e => e.Id);
        var history = new HistoryGenerator(dice, today, candidates, employerById, options.HistoryPolicy, options.HistoryBias, options.Truth);
        var events = new List<MatchEvent>();
        var hires = new List<(Vacancy Vacancy, Candidate Candidate, DateOnly Hired)>();
        foreach (var v in past) history.Propose(v, events, hires);

        var routes = RouteCatalogue.For(options.Region);
        var placements = new PlacementGenerator(dice, today, routes, employers).Generate(hires, generated, (int)(options.Candidates * ExtraPlacementsPerCandidate));
        return new World(employers, contracts, vacancies.Concat(past).ToArray(), candidates, routes, events, placements);

        Vacancy RandomVacancy(DateOnly posted, bool open)
        {
            var employer = employers[dice.Int(1, employers.Count)];
            var occupations = bySector[employer.Sector];
            var occupation = dice.Weighted(occupations.Select(o => (o, o.Weight)).ToArray());
            var contract = open && contractOf.TryGetValue(employer.Id, out var c) && c.End >= today && dice.Chance(0.6) ? c.Id : null;
            return employerGenerator.NextVacancy(employer, occupation, posted, open, contract);
        }
    }
}
