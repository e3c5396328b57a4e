package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 12 of the red-team pass: no control, escape or bidi character from LLM output, file
 * names or titles reaches a user; /status never shows an absolute path; front matter links are
 * recognised whatever the case of their scheme, and only http(s) links are kept.
 */
class ShownTextSafetyTest {

    private static final String CONTROLS = "\u001B[31m\u001B]0;pwned\u0007\u0000\u202E\u2066\u009B";

    @TempDir
    Path temp;

    private static String everything(BotReply reply) {
        StringBuilder sb = new StringBuilder(reply.text());
        for (Citation c : reply.citations()) {
            sb.append(c.source()).append(c.quote()).append(c.title()).append(c.url());
        }
        return sb.toString();
    }

    private static void assertClean(String shown) {
        assertThat(shown.codePoints().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))
                .as(shown).isEmpty();
        assertThat(shown.codePoints().filter(c -> Character.getType(c) == Character.FORMAT && c != 0x200D))
                .as(shown).isEmpty();
    }

    private static BotReply handle(BotCore core, BotCommand command, String text) {
        // a direct chat: /sources lists every file there, names included
        return core.bot().handle(command, new BotRequest("chat-1", "1001", Platform.TELEGRAM, text, null, true));
    }

    @Test
    void controlAndBidiCharactersOfLlmOutputFileNamesAndTitlesNeverReachAUser() throws Exception {
        // GIVEN an LLM whose answer carries escape sequences, BEL, NUL and bidi overrides, and a file
        // whose name and title carry them too
        try (FakeChatServer llm = FakeChatServer.start()) {
            llm.otherwise(FakeChatServer.Reply.text("不到 15 人" + CONTROLS + "[L114]。"));
            Map<String, String> env = new HashMap<>(llm.openAiEnv("5s"));
            env.put("EMBEDDING_MODEL", "bge-small-zh");
            Path knowledge = TestCores.knowledgeDir(temp);
            EpisodeFiles.copyEpisodeTo(knowledge);
            EpisodeFiles.write(knowledge, "evil\u202Etxt.exe\u001B[31m.txt", "title: 坏\u001B]0;标题\u0007\u202E题\n企鹅阿福的故事\n");
            try (BotCore core = TestCores.create(TestCores.config(temp, env), spec -> new HashingEmbeddingModel(512),
                    Clock.systemUTC())) {
                core.refresh(IndexingListener.none());

                // WHEN a question is answered and the commands list the files
                List<BotReply> replies = List.of(handle(core, BotCommand.ASK, "Reka 的技术团队有多少人？"),
                        handle(core, BotCommand.ASK, "企鹅阿福的故事"), handle(core, BotCommand.SOURCES, ""),
                        handle(core, BotCommand.STATUS, ""), handle(core, BotCommand.HELP, ""));

                // THEN every text shown is free of them, and the words are still there
                replies.forEach(reply -> assertClean(everything(reply)));
                assertThat(replies.get(0).text()).contains("不到 15 人").contains("[1]");
                assertThat(replies.get(2).text()).contains("evil").contains("txt.exe");
                assertThat(core.shownText().apply("x" + CONTROLS + "y")).isEqualTo("x[31m]0;pwnedy");
            }
        }
    }

    @Test
    void statusNeverShowsAnAbsolutePath() throws Exception {
        // GIVEN an indexed folder that then disappears
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        try (BotCore core = TestCores.hashing(temp, Map.of())) {
            core.refresh(IndexingListener.none());
            Files.move(knowledge, temp.resolve("moved-away"));

            // WHEN it is refreshed and /status is asked
            core.refresh(IndexingListener.none());
            String status = handle(core, BotCommand.STATUS, "").text();

            // THEN status explains the problem without the folder's absolute path
            assertThat(status).contains("kept the previous index").contains("KNOWLEDGE_DIR")
                    .doesNotContain(temp.toString());
        }
    }

    @Test
    void linksInFrontMatterAreRecognisedInAnyCaseAndOnlyHttpIsKept() throws Exception {
        // GIVEN transcripts whose front matter links use an upper-case scheme, javascript: and ftp:
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.write(knowledge, "upper.txt", "title: 大写\nurl: HTTPS://www.example.com/watch?v=AbC\n\n大写链接的节目讲企鹅\n");
        EpisodeFiles.write(knowledge, "script.txt", "title: 脚本\nurl: JavaScript:alert(1)\n\n脚本链接的节目讲海豚\n");
        EpisodeFiles.write(knowledge, "subs.srt", "title: 字幕\nurl: Http://example.org/v\n\n1\n00:01:02,000 --> 00:01:04,000\n字幕链接的节目讲鲸鱼\n");
        EpisodeFiles.write(knowledge, "ftp.md", "---\ntitle: 文件\nurl: ftp://example.net/x\n---\n文件链接的节目讲章鱼\n");
        try (BotCore core = TestCores.hashing(temp, Map.of())) {
            core.refresh(IndexingListener.none());

            // WHEN each is cited
            Map<String, String> urls = new HashMap<>();
            for (String question : List.of("大写链接的节目讲企鹅", "脚本链接的节目讲海豚", "字幕链接的节目讲鲸鱼", "文件链接的节目讲章鱼")) {
                for (Citation c : handle(core, BotCommand.ASK, question).citations()) {
                    urls.put(c.source(), String.valueOf(c.url()));
                }
            }

            // THEN http(s) links are kept (scheme in lower case), the others dropped
            assertThat(urls).containsEntry("upper.txt", "https://www.example.com/watch?v=AbC")
                    .containsEntry("script.txt", "null").containsEntry("ftp.md", "null");
            assertThat(urls.get("subs.srt")).startsWith("http://example.org/v").contains("t=62");
        }
    }
}
