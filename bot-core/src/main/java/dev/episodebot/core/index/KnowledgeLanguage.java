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

    /**
     * A decision and what it read: the language of the knowledge's first 200,000 characters, and how
     * many leading transcripts held them.
     *
     * @param cutAfter the number of leading transcripts the sample was cut in (the language depends on
     *     them alone), or 0 when it read every transcript or is not known
     */
    public record Sample(Language language, int cutAfter) {

        /** A decision whose sample is not known (any change to the knowledge samples again). */
        public static Sample of(Language language) {
            return new Sample(language, 0);
        }
    }

    /** The language of the transcripts (a sample of their first 200,000 characters), and where the sample ended. */
    public static Sample sample(List<Transcript> transcripts) {
        StringBuilder sample = new StringBuilder();
        for (int i = 0; i < transcripts.size(); i++) {
            for (TranscriptLine line : transcripts.get(i).lines()) {
                sample.append(line.text()).append('\n');
                if (sample.length() > SAMPLE_CHARS) {
                    return new Sample(of(sample), i + 1);
                }
            }
        }
        return Sample.of(of(sample));
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
