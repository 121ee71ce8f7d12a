using System.Reflection;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Risk;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Matching;

public class PairFeaturesTests
{
    private static readonly PreparedVacancy Vacancy = new(Records.Vacancy("v") with
    {
        SkillsRequired = ["Orderpicken", "heftruck rijden"], CertificatesRequired = ["heftruckcertificaat"], DutchMin = CefrLevel.B1,
        EducationMin = EducationLevel.Mbo2, PhysicalLoad = Load.High, Shifts = [Shift.Day, Shift.Evening],
    }, Records.Employer());

    private static float F(float[] v, string name) => v[PairFeatures.IndexOf(name)];

    [Fact]
    public void DistanceKm_ByTheChord_IsTheHaversineDistance()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            // Anywhere in the contract's box, from next door (metres) to its far corners (some 400 km).
            var lat = 50.7 + 3 * random.NextDouble();
            var lon = 3.3 + 4 * random.NextDouble();
            var near = i % 2 == 0;
            var (dLat, dLon) = near ? (0.001 * random.NextDouble(), 0.001 * random.NextDouble()) : (3 * random.NextDouble() - lat + 50.7, 4 * random.NextDouble() - lon + 3.3);
            var vacancy = new PreparedVacancy(Records.Vacancy("v") with { Lat = lat, Lon = lon }, null);
            var candidate = new PreparedCandidate(Records.Candidate("c", lat: lat + dLat, lon: lon + dLon));
            var haversine = vacancy.Vacancy.Location.DistanceKm(candidate.Location);
            Assert.Equal(haversine, PairFeatures.DistanceKm(vacancy, candidate), 1e-9);
        }
    }

    [Fact]
    public void Featurize_CountsBeyondAWorkingLife_CountAsAWorkingLife()
    {
        // The contract bounds these only from below: a typing error or an "unknown" written as a number must not carry a slope to infinity.
        var candidate = new PreparedCandidate(Records.Candidate("c") with
        {
            Experience = [new Experience(Vacancy.Vacancy.Isco, 1e300), new Experience(Vacancy.Vacancy.Isco, 3)],
            MonthsInBijstand = int.MaxValue, PriorOutflows = int.MaxValue,
        });
        var f = PairFeatures.Featurize(Vacancy, candidate, 1f);
        Assert.All(f, value => Assert.True(float.IsFinite(value)));
        Assert.Equal(WorkingLife.Years, F(f, "years_same_isco"));
        Assert.Equal(WorkingLife.Years, F(f, "years_same_major_group"));
        Assert.Equal(WorkingLife.Years * 12, F(f, "months_in_bijstand"));
        Assert.Equal(WorkingLife.Years, F(f, "prior_outflows"));
        var placement = new Placement
        {
            Id = "p", CandidateId = "c", EmployerId = "emp-1", Start = new DateOnly(2025, 1, 6), HoursPerWeek = 24, Contract = ContractKind.Temporary,
            ObservedUntil = new DateOnly(2025, 6, 30),
        };
        var risk = HerinstroomFeatures.Of(placement, candidate.Candidate);
        Assert.Equal(WorkingLife.Years * 12, risk[HerinstroomFeatures.Names.ToList().IndexOf("months_in_bijstand")]);
        Assert.Equal(WorkingLife.Years, risk[HerinstroomFeatures.Names.ToList().IndexOf("prior_outflows")]);
    }

    [Fact]
    public void Featurize_Pair_ComputesEachFeatureFromTheRecords()
    {
        var candidate = new PreparedCandidate(Records.Candidate("c", lat: 52.2737, lon: 5.1608) with
        {
            Skills = ["orderpicken "], Certificates = [], Dutch = CefrLevel.A2, Education = EducationLevel.Mbo1, PhysicalCapacity = Load.Medium,
            Experience = [new Experience("4321", 3), new Experience("9321", 2)], DesiredIsco = ["4321"], DesiredSectors = ["Logistiek"],
        });
        var f = PairFeatures.Featurize(Vacancy, candidate, 4.5f);
        Assert.Equal(0.5f, F(f, "required_skill_coverage"));
        Assert.Equal(0f, F(f, "certificate_coverage"));
        Assert.Equal(1f, F(f, "missing_certificates"));
        Assert.Equal(3f, F(f, "years_same_isco"));
        Assert.Equal(3f, F(f, "years_same_major_group"));
        Assert.Equal(1f, F(f, "desired_isco_match"));
        Assert.Equal(1f, F(f, "desired_sector_match"));
        Assert.InRange(F(f, "distance_km"), 4.9f, 5.1f);
        Assert.Equal(1f, F(f, "dutch_gap"));
        Assert.Equal(1f, F(f, "education_gap"));
        Assert.Equal(1f, F(f, "load_gap"));
        Assert.Equal(0.5f, F(f, "shift_fit"));
        Assert.Equal(4.5f, F(f, "bm25"));
        Assert.Equal(1f, F(f, "employer_inclusive"));
    }

    [Fact]
    public void Featurize_CandidateWithTheEmployerAndTransport_CombinesThem()
    {
        var record = Records.Candidate("c", lat: 52.2737, lon: 5.1608) with
        {
            MonthsInBijstand = 30, NeedsJobcoach = true, Doelgroepregister = true,
        };
        var regular = new PreparedVacancy(Vacancy.Vacancy, Records.Employer() with { Inclusive = false });

        var byBike = PairFeatures.Featurize(Vacancy, new PreparedCandidate(record), 0);
        var byCar = PairFeatures.Featurize(Vacancy, new PreparedCandidate(record with { Transport = [Transport.Car] }), 0);
        var atRegular = PairFeatures.Featurize(regular, new PreparedCandidate(record), 0);

        Assert.Equal(F(byBike, "distance_km"), F(byBike, "km_without_car"));
        Assert.Equal(0f, F(byCar, "km_without_car"));
        Assert.Equal((0f, 0f, 1f), (F(byBike, "months_in_bijstand_regular_employer"), F(byBike, "needs_jobcoach_regular_employer"), F(byBike, "doelgroepregister_inclusive_employer")));
        Assert.Equal((30f, 1f, 0f), (F(atRegular, "months_in_bijstand_regular_employer"), F(atRegular, "needs_jobcoach_regular_employer"), F(atRegular, "doelgroepregister_inclusive_employer")));
    }

    [Fact]
    public void Featurize_AvailableLater_CountsWeeksLateUpToHalfAYear()
    {
        // Posted 1 June 2025, closing 31 July 2025 (the start).
        float[] Late(DateOnly from) => PairFeatures.Featurize(Vacancy, new PreparedCandidate(Records.Candidate("c") with { AvailableFrom = from }), 0);

        var inTime = Late(new DateOnly(2025, 5, 1));
        var afterPosting = Late(new DateOnly(2025, 6, 15));
        var afterStart = Late(new DateOnly(2025, 8, 14));
        var yearsLate = Late(new DateOnly(2028, 1, 1));

        Assert.Equal((0f, 0f), (F(inTime, "weeks_until_available"), F(inTime, "weeks_after_start")));
        Assert.Equal((2f, 0f), (F(afterPosting, "weeks_until_available"), F(afterPosting, "weeks_after_start")));
        Assert.Equal(74 / 7.0, F(afterStart, "weeks_until_available"), 5);
        Assert.Equal(2f, F(afterStart, "weeks_after_start"));
        Assert.Equal(((float)PairFeatures.LateWeeksCap, (float)PairFeatures.LateWeeksCap), (F(yearsLate, "weeks_until_available"), F(yearsLate, "weeks_after_start")));
    }

    [Fact]
    public void Featurize_NoPreferredSkillsOrTasks_GivesNobodyTheirPlus()
    {
        var candidate = new PreparedCandidate(Records.Candidate("c") with { Skills = ["orderpicken", "klantcontact"] });
        var wishing = new PreparedVacancy(Vacancy.Vacancy with
        {
            SkillsPreferred = ["klantcontact", "kassa"],
            Tasks = [new VacancyTask { Id = "t1", Name = "orders verzamelen", Skills = ["orderpicken"], Complexity = 2, PhysicalLoad = Load.Medium, HoursPerWeek = 8 }],
        }, Records.Employer());

        var none = PairFeatures.Featurize(Vacancy, candidate, 0);
        var some = PairFeatures.Featurize(wishing, candidate, 0);

        Assert.Equal((0f, 0f), (F(none, "preferred_skill_share"), F(none, "task_skill_share")));
        Assert.Equal((0.5f, 1f), (F(some, "preferred_skill_share"), F(some, "task_skill_share")));
        Assert.Equal(1f, F(PairFeatures.Featurize(new PreparedVacancy(Records.Vacancy("w"), Records.Employer()), candidate, 0), "required_skill_coverage"));
    }

    [Fact]
    public void Featurize_ExperienceWithAnEmptyIscoCode_CountsNowhereInsteadOfFailing()
    {
        // The contract rejects such a record, but a candidate built in code reaches the pool without that check.
        var candidate = new PreparedCandidate(Records.Candidate("c") with { Experience = [new Experience("", 4), new Experience("4321", 3)] });
        var f = PairFeatures.Featurize(Vacancy, candidate, 0);
        Assert.Equal(3f, F(f, "years_same_isco"));
        Assert.Equal(3f, F(f, "years_same_major_group"));
        Assert.Equal(3, candidate.Candidate.YearsInMajorGroup("4321")); // the record's own sum, which the generator reads, agrees
    }

    [Fact]
    public void Featurize_ProtectedAttributesAndAge_DoNotChangeTheVector()
    {
        var a = Records.Candidate("c") with { Protected = new ProtectedAttributes("v", "niet-westers"), BirthYear = 1960 };
        var b = a with { Protected = new ProtectedAttributes("m", "nederlands"), BirthYear = 2000 };
        Assert.Equal(PairFeatures.Featurize(Vacancy, new PreparedCandidate(a), 1), PairFeatures.Featurize(Vacancy, new PreparedCandidate(b), 1));
    }

    [Fact]
    public void Names_NoFeatureList_NamesAProtectedAttribute()
    {
        string[] forbidden = ["gender", "migration", "protected", "birth", "age"];
        Assert.DoesNotContain(PairFeatures.Names, n => n.Split('_').Any(word => forbidden.Contains(word)));
        Assert.DoesNotContain(HerinstroomFeatures.Names, n => n.Contains("gender", StringComparison.Ordinal) || n.Contains("migration", StringComparison.Ordinal));
    }

    [Fact]
    public void Featurize_NoFeatureReadsTheProtectedProperty()
    {
        Type[] featurizers = [typeof(PairFeatures), typeof(PreparedCandidate), typeof(HerinstroomFeatures)];
        // Positive control: the scan does find a getter the featurizer really calls, so an empty result below means something.
        Assert.NotEmpty(MethodsReading(featurizers, typeof(Candidate).GetProperty(nameof(Candidate.Location))!.GetMethod!));
        Assert.Empty(MethodsReading(featurizers, typeof(Candidate).GetProperty(nameof(Candidate.Protected))!.GetMethod!));
    }

    /// <summary>Methods of <paramref name="types"/> (and their compiler-generated closures) whose IL calls <paramref name="getter"/>.</summary>
    private static List<string> MethodsReading(IEnumerable<Type> types, MethodInfo getter)
    {
        var token = BitConverter.GetBytes(getter.MetadataToken);
        var found = new List<string>();
        foreach (var type in types)
        {
            const BindingFlags declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            // Constructors too: a prepared candidate copies what featurizing reads when it is built.
            foreach (var method in type.GetNestedTypes(BindingFlags.NonPublic).Append(type)
                         .SelectMany(t => t.GetMethods(declared).Cast<MethodBase>().Concat(t.GetConstructors(declared))))
            {
                // Tokens are per module; the featurizers and the domain records share the engine module.
                if (method.Module != getter.Module || method.GetMethodBody()?.GetILAsByteArray() is not { } il) continue;
                if (il.AsSpan().IndexOf(token) >= 0) found.Add($"{type.Name}.{method.Name}");
            }
        }
        return found;
    }
}
