package dev.episodebot.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A split of an episode's lines {@code 1..lines()} into consecutive sections, in order, each
 * line in exactly one section: a reference a person made, or an outline to judge against it
 * with {@link Pk}.
 *
 * @param sections the sections, first line first
 */
public record Segmentation(List<Section> sections) {

    /**
     * One section.
     *
     * @param lineStart its first line (1-based)
     * @param lineEnd its last line (inclusive)
     * @param title a short title (may be empty)
     */
    public record Section(int lineStart, int lineEnd, String title) {}

    public Segmentation {
        sections = List.copyOf(sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a segmentation has at least one section");
        }
        int next = 1;
        for (Section s : sections) {
            if (s.lineStart() != next || s.lineEnd() < s.lineStart()) {
                throw new IllegalArgumentException("section " + s.lineStart() + "-" + s.lineEnd() + " should start at line "
                        + next + " and end at or after its start");
            }
            next = s.lineEnd() + 1;
        }
    }

    /** How many lines it covers. */
    public int lines() {
        return sections.get(sections.size() - 1).lineEnd();
    }

    /** For each line (index 0 is line 1), the index of its section. */
    int[] sectionOfLine() {
        int[] of = new int[lines()];
        for (int s = 0; s < sections.size(); s++) {
            for (int line = sections.get(s).lineStart(); line <= sections.get(s).lineEnd(); line++) {
                of[line - 1] = s;
            }
        }
        return of;
    }

    /** Sections that start at the given lines (the first must be 1), the last ending at {@code lines}. */
    public static Segmentation startingAt(int lines, List<Integer> starts) {
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : lines;
            sections.add(new Section(starts.get(i), end, ""));
        }
        return new Segmentation(sections);
    }

    /** {@code count} sections of (nearly) equal length over {@code lines} lines: the baseline an outline must beat. */
    public static Segmentation evenlySpaced(int lines, int count) {
        if (count < 1 || count > lines) {
            throw new IllegalArgumentException("cannot split " + lines + " lines into " + count + " sections");
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add((int) ((long) i * lines / count) + 1);
        }
        return startingAt(lines, starts);
    }

    /**
     * Reads a segmentation from JSON with a {@code sections} array of {@code lineStart}, {@code lineEnd}
     * and {@code title} (the shape of {@code outline --json}).
     */
    public static Segmentation read(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : root.path("sections")) {
            if (!s.path("lineStart").canConvertToInt() || !s.path("lineEnd").canConvertToInt()) {
                throw new IOException(json + ": every section needs integer lineStart and lineEnd");
            }
            sections.add(new Section(s.path("lineStart").asInt(), s.path("lineEnd").asInt(), s.path("title").asText("")));
        }
        try {
            return new Segmentation(sections);
        } catch (IllegalArgumentException e) {
            throw new IOException(json + ": " + e.getMessage(), e);
        }
    }
}
