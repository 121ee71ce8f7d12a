using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Dutch analysis for titles, descriptions, profile texts and skills: standard tokens, lower case,
/// accents folded ("café" = "cafe"), occupational compounds split into their parts while the whole word
/// is kept (so an exact compound match scores higher), Dutch stop words removed, Snowball Dutch stemming
/// ("heftruckchauffeurs" → "heftruckchauffeur"). Thread-safe, as Lucene analyzers are.
/// </summary>
public sealed class DutchTextAnalyzer : Analyzer
{
    private static readonly CharArraySet Dictionary = new(IndexSchema.Version, OccupationWords.All, ignoreCase: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(IndexSchema.Version, reader);
        TokenStream stream = new StandardFilter(IndexSchema.Version, tokenizer);
        stream = new LowerCaseFilter(IndexSchema.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new DictionaryCompoundWordTokenFilter(IndexSchema.Version, stream, Dictionary,
            minWordSize: 6, minSubwordSize: 3, maxSubwordSize: 20, onlyLongestMatch: false);
        stream = new StopFilter(IndexSchema.Version, stream, DutchAnalyzer.DefaultStopSet);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
