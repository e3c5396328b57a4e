package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Citation;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.knowledge.SubtitleParser;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answer from a subtitle file with a link cites the moment: times and a t= link. */
class TimecodedAnswerTest {

    private static final String URL = "https://www.youtube.com/watch?v=demo123";

    @TempDir
    Path root;

    private static String srt() {
        String[] cues = {
            "大家好，欢迎收听本期科技播客", "今天我们聊一聊城市里的共享单车", "去年全市共享单车的日均骑行量是八十万次",
            "其中早高峰占了三成左右", "运营公司一共投放了四十二万辆车", "很多车辆被乱停在地铁口附近",
            "为此城管部门划定了电子围栏", "骑行者不在围栏内还车就要多付五元调度费", "这个办法实施半年后乱停放减少了六成",
            "下面我们来看看电动自行车的情况", "电动车的电池安全是大家关心的问题", "感谢收听，我们下期再见"};
        StringBuilder sb = new StringBuilder("title: 共享单车的故事\nurl: " + URL + "\n\n");
        for (int i = 0; i < cues.length; i++) {
            long start = 10_000L + i * 7_500L;
            sb.append(i + 1).append('\n')
                    .append(stamp(start)).append(" --> ").append(stamp(start + 7_000)).append('\n')
                    .append(cues[i]).append("\n\n");
        }
        return sb.toString();
    }

    private static String stamp(long millis) {
        return String.format("%02d:%02d:%02d,%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    @Test
    void answerFromASubtitleFileCitesTheCueTimeAndLinksToTheMoment() throws Exception {
        // GIVEN a knowledge folder holding one .srt episode with a url in its front matter
        Path file = EpisodeFiles.write(TestCores.knowledgeDir(root), "podcasts/bikes.srt", srt());
        Transcript parsed = new KnowledgeReader(Long.MAX_VALUE).read(file, "podcasts/bikes.srt");

        try (BotCore core = TestCores.create(TestCores.config(root))) {
            core.refresh(IndexingListener.none());

            // WHEN a question about one of its cues is asked
            Answer answer = core.answerer().answer("不在电子围栏内还车要多付多少钱？", List.of());

            // THEN the answer quotes the cue and cites it with its time and a link at that second
            assertThat(answer.grounded()).isTrue();
            assertThat(answer.text()).contains("五元");
            Citation citation = answer.citations().get(0);
            TranscriptLine first = parsed.lines().stream().filter(l -> l.lineNumber() == citation.lineStart())
                    .findFirst().orElseThrow();
            TranscriptLine last = parsed.lines().stream().filter(l -> l.lineNumber() == citation.lineEnd())
                    .findFirst().orElseThrow();
            assertThat(citation.source()).isEqualTo("podcasts/bikes.srt");
            assertThat(citation.title()).isEqualTo("共享单车的故事");
            assertThat(citation.start()).isEqualTo(SubtitleParser.format(first.startMillis()));
            assertThat(citation.end()).isEqualTo(SubtitleParser.format(last.endMillis()));
            assertThat(citation.url()).isEqualTo(URL + "&t=" + first.startMillis() / 1000);
            assertThat(answer.text()).contains(citation.url()).contains(citation.start());
        }
    }
}
