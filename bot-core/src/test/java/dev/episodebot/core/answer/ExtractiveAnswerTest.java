package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.SharedEpisodeCore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers without an LLM: verbatim quotes with valid citations, framing in the asker's language, abstention. */
class ExtractiveAnswerTest {

    private static final String REKA_TEAM = "Reka 的技术团队有多少人？";

    private static Answer ask(String question) {
        return SharedEpisodeCore.core().answerer().answer(question, List.of());
    }

    @Test
    void chineseFactQuestionIsAnsweredWithTheFactFromTheEpisode() {
        // GIVEN the bundled episode, which says the team had fewer than 15 people
        // WHEN asked how many people Reka's technical team had
        Answer answer = ask(REKA_TEAM);

        // THEN the answer is grounded and contains the number
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.text()).contains("15");
        assertThat(answer.language()).isEqualTo(Language.ZH);
    }

    @Test
    void citationNamesTheEpisodeFileAndLinesThatHoldTheFact() {
        // GIVEN the episode's lines
        List<String> lines = EpisodeFiles.episodeLines();

        // WHEN the Reka question is answered
        Answer answer = ask(REKA_TEAM);

        // THEN the first citation points at real lines of the file, and those lines hold the number
        assertThat(answer.citations()).isNotEmpty();
        Citation citation = answer.citations().get(0);
        assertThat(citation.source()).isEqualTo(EpisodeFiles.EPISODE);
        assertThat(citation.lineStart()).isBetween(1, citation.lineEnd());
        assertThat(citation.lineEnd()).isLessThanOrEqualTo(lines.size());
        assertThat(String.join("\n", lines.subList(citation.lineStart() - 1, citation.lineEnd()))).contains("15");
    }

    @Test
    void everyCitationQuotesTheTranscriptLinesVerbatim() {
        // GIVEN the episode's lines
        List<String> lines = EpisodeFiles.episodeLines();

        // WHEN the Reka question is answered
        Answer answer = ask(REKA_TEAM);

        // THEN each quote is exactly the non-blank file lines it cites, and appears quoted once in the answer text
        assertThat(answer.citations()).allSatisfy(citation -> {
            List<String> cited = lines.subList(citation.lineStart() - 1, citation.lineEnd()).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertThat(Arrays.asList(citation.quote().split("\n"))).isEqualTo(cited);
            for (String line : cited) {
                assertThat(answer.text().lines().filter(l -> l.equals("> " + line) || l.equals("» " + line)))
                        .hasSize(1);
            }
        });
        // AND the lead is the first quote's answering line, marked
        assertThat(answer.reply().leadQuote()).isZero();
        assertThat(answer.reply().lead()).isEqualTo(answer.reply().quotes().get(0).answerText()).contains("15");
        assertThat(answer.text()).contains("» " + answer.reply().lead());
    }

    @Test
    void chineseQuestionIsFramedInChinese() {
        // GIVEN a Chinese question the episode covers
        // WHEN it is answered
        Answer answer = ask(REKA_TEAM);

        // THEN the framing around the quotes is Chinese
        assertThat(answer.text()).startsWith(Messages.quoteIntro(Language.ZH, false));
        assertThat(answer.text()).contains("—— " + EpisodeFiles.EPISODE + " · 第 ");
    }

    @Test
    void englishQuestionIsFramedInEnglishAndSaysTheQuotesAreInTheOriginalLanguage() {
        // GIVEN an English question about the Chinese episode
        // WHEN it is answered without an LLM
        Answer answer = ask("What role did Yi Tay have at Reka?");

        // THEN the reply is English, grounded, and introduces the Chinese quotes as original-language text
        assertThat(answer.language()).isEqualTo(Language.EN);
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.text()).startsWith(Messages.quoteIntro(Language.EN, true));
        assertThat(answer.text()).contains("— " + EpisodeFiles.EPISODE + " · line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"明天北京的天气怎么样？", "What's the weather like in Beijing tomorrow?", "Who is the CEO of Apple?",
            "特斯拉今年卖了多少辆车？", "ChatGPT 是哪家公司开发的？", "iPhone 16 的电池能用多久？"})
    void outOfScopeQuestionIsDeclinedWithoutCitationsOrQuotes(String question) {
        // GIVEN a question the episode does not cover
        // WHEN it is answered
        Answer answer = ask(question);

        // THEN the bot says so in the asker's language, cites nothing and quotes no transcript line
        assertThat(answer.grounded()).isFalse();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.text()).startsWith(Messages.notCovered(Language.detect(question), List.of()));
        assertThat(answer.text().lines()).noneMatch(l -> l.startsWith(">"));
        assertThat(EpisodeFiles.episodeLines()).filteredOn(l -> l.strip().length() >= 6)
                .noneMatch(l -> answer.text().contains(l.strip()));
    }

    @Test
    void retrievedPassagesAreKeptForInspection() {
        // GIVEN the Reka question
        // WHEN it is answered
        Answer answer = ask(REKA_TEAM);

        // THEN the retrieved passages are the fused top five, re-ranked by their best line,
        // and the passage holding the quoted line comes first
        assertThat(answer.retrieved()).hasSizeBetween(1, QuestionAnswerer.PASSAGES);
        assertThat(answer.retrieved()).extracting(p -> p.fused())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, answer.retrieved().size())
                        .boxed().toList());
        assertThat(answer.retrieved().get(0).chunk().text()).contains(answer.citations().get(0).quote().split("\n")[1]);
        assertThat(answer.retrieved()).anySatisfy(p -> assertThat(p.chunk().text()).contains("15 人的技术团队"));
    }
}
