using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Matching;

public sealed class VacancyNoticeTests
{
    private static Vacancy Posted(DateOnly posted, DateOnly? closes) => (Records.Vacancy("v1") with { ClosesAt = null }) with { PostedAt = posted, ClosesAt = closes };

    [Fact]
    public void Of_ClosedBeforeToday_NamesTheDayItClosed() =>
        Assert.Equal("Deze vacature is op 1 maart 2025 gesloten.", VacancyNotice.Of(Posted(new(2025, 1, 10), new(2025, 3, 1)), new(2025, 3, 2)));

    [Fact]
    public void Of_PostedAfterToday_NamesTheDayItIsPosted() =>
        Assert.Equal("Deze vacature wordt pas op 1 november 2025 geplaatst.", VacancyNotice.Of(Posted(new(2025, 11, 1), null), new(2025, 10, 1)));

    [Theory]
    [InlineData(2025, 3, 1)]
    [InlineData(2025, 1, 10)]
    public void Of_OpenToday_IsNull(int y, int m, int d) => Assert.Null(VacancyNotice.Of(Posted(new(2025, 1, 10), new(2025, 3, 1)), new(y, m, d)));

    [Fact]
    public void Of_OpenEnded_IsNullLongAfterPosting() => Assert.Null(VacancyNotice.Of(Posted(new(2024, 1, 10), null), new(2026, 12, 6)));

    [Theory]
    [InlineData(1, 1, "Deze vacature is vervuld.")]
    [InlineData(1, 2, "Deze vacature is vervuld.")]
    [InlineData(3, 3, "Alle 3 plaatsen van deze vacature zijn vervuld.")]
    [InlineData(3, 1, "1 van de 3 plaatsen is al vervuld.")]
    [InlineData(3, 2, "2 van de 3 plaatsen zijn al vervuld.")]
    public void Of_WithHires_SaysHowManyPlacesAreTaken(int positions, int hired, string notice) =>
        Assert.Equal(notice, VacancyNotice.Of(Posted(new(2025, 1, 10), null) with { Positions = positions }, new(2025, 2, 1), hired));

    [Fact]
    public void Of_ClosedAndFilled_SaysBoth() =>
        Assert.Equal("Deze vacature is op 1 maart 2025 gesloten. Deze vacature is vervuld.", VacancyNotice.Of(Posted(new(2025, 1, 10), new(2025, 3, 1)), new(2025, 3, 2), 1));

    [Fact]
    public void Of_OpenWithoutHires_IsNull() => Assert.Null(VacancyNotice.Of(Posted(new(2025, 1, 10), null) with { Positions = 2 }, new(2025, 2, 1), 0));
}
