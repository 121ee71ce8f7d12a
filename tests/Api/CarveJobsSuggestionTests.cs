using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Carving;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Shift = MatchEngine.Engine.Domain.Shift;

namespace MatchEngine.Tests.Api;

/// <summary>Over gRPC, each candidate suggested for a carved role is offered the role as it fits them (<c>fitted_role</c>), or the gap is named.</summary>
public sealed class CarveJobsSuggestionTests(TrainedRegion region) : IClassFixture<TrainedRegion>, IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(prepareData: region.CopyDataTo, clock: new FixedClock(TrainedRegion.Today));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CarveJobs_EveryEmployerOfTheRegion_EachCandidateGetsAFittedRoleOrANamedGap()
    {
        var client = new Development.DevelopmentClient(_server.Channel);
        var candidates = region.World.Candidates.ToDictionary(c => c.Id);
        var employers = region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today) && v.Tasks.Count > 0).Select(v => v.EmployerId).Distinct().Order(StringComparer.Ordinal);
        var (suggestions, fitted) = (0, 0);
        var unnamed = new List<string>();
        foreach (var employer in employers)
        {
            CarveJobsResponse response;
            try
            {
                response = await client.CarveJobsAsync(new CarveJobsRequest { EmployerId = employer, CandidatesPerRole = 5 });
            }
            catch (RpcException e) when (e.StatusCode == GrpcStatusCode.FailedPrecondition)
            {
                continue; // no open vacancy of this employer has a task breakdown to carve from
            }
            foreach (var role in response.Roles)
            {
                foreach (var suggestion in role.Candidates)
                {
                    suggestions++;
                    var c = candidates[suggestion.CandidateId];
                    var offered = suggestion.FittedRole ?? role;
                    if (suggestion.FittedRole is not null)
                    {
                        fitted++;
                        Assert.All(suggestion.FittedRole.Tasks, t => Assert.Contains(role.Tasks, r => (r.VacancyId, r.TaskId) == (t.VacancyId, t.TaskId)));
                    }
                    var outside = offered.HoursPerWeek < c.HoursMin - 1e-6 || offered.HoursPerWeek > c.HoursMax + 1e-6;
                    if (outside && !suggestion.Gaps.Any(g => g.StartsWith("wil ", StringComparison.Ordinal) && g.Contains("uur, rol vraagt", StringComparison.Ordinal)))
                        unnamed.Add($"{employer}: {c.Id} wants {c.HoursMin}-{c.HoursMax} h, offered {offered.HoursPerWeek} h");
                    foreach (var shift in offered.Shifts.Select(s => Enum.Parse<Shift>(s, ignoreCase: true)).Where(s => !c.ShiftsOk.Contains(s)))
                    {
                        if (!suggestion.Gaps.Any(g => g.StartsWith("kan geen", StringComparison.Ordinal) && g.Contains(CarvingSuggestionTests.DutchShift(shift), StringComparison.Ordinal)))
                            unnamed.Add($"{employer}: {c.Id} cannot work {shift}");
                    }
                }
            }
        }
        Assert.True(suggestions >= 30, $"only {suggestions} suggestions to check");
        Assert.True(unnamed.Count == 0, $"{unnamed.Count} of {suggestions} suggestions ({fitted} fitted) do not fit and name no gap:\n{string.Join("\n", unnamed)}");
    }
}
