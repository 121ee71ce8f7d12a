using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using SnowballDutch = Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer;
using MatchEngine.Engine.Index;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>One word of an analysed label, with its stem and the dictionary words Lucene's decompounding found inside it.</summary>
/// <param name="Text">Lower case, accents folded ("hygiëne" → "hygiene").</param>
/// <param name="Stem">The Snowball Dutch stem of the word without a generic last part ("snoeiwerk" → "snoei", "snoeien" → "snoei").</param>
/// <param name="Parts">Dictionary words inside <paramref name="Text"/> ("heftruckrijden" → "heftruck", "truck", "rijden"); empty for a simple word.</param>
/// <param name="IsFiller">A word that says nothing about which skill it is ("ervaring", "kennis", a number as in "2 jaar"): it may match, but need not.</param>
public sealed record LabelWord(string Text, string Stem, IReadOnlyList<string> Parts, bool IsFiller);

/// <summary>
/// Lucene's Dutch analysis of a short label: standard tokens, lower case, accents folded, Dutch stop words removed,
/// compounds split by Analysis.Common's <see cref="DictionaryCompoundWordTokenFilter"/> against our own word list (the
/// catalogue's words and the <c>[woorddelen]</c> of <c>words.txt</c>), and each word stemmed by the Snowball Dutch stemmer
/// after a generic last part (<c>[achtervoegsels]</c>: "kassawerk", "kookervaring") is cut off. Filler words
/// (<c>[vulwoorden]</c>) and numbers are kept but flagged. Thread-safe: token chains and stemmers are kept per thread. Holds a Lucene analyzer for its lifetime.
/// </summary>
public sealed class LabelWords
{
    private readonly CharArraySet _fillers;
    private readonly ChainAnalyzer _analyzer;
    private readonly ThreadLocal<SnowballDutch> _stemmer = new(() => new SnowballDutch());
    private readonly string[] _suffixes;

    /// <summary>Analysis flagging <paramref name="fillers"/>, cutting <paramref name="suffixes"/> before stemming and decompounding with <paramref name="dictionary"/>.</summary>
    public LabelWords(IEnumerable<string> fillers, IEnumerable<string> suffixes, IEnumerable<string> dictionary)
    {
        _fillers = new CharArraySet(IndexSchema.Version, fillers.ToArray(), ignoreCase: true);
        _suffixes = suffixes.OrderByDescending(s => s.Length).ToArray();
        _analyzer = new ChainAnalyzer(new CharArraySet(IndexSchema.Version, dictionary.ToArray(), ignoreCase: true));
    }

    /// <summary>The words of <paramref name="label"/> in order, stop words left out.</summary>
    public IReadOnlyList<LabelWord> Of(string label)
    {
        var words = new List<(string Text, List<string> Parts)>();
        // The analyzer keeps one tokenizer chain per thread and resets it for each label: building a StandardTokenizer
        // costs more than analysing a label.
        using (var stream = _analyzer.GetTokenStream("label", label))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var text = term.ToString();
                // A part follows its word at the same position (increment 0); a word after a removed stop word has increment 2.
                if (increment.PositionIncrement == 0 && words.Count > 0)
                {
                    if (text != words[^1].Text && !words[^1].Parts.Contains(text)) words[^1].Parts.Add(text);
                }
                else words.Add((text, []));
            }
            stream.End();
        }
        return words.Select(w => new LabelWord(w.Text, Stem(w.Text), w.Parts, _fillers.Contains(w.Text) || w.Text.All(char.IsAsciiDigit))).ToArray();
    }

    /// <summary>The stem of <paramref name="word"/> with a generic last part cut off, as <see cref="Of"/> computes it.</summary>
    public string Stem(string word)
    {
        foreach (var suffix in _suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }
        var stemmer = _stemmer.Value!;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>The token chain: standard tokens, lower case, accents folded, Dutch stop words out, compounds split.</summary>
    private sealed class ChainAnalyzer(CharArraySet dictionary) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(IndexSchema.Version, reader);
            TokenStream stream = new LowerCaseFilter(IndexSchema.Version, tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(IndexSchema.Version, stream, DutchAnalyzer.DefaultStopSet);
            stream = new DictionaryCompoundWordTokenFilter(IndexSchema.Version, stream, dictionary,
                minWordSize: 6, minSubwordSize: 3, maxSubwordSize: 20, onlyLongestMatch: false);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
