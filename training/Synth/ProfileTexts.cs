using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// Writes the consulent's Dutch profile text from a candidate's attributes, with varied sentence
/// templates, synonyms and order. Never writes numbers that could be mistaken for a BSN.
/// </summary>
public static class ProfileTexts
{
    public static string Write(Dice dice, Candidate c, CandidateGenerator.Traits traits)
    {
        var sentences = new List<string>();
        var work = c.Experience.Select(e => IscoTitles.Of(e.Isco)).ToArray();
        sentences.Add(work.Length == 0
            ? dice.Pick(["Heeft nog weinig werkervaring in Nederland.", "Nog geen betaald werk gedaan.", "Weinig werkervaring, wel vrijwilligerswerk gedaan."])
            : dice.Pick(["Heeft eerder gewerkt als {0}.", "Werkervaring als {0}.", "Was eerder {0}.", "Ervaring opgedaan als {0}."]).Replace("{0}", Join(work), StringComparison.Ordinal));
        if (c.DesiredIsco.Count > 0)
            sentences.Add(dice.Pick(["Wil graag aan de slag als {0}.", "Zoekt werk als {0}.", "Interesse in werk als {0}.", "Ziet zichzelf werken als {0}."])
                .Replace("{0}", Join(c.DesiredIsco.Select(IscoTitles.Of).ToArray()), StringComparison.Ordinal));
        if (c.Skills.Count > 0)
            sentences.Add(dice.Pick(["Is goed in {0}.", "Vaardigheden: {0}.", "Kan {0}.", "Sterk in {0}."]).Replace("{0}", Join(c.Skills.Take(4).ToArray()), StringComparison.Ordinal));
        if (traits.Statushouder)
            sentences.Add(dice.Pick(["Statushouder, volgt de inburgering.", "Is statushouder en leert Nederlands.", "Sinds enkele jaren in Nederland, werkt aan de taal."]));
        else if (c.Dutch <= CefrLevel.A2)
            sentences.Add(dice.Pick(["Nederlandse taal is nog lastig.", "Taalniveau Nederlands is een aandachtspunt."]));
        if (c.MonthsInBijstand >= 60)
            sentences.Add(dice.Pick(["Al lange tijd zonder betaald werk.", "Langdurig in de bijstand.", "Is al jaren uit het arbeidsproces."]));
        if (c.NeedsJobcoach) sentences.Add(dice.Pick(["Heeft baat bij begeleiding op de werkvloer.", "Een jobcoach is aan te raden.", "Begeleiding bij de start is wenselijk."]));
        if (traits.Vulnerable && dice.Chance(0.6)) sentences.Add(dice.Pick(["Heeft structuur en een rustige werkplek nodig.", "Voelt zich goed bij vaste taken en duidelijke afspraken."]));
        if (c.CareTasks) sentences.Add(dice.Pick(["Heeft zorgtaken thuis, daarom voorkeur voor werk overdag.", "Combineert werk met de zorg voor kinderen."]));
        if (c.PhysicalCapacity == Load.Low) sentences.Add(dice.Pick(["Kan geen zwaar fysiek werk doen.", "Lichamelijk belastend werk gaat niet."]));
        sentences.Add(dice.Pick(["Gemotiveerd en betrouwbaar.", "Komt afspraken goed na.", "Wil graag weer meedoen.", "Vriendelijk en leergierig.",
            "Praktisch ingesteld, werkt graag met de handen."]));
        var first = sentences[0];
        var rest = sentences.Skip(1).OrderBy(_ => dice.Uniform()).ToList();
        rest.Insert(0, first);
        return string.Join(" ", rest);
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1];
}
