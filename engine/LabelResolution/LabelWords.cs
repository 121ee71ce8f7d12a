using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using MatchEngine.Engine.Index;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>One word of an analysed label, with the dictionary words Lucene's decompounding found inside it.</summary>
/// <param name="Text">Lower case, accents folded ("hygiëne" → "hygiene").</param>
/// <param name="Parts">Dictionary words inside <paramref name="Text"/> ("heftruckrijden" → "heftruck", "truck", "rijden"); empty for a simple word.</param>
public sealed record LabelWord(string Text, IReadOnlyList<string> Parts);

/// <summary>
/// Lucene's Dutch analysis of a short label: standard tokens, lower case, accents folded, Dutch stop words and the
/// filler words of <c>words.txt</c> removed ("ervaring met orderpicken" → "orderpicken"), and compounds split by
/// Analysis.Common's <see cref="DictionaryCompoundWordTokenFilter"/> against our own word list (the catalogue's words and
/// the <c>[woorddelen]</c> of <c>words.txt</c>). No stemming: typo similarity does that work on labels this short.
/// Thread-safe: every call builds its own token stream.
/// </summary>
public sealed class LabelWords
{
    private readonly CharArraySet _stopWords;
    private readonly CharArraySet _dictionary;

    /// <summary>Analysis with <paramref name="fillers"/> dropped and <paramref name="dictionary"/> as the decompounding word list.</summary>
    public LabelWords(IEnumerable<string> fillers, IEnumerable<string> dictionary)
    {
        _stopWords = new CharArraySet(IndexSchema.Version, DutchAnalyzer.DefaultStopSet.Select(w => w.ToString()!).Concat(fillers).ToArray(), ignoreCase: true);
        _dictionary = new CharArraySet(IndexSchema.Version, dictionary.ToArray(), ignoreCase: true);
    }

    /// <summary>The words of <paramref name="label"/> in order, fillers and stop words left out.</summary>
    public IReadOnlyList<LabelWord> Of(string label)
    {
        var words = new List<(string Text, List<string> Parts)>();
        using var tokenizer = new StandardTokenizer(IndexSchema.Version, new StringReader(label));
        TokenStream stream = new LowerCaseFilter(IndexSchema.Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(IndexSchema.Version, stream, _stopWords);
        stream = new DictionaryCompoundWordTokenFilter(IndexSchema.Version, stream, _dictionary,
            minWordSize: 6, minSubwordSize: 3, maxSubwordSize: 20, onlyLongestMatch: false);
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var text = term.ToString();
                // The stop filter leaves a gap (increment > 1) where it removed a word; a part follows its word with 0.
                if (increment.PositionIncrement == 0 && words.Count > 0)
                {
                    if (text != words[^1].Text && !words[^1].Parts.Contains(text)) words[^1].Parts.Add(text);
                }
                else words.Add((text, []));
            }
            stream.End();
        }
        return words.Select(w => new LabelWord(w.Text, w.Parts)).ToArray();
    }
}
