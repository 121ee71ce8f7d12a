using MatchEngine.Engine;
using MatchEngine.Engine.Access;

namespace MatchEngine.Tests.Access;

public sealed class RegionScopeTests
{
    [Fact]
    public void Narrow_ARegionOutsideTheScope_IsRefusedNamingItAsSentOrCutWhenLong()
    {
        var scope = RegionScope.Only(["GV"]);
        Assert.Equal("regio AM valt buiten uw regio's", Assert.Throws<AccessDeniedException>(() => scope.Narrow("AM")).Message);
        var refused = Assert.Throws<AccessDeniedException>(() => scope.Narrow(new string('X', 5000))).Message;
        Assert.Equal($"regio '{new string('X', 40)}…' (5000 tekens) valt buiten uw regio's", refused);
        Assert.Equal(scope, scope.Narrow(""));
    }
}
