package dev.episodebot.core.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene analysis for text that mixes Chinese and Latin script, as {@code CJKAnalyzer} does it:
 * Han runs become overlapping bigrams (a lone ideograph stays a unigram), full-width forms are
 * folded, and Latin words are lower-cased, stop-worded and Porter-stemmed ("founded" matches
 * "founder" less, "models" matches "model").
 */
final class MixedScriptAnalyzer extends Analyzer {

    /** Lucene's English stop words plus question words, auxiliaries and pronouns. */
    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String word : ("what which who whom whose when where why how much many did do does done doing have has had "
                + "having can could would should shall may might must am been being were i me my mine you your yours he him "
                + "his she her hers we us our ours they them theirs its it's about tell please any some so than too very "
                + "just also from up down out over after before did didn't does doesn't episode video podcast say said "
                + "says mention mentioned talk talked").split(" ")) {
            words.add(word);
        }
        STOP_WORDS = CharArraySet.unmodifiableSet(words);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        source.setMaxTokenLength(64);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new CJKBigramFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
