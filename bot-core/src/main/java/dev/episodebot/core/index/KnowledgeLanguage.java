package dev.episodebot.core.index;

import dev.episodebot.core.Language;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.List;

/** The language the knowledge is written in: ZH when at least 30% of its letters are CJK ideographs. */
public final class KnowledgeLanguage {

    private static final double CJK_SHARE = 0.3;
    private static final int SAMPLE_CHARS = 200_000;

    private KnowledgeLanguage() {}

    /** The language of the transcripts (a sample of their first 200,000 characters). */
    public static Language of(List<Transcript> transcripts) {
        StringBuilder sample = new StringBuilder();
        for (Transcript transcript : transcripts) {
            for (TranscriptLine line : transcript.lines()) {
                sample.append(line.text()).append('\n');
                if (sample.length() > SAMPLE_CHARS) {
                    return of(sample);
                }
            }
        }
        return of(sample);
    }

    /** The language of a text sample. */
    public static Language of(CharSequence sample) {
        return cjkShare(sample) >= CJK_SHARE ? Language.ZH : Language.EN;
    }

    /** The share of letters that are CJK ideographs (0 when there are no letters). */
    public static double cjkShare(CharSequence text) {
        long cjk = 0;
        long letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Language.isCjk(c)) {
                    cjk++;
                }
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }
}
