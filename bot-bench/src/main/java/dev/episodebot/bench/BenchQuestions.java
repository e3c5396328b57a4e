package dev.episodebot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Bench questions: the development questions (the {@code q} of {@code eval/dev.jsonl}, shipped as
 * {@code bench/questions.txt}) first, then questions about a phrase of a line picked from a random
 * episode of the corpus. All distinct, deterministic for a seed.
 */
public final class BenchQuestions {

    private static final String[] FORMS = {"节目里关于「%s」是怎么说的？", "%s 是什么意思？", "为什么说%s？", "谁提到了%s？"};

    private BenchQuestions() {}

    /** The development questions shipped with the bench. */
    public static List<String> devQuestions() {
        try (InputStream in = BenchQuestions.class.getClassLoader().getResourceAsStream("bench/questions.txt")) {
            if (in == null) {
                return List.of();
            }
            List<String> questions = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        questions.add(line.strip());
                    }
                }
            }
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} distinct questions over episodes 1..{@code episodes}.
     *
     * @param fixed questions to start with (taken as they are, up to {@code count})
     */
    public static List<String> generate(BenchCorpus corpus, int episodes, int count, List<String> fixed, long seed) {
        LinkedHashSet<String> questions = new LinkedHashSet<>();
        for (String q : fixed) {
            if (questions.size() < count) {
                questions.add(q);
            }
        }
        Random random = new Random(seed);
        int attempts = 0;
        while (questions.size() < count && attempts++ < count * 100) {
            int e = 1 + random.nextInt(episodes);
            List<String> lines = corpus.episode(e, 0);
            String line = lines.get(random.nextInt(lines.size()));
            int tag = line.lastIndexOf('（');
            String body = tag > 0 ? line.substring(0, tag) : line;
            if (body.length() < 6) {
                continue;
            }
            int length = Math.min(body.length(), 6 + random.nextInt(9));
            int from = random.nextInt(body.length() - length + 1);
            String phrase = body.substring(from, from + length).strip();
            if (phrase.length() < 4) {
                continue;
            }
            questions.add(String.format(FORMS[random.nextInt(FORMS.length)], phrase));
        }
        return List.copyOf(questions);
    }
}
