package dev.episodebot.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis the index uses ({@link MixedScriptAnalyzer}: CJK bigrams, stemmed Latin words), for
 * the query side: what a question's terms are, matched against {@link IndexFields#CHUNK_TEXT} and
 * {@link IndexFields#LINE_TEXT}.
 */
public final class TextAnalysis {

    public static final String CHUNK_FIELD = IndexFields.CHUNK_TEXT;
    public static final String LINE_FIELD = IndexFields.LINE_TEXT;
    /** Stored on line documents: the source and the line number. */
    public static final String SOURCE_FIELD = IndexFields.SOURCE;
    public static final String LINE_NUMBER_FIELD = IndexFields.LINE_NUMBER;

    private static final Analyzer ANALYZER = new MixedScriptAnalyzer();

    private TextAnalysis() {}

    /** The analysed terms of a text, in order, with repeats. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(CHUNK_FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
