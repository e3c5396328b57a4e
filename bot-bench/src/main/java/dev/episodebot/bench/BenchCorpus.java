package dev.episodebot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A synthetic corpus of N episodes made from one real transcript: same language, same number of
 * lines, about the same line lengths, but every chunk text different. Episode {@code e}, line
 * {@code j} is the first half of an original line (taken in runs of 4-12 consecutive lines from a
 * random place, so neighbouring lines still read alike) joined to the second half of a random
 * line, cut to the original line's length and numbered {@code （e-j）}. The number makes every line
 * of the corpus unique, so every chunk text is too. The corpus is deterministic: the same N gives
 * the same files, and an existing complete corpus is reused.
 */
public final class BenchCorpus {

    /** Bumped whenever the generated text changes (an old corpus folder is then regenerated). */
    static final int VERSION = 1;
    private static final String MARKER = "corpus.properties";

    private final List<String> original;

    /** @param original the real transcript's lines (blank lines and front matter already removed) */
    public BenchCorpus(List<String> original) {
        if (original.isEmpty()) {
            throw new IllegalArgumentException("an empty transcript");
        }
        this.original = List.copyOf(original);
    }

    /** Reads the real transcript (non-blank lines, without {@code title:}/{@code url:} front matter). */
    public static BenchCorpus fromTranscript(Path transcript) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(transcript, StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (text.isEmpty() || (lines.isEmpty() && (text.startsWith("title:") || text.startsWith("url:")))) {
                continue;
            }
            lines.add(text);
        }
        return new BenchCorpus(lines);
    }

    public List<String> original() {
        return original;
    }

    /** The file name of episode {@code e} (1-based). */
    public static String fileName(int e) {
        return String.format(Locale.ROOT, "episode-%04d.txt", e);
    }

    /** The title of episode {@code e}. */
    public static String title(int e) {
        return "合成节目 第 " + e + " 期";
    }

    /**
     * The lines of episode {@code e}; {@code variant} 0 is the corpus's, others are edits of it
     * (variants equal modulo 46,656 give the same text).
     */
    public List<String> episode(int e, long variant) {
        Random random = new Random(0x5EED_0000L + 1_000_003L * e + variant);
        int n = original.size();
        List<String> lines = new ArrayList<>(n);
        int position = 0;
        int run = 0;
        for (int j = 0; j < n; j++) {
            if (run == 0) {
                position = random.nextInt(n);
                run = 4 + random.nextInt(9);
            }
            String a = original.get(position % n);
            position++;
            run--;
            String b = original.get(random.nextInt(n));
            String mixed = halfOf(a, true) + halfOf(b, false);
            String tag = variant == 0 ? "（" + e + "-" + (j + 1) + "）"
                    : "（" + e + "-" + (j + 1) + "v" + Long.toString(Math.floorMod(variant, 46_656L), 36) + "）";
            int keep = Math.max(4, a.length() - tag.length());
            String body = cut(mixed, keep).strip();
            lines.add(body + tag);
        }
        return lines;
    }

    /** The file text of episode {@code e}: a title line, a blank line, its lines. */
    public String episodeText(int e, long variant) {
        StringBuilder text = new StringBuilder("title: ").append(title(e)).append("\n\n");
        for (String line : episode(e, variant)) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /**
     * Writes N episodes into {@code knowledgeDir} unless a complete corpus of N episodes (of this
     * generator version) is already there.
     *
     * @return whether the corpus was (re)generated
     */
    public boolean writeTo(Path knowledgeDir, int episodes) {
        try {
            Path marker = knowledgeDir.resolve("." + MARKER);
            String expected = "version=" + VERSION + "\nepisodes=" + episodes + "\nlines=" + original.size() + "\n";
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
                return false;
            }
            Files.createDirectories(knowledgeDir);
            try (Stream<Path> old = Files.list(knowledgeDir)) {
                for (Path path : old.toList()) {
                    if (path.getFileName().toString().endsWith(".txt")) {
                        Files.delete(path);
                    }
                }
            }
            for (int e = 1; e <= episodes; e++) {
                Files.writeString(knowledgeDir.resolve(fileName(e)), episodeText(e, 0), StandardCharsets.UTF_8);
            }
            Files.writeString(marker, expected);
            return true;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String halfOf(String line, boolean first) {
        int middle = line.length() / 2;
        if (middle > 0 && middle < line.length() && Character.isLowSurrogate(line.charAt(middle))) {
            middle++;
        }
        return first ? line.substring(0, middle) : line.substring(middle);
    }

    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
