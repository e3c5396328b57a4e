package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin's reload makes a new knowledge file answerable. */
class AdminReloadTest {

    @TempDir
    Path root;

    @Test
    void fileAddedAfterStartIsKnownOnlyAfterAnAdminReload() {
        // GIVEN a running core over the episode, with telegram:123 as admin
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        try (BotCore core = TestCores.create(TestCores.config(root, Map.of("BOT_ADMINS", "telegram:123")))) {
            core.refresh(IndexingListener.none());
            BotRequest admin = new BotRequest("chat", "123", Platform.TELEGRAM, "", null, true);

            // WHEN a second episode file is added
            EpisodeFiles.write(TestCores.knowledgeDir(root), "season2/ep2.txt",
                    "title: 第二期：量子计算\n这一期我们聊量子计算机里的超导量子比特\n");
            String sourcesBefore = core.bot().handle(BotCommand.SOURCES, admin).text();
            // AND the admin reloads
            BotReply reload = core.bot().handle(BotCommand.RELOAD, admin);
            String sourcesAfter = core.bot().handle(BotCommand.SOURCES, admin).text();

            // THEN the reload reports the added file, and only afterwards is it a source
            assertThat(sourcesBefore).doesNotContain("season2/ep2.txt");
            assertThat(reload.text()).contains("+1 added");
            assertThat(sourcesAfter).contains("第二期：量子计算 — season2/ep2.txt (1 chunk)");
        }
    }
}
