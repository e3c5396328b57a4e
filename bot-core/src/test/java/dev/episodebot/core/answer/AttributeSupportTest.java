package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.embedding.LineVectors;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which parts of a question the lines around its answer do not hold, and how well near synonyms hold them. */
class AttributeSupportTest {

    /** Lines "holding" these bigrams and words. */
    private static Predicate<String> holding(String... pieces) {
        Set<String> held = Set.of(pieces);
        return held::contains;
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }

    @ParameterizedTest(name = "{0} with {1} held → missing {2}")
    @CsvSource(delimiter = '|', value = {
            // the subject is held, the attribute is not
            "Reka,目前市值 | Reka,目前 | 市值",
            // a run of ideographs none of whose bigrams is held is one missing part
            "老家 | Reka | 老家",
            // a bigram held covers both its characters
            "创业经历 | 创业,经历 | ''",
            // a lone ideograph left over is no part
            "创业经 | 创业 | ''",
            // a Latin word the lines do not hold is missing
            "Snowflake,CEO | Snowflake | CEO",
            // each missing part once, in order
            "老家,CEO,老家 | '' | 老家,CEO"})
    void missingParts(String phrases, String held, String missing) {
        // GIVEN a question's key phrases and what the lines hold
        // WHEN the missing parts are found THEN they are these
        assertThat(AttributeSupport.missing(list(phrases), holding(list(held).toArray(String[]::new))))
                .containsExactlyElementsOf(list(missing));
    }

    @ParameterizedTest(name = "{0}: {1} with a typed answer {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            // the answer-type cue is excused when the answering line holds an answer of that type
            "他在 Reka 担任什么职位？ | 职位 | TITLE | true | ''",
            // ... and not when it does not
            "他在 Reka 担任什么职位？ | 职位 | TITLE | false | 职位",
            // an attribute beside the cue is never excused
            "Reka 目前市值多少？ | 市值 | NUMBER | true | 市值",
            "他是在多大年纪决定创业的？ | 年纪 | NUMBER | true | ''"})
    void theAnswerTypeCueIsExcused(String question, String missing, AnswerType type, boolean typed, String left) {
        // GIVEN a question's missing parts
        // WHEN those that are its answer-type cue are excused
        List<String> unexcused = AttributeSupport.unexcused(list(missing), question, type.cues(question), typed);

        // THEN these are left
        assertThat(unexcused).containsExactlyElementsOf(list(left));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // the dictionary's words, longest first from the left
            "能免费下载 | 免费,下载",
            "系统提示词 | 系统,提示",
            // a fragment of two words holds none and drops out
            "想花 | ''",
            // a Latin part stays
            "CEO | CEO"})
    void theWordsOfMissingParts(String part, String words) {
        // GIVEN a dictionary of a few words
        Set<String> dictionary = Set.of("免费", "下载", "系统", "提示", "老家");
        // WHEN a missing part is read as words THEN these are they
        assertThat(AttributeSupport.words(List.of(part), dictionary::contains)).containsExactlyElementsOf(list(words));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "我的妻子 | 我的,的妻,妻子,我的妻,的妻子",
            "Reka 团队 | Reka,团队",
            "GPT-4 发布 | GPT-4,发布"})
    void gramsOfTheLines(String line, String grams) {
        // GIVEN a line WHEN its words are listed THEN they are its ideograph bigrams and trigrams and its Latin words
        assertThat(AttributeSupport.grams(List.of(line))).containsExactlyInAnyOrderElementsOf(list(grams));
    }

    @ParameterizedTest(name = "{0} against {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            // a synonym in the lines holds the part
            "老婆 | 我的妻子 | 0.9",
            // nothing near it: the weakest part decides
            "老婆,市值 | 我的妻子 | 0.436",
            // nothing missing: fully held
            "'' | 我的妻子 | 1.0"})
    void supportIsTheWeakestPartsNearestWord(String missing, String line, double support) {
        // GIVEN vectors under which 老婆 is near 妻子 and far from everything else
        Map<String, float[]> vectors = Map.of("老婆", new float[] {1, 0}, "妻子", new float[] {0.9f, 0.436f},
                "市值", new float[] {0, 1});
        LineVectors fake = new LineVectors() {
            @Override
            public List<float[]> lines(List<String> texts) {
                return texts.stream().map(t -> vectors.getOrDefault(t, new float[] {0.1f, 0.1f})).toList();
            }

            @Override
            public float[] query(String question) {
                throw new UnsupportedOperationException();
            }
        };
        // WHEN the support is measured THEN it is the weakest part's best cosine
        double measured = AttributeSupport.support(list(missing), List.of(TranscriptLine.untimed(1, line)), fake);
        assertThat(measured).isCloseTo(support, org.assertj.core.data.Offset.offset(0.01));
    }
}
