package dev.episodebot.core.overview;

import java.util.List;
import java.util.Objects;

/**
 * An episode at a glance, computed from its transcript alone (extractive): topical sections that
 * cover every line in order, the lines that best represent the whole episode, its distinctive
 * keywords and the names it mentions. Computed once per content hash at index time
 * ({@link OutlineDeriver}) and kept in the index with the episode.
 *
 * @param source the episode's file, relative to the knowledge folder
 * @param title the episode's title from front matter, or null
 * @param sections the sections, first line first; together they cover every line once, in order
 * @param summary three to six central, mutually different lines, in transcript order
 * @param keywords candidate keywords, most distinctive first, each with how often the episode uses it
 * @param names names mentioned (people, companies, products), most mentioned first
 */
public record Outline(String source, String title, List<OutlineSection> sections, List<KeyLine> summary,
        List<Keyword> keywords, List<String> names) {

    public Outline {
        Objects.requireNonNull(source, "source");
        sections = List.copyOf(sections);
        summary = List.copyOf(summary);
        keywords = List.copyOf(keywords);
        names = List.copyOf(names);
    }

    /**
     * One line of the transcript, verbatim.
     *
     * @param line its line number
     * @param text its text
     */
    public record KeyLine(int line, String text) {
        public KeyLine {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A keyword candidate.
     *
     * @param text the phrase as the transcript writes it
     * @param count how many lines of the episode contain it
     * @param score how distinctive it is for this episode against a background of everyday words (higher is more)
     */
    public record Keyword(String text, int count, double score) {
        public Keyword {
            Objects.requireNonNull(text, "text");
        }
    }
}
