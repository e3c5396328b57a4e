package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.retrieval.LexicalSearcher;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The possessive pair of a question (Reka 的 CEO) and whether the knowledge says the one of the other:
 * the attribute's line has the owner within a few lines.
 */
class PossessedAttributeTest {

    private static final String EPISODE = """
            Reka 公司发布了多个模型
            他担任 Reka 的首席科学家
            团队效果也都还不错
            同时 Reka 也和英伟达等公司合作
            第五行
            第六行
            第七行
            第八行
            人工智能初创公司 Adept CEO David
            带着全体员工加入亚马逊
            他的妻子怀上了第一个孩子
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // question | pair (owner/attribute, none: -) | stated together
            "Reka 的 CEO 是谁 | Reka/CEO | false",          // CEO is Adept's, lines away from any Reka
            "Adept 的 CEO 叫啥 | Adept/CEO | true",
            "Reka 的科学家是谁 | Reka/科学家 | true",
            "英伟达的 CEO 是谁啊 | 英伟达/CEO | false",
            "Reka 的模型有哪些 | Reka/模型 | true",
            "Reka 的技术团队有多少人 | Reka/团队 | true",        // the head of the compound: 技术团队 → 团队
            "他的孩子现在多大 | - | true",                   // a pronoun owns nothing
            "Reka 的总部在哪 | - | true",                   // 总部 is unknown: AskedAttribute's
            "Reka 和英伟达合作了吗 | - | true",              // no possessive
    })
    void findsThePairAndWhetherItIsStated(String question, String pair, boolean stated) throws Exception {
        try (IndexedEpisode episode = IndexedEpisode.of(temp, EPISODE)) {
            // GIVEN the question read against the knowledge
            LexicalSearcher lexical = new LexicalSearcher(episode.view());
            var found = PossessedAttribute.of(question, Language.ZH, Language.ZH, lexical);

            // WHEN its pair is taken THEN it is the owner and the attribute, stated together or not
            assertThat(found.map(p -> p.owner() + "/" + p.attribute()).orElse("-")).isEqualTo(pair);
            assertThat(found.map(p -> p.statedTogether(lexical, EpisodeLines.of(episode.view()))).orElse(true))
                    .isEqualTo(stated);
        }
    }
}
