package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.testing.EpisodeFiles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The question sets shipped with the tests are well formed: the dev copy, the extra and tune sets
 * and the held-out set. Every evidence string is verbatim in the bundled transcript, so a recall miss is
 * the bot's and never a typo's.
 */
class QuestionSetsTest {

    private static final Set<String> LANGUAGES = Set.of("zh", "en");

    private static List<EvalQuestion> set(String name) throws Exception {
        return EvalResources.questions(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev.jsonl", "extra.jsonl", "tune.jsonl", "heldout.jsonl"})
    void everyEvidenceStringIsVerbatimInTheTranscript(String name) throws Exception {
        // GIVEN the bundled transcript and a question set
        String transcript = String.join("\n", EpisodeFiles.episodeLines());

        // WHEN every evidence string is looked up
        List<String> missing = set(name).stream()
                .flatMap(q -> q.evidence().stream().filter(e -> !transcript.contains(e)).map(e -> q.id() + ": " + e))
                .toList();

        // THEN none is missing
        assertThat(missing).as("evidence not in the transcript").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev.jsonl", "extra.jsonl", "tune.jsonl", "heldout.jsonl"})
    void aCorrectAnswerQuotingTheTranscriptCanHit(String name) throws Exception {
        // GIVEN the bundled transcript and a question set
        String transcript = String.join("\n", EpisodeFiles.episodeLines());

        // WHEN each in-scope question is scored against the whole transcript as its answer
        List<String> unreachable = set(name).stream().filter(q -> !q.outOfScope())
                .filter(q -> !AnswerScoring.hit(q, transcript, true)).map(EvalQuestion::id).toList();

        // THEN every one hits: its answer strings are the transcript's words (an English alternative is extra)
        assertThat(unreachable).as("answers no quote of the transcript can contain").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev.jsonl", "extra.jsonl", "tune.jsonl", "heldout.jsonl"})
    void everyQuestionIsWellFormedForItsKind(String name) throws Exception {
        // GIVEN a question set
        List<EvalQuestion> questions = set(name);

        // THEN ids are unique, languages known; in-scope questions have evidence and answers, out-of-scope
        // ones neither; follow-ups have a context
        assertThat(questions.stream().map(EvalQuestion::id).distinct().count()).isEqualTo(questions.size());
        assertThat(questions).allSatisfy(q -> {
            assertThat(q.lang()).as(q.id()).isIn(LANGUAGES);
            if (q.outOfScope()) {
                assertThat(q.evidence()).as(q.id()).isEmpty();
                assertThat(q.answers()).as(q.id()).isEmpty();
            } else {
                assertThat(q.evidence()).as(q.id()).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank());
                assertThat(q.answers()).as(q.id()).isNotEmpty().allSatisfy(a -> assertThat(a).isNotBlank());
            }
            if (q.kind() == QuestionKind.FOLLOWUP) {
                assertThat(q.context()).as(q.id()).isNotEmpty();
            }
        });
    }

    @Test
    void theHeldOutSetCoversEveryKindInBothLanguages() throws Exception {
        // GIVEN the held-out set
        List<EvalQuestion> heldout = set("heldout.jsonl");

        // THEN it has at least 72 questions, every kind, at least 16 out of scope, at least 8 overviews in
        // both languages, and English questions of several kinds
        assertThat(heldout).hasSizeGreaterThanOrEqualTo(72);
        assertThat(heldout.stream().map(EvalQuestion::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(QuestionKind.values());
        assertThat(heldout).filteredOn(EvalQuestion::outOfScope).hasSizeGreaterThanOrEqualTo(16);
        List<EvalQuestion> overviews = heldout.stream().filter(q -> q.kind() == QuestionKind.OVERVIEW).toList();
        assertThat(overviews).hasSizeGreaterThanOrEqualTo(8);
        assertThat(overviews.stream().map(EvalQuestion::lang).collect(Collectors.toSet())).isEqualTo(LANGUAGES);
        assertThat(heldout.stream().filter(q -> q.lang().equals("en")).map(EvalQuestion::kind).distinct().count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void noHeldOutQuestionRepeatsATuningQuestion() throws Exception {
        // GIVEN the tuning sets (dev, extra, tune) and the held-out set
        Set<String> tuning = new HashSet<>();
        Stream.of("dev.jsonl", "extra.jsonl", "tune.jsonl").forEach(name -> {
            try {
                set(name).forEach(q -> tuning.add(normalised(q.question())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // THEN no held-out question is a tuning question up to spacing, case and punctuation
        assertThat(set("heldout.jsonl")).noneMatch(q -> tuning.contains(normalised(q.question())));
    }

    private static String normalised(String question) {
        return question.replaceAll("[\\s\\p{P}]+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
