using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;

namespace MatchEngine.Api.WebConsole.Pages;

/// <summary>The start page: who is signed in and the tasks of their roles.</summary>
public sealed class IndexModel : ConsolePage
{
    public override string Title => "Start";

    public IReadOnlyList<string> RoleWords { get; private set; } = [];

    public IReadOnlyList<string> Regions { get; private set; } = [];

    public IReadOnlyList<(string Href, string Text)> Tasks { get; private set; } = [];

    public void OnGet()
    {
        var caller = CallerClaims.Of(User);
        RoleWords = [.. caller.Roles.Order(StringComparer.Ordinal).Select(RoleWord)];
        Regions = [.. caller.Regions.Order(StringComparer.Ordinal)];
        var tasks = new List<(string, string)>();
        if (HoldsOneOf(Roles.SeeCandidates)) tasks.Add(("/vacatures", "Vacatures zoeken en een shortlijst van kandidaten bekijken"));
        if (HoldsOneOf(Roles.SeeCandidates)) tasks.Add(("/kandidaten", "Kandidaten zoeken op vaardigheid, beroep of certificaat"));
        if (HoldsOneOf(Roles.SeeCandidates)) tasks.Add(("/maatwerk", "Maatwerk: jobcarving bij een werkgever en een wervingsactie"));
        if (HoldsOneOf(Roles.Nazorg)) tasks.Add(("/nazorg", "Nazorg: plaatsingen met het hoogste risico op herinstroom"));
        if (HoldsOneOf(Roles.Sroi)) tasks.Add(("/sroi", "SROI: contracten met de meeste euro's in gevaar"));
        if (HoldsOneOf(Roles.ManageModels)) tasks.Add(("/modellen", "Modellen: versies, metrieken, eerlijkheid, trainen en promoveren"));
        if (OfferedToAllRegionsAdmin(User))
        {
            tasks.Add(("/audit", "Audittrail per kandidaat of per gebruiker"));
            tasks.Add(("/catalogus", "Catalogus: contractbestanden importeren, records verwijderen"));
        }
        Tasks = tasks;
    }

    public static string RoleWord(string role) => role switch
    {
        Roles.Accountmanager => "accountmanager",
        Roles.Consulent => "consulent / jobcoach",
        Roles.SroiMakelaar => "SROI-makelaar",
        Roles.DataScientist => "datawetenschapper",
        Roles.Admin => "beheerder",
        _ => role,
    };
}
