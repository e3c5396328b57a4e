package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.retrieval.LexicalSearcher;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The asked attribute of a question: the dictionary word next to its question word that the
 * knowledge never uses, and whether the knowledge has a synonym for it.
 */
class AskedAttributeTest {

    private static final String EPISODE = """
            Reka 公司分批融资了超过 1 亿美元
            他加入微软以后负责 Bing
            这些成就是由不到 15 人的技术团队完成的
            他的妻子怀上了第一个孩子
            Yi Tay 在新加坡办公室工作
            """;

    /** A word list that knows a few words and their synonyms, as the bundled dictionary would. */
    private static final Map<String, Set<String>> SYNONYMS = Map.of(
            "市值", Set.of("市值"), "总部", Set.of("总部", "本部"), "队伍", Set.of("队伍", "团队"),
            "老婆", Set.of("老婆", "妻子"), "入微", Set.of("入微"), "出生", Set.of("出生", "诞生"));

    private static final QueryTranslator DICTIONARY = new QueryTranslator() {
        @Override
        public Optional<Translation> translate(String question, IndexView index) {
            return Optional.empty();
        }

        @Override
        public Map<String, Set<String>> synonyms(Collection<String> words) {
            Map<String, Set<String>> known = new HashMap<>();
            for (String word : words) {
                if (SYNONYMS.containsKey(word)) {
                    known.put(word, SYNONYMS.get(word));
                }
            }
            return known;
        }
    };

    @TempDir
    static Path temp;

    private static IndexedEpisode episode;
    private static IndexView view;

    @BeforeAll
    static void index() throws Exception {
        episode = IndexedEpisode.of(temp, EPISODE);
        view = episode.view();
    }

    @AfterAll
    static void close() throws Exception {
        episode.close();
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            // question | unstated attribute words (none: empty)
            "Reka 目前市值多少？ | 市值",
            "Reka 的总部在哪？ | 总部",
            "Yi Tay 是哪年出生的？ | 出生",   // nor 诞生
            "他们的队伍有多少人？ | ''",     // 队伍 → 团队, which the knowledge uses
            "Reka 融资了多少钱？ | ''",      // every word is the knowledge's own
            "他加入微软花了多少钱？ | ''",    // 入微 straddles 加入 and 微软
            "Reka 的市值是什么？ | ''",      // a what-question: the word next to 什么 may be a paraphrased predicate
            "市值这个话题 Reka 聊了多少次？ | ''", // 市值 does not stand next to the question word
    })
    void findsTheUnstatedAttribute(String question, String expected) {
        // GIVEN the question analysed against the knowledge
        LexicalSearcher lexical = new LexicalSearcher(view);
        AnswerType type = AnswerType.of(question);
        List<AskedAttribute.Word> attribute = AskedAttribute.of(question, type, Quantity.of(question, type), Language.ZH,
                Language.ZH, lexical, DICTIONARY);

        // WHEN the words the knowledge has no synonym for are taken THEN they are the asked attribute
        List<String> unstated = AskedAttribute.unstated(attribute);
        assertThat(String.join(" ", unstated)).isEqualTo(expected);
    }
}
