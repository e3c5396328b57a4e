package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.answer.Messages;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without usable knowledge the bot says so instead of failing. */
class NoKnowledgeTest {

    @TempDir
    Path root;

    private static BotReply ask(BotCore core, String text) {
        return core.bot().ask(new BotRequest("c", "u", Platform.CONSOLE, text));
    }

    @Test
    void emptyKnowledgeFolderGivesAnEmptyIndexAndANoKnowledgeReply() throws Exception {
        // GIVEN an empty knowledge folder
        Files.createDirectories(TestCores.knowledgeDir(root));

        try (BotCore core = TestCores.create(TestCores.config(root))) {
            // WHEN the core indexes it and is asked in Chinese and English
            RefreshReport report = core.refresh(IndexingListener.none());
            BotReply zh = ask(core, "Reka 的技术团队有多少人？");
            BotReply en = ask(core, "How big was the team?");

            // THEN the index is empty and the bot says it has no knowledge yet, in the asker's language
            assertThat(report.chunks()).isZero();
            assertThat(core.knowledge().index().isEmpty()).isTrue();
            assertThat(zh.text()).isEqualTo(Messages.noKnowledge(Language.ZH));
            assertThat(en.text()).isEqualTo(Messages.noKnowledge(Language.EN));
            assertThat(zh.grounded()).isFalse();
            assertThat(zh.citations()).isEmpty();
        }
    }

    @Test
    void missingKnowledgeFolderGivesAnEmptyIndexAndANoKnowledgeReply() {
        // GIVEN a knowledge folder that does not exist
        try (BotCore core = TestCores.create(TestCores.config(root))) {
            // WHEN the core refreshes and is asked
            RefreshReport report = core.refresh(IndexingListener.none());
            BotReply reply = ask(core, "Reka 的技术团队有多少人？");

            // THEN an empty index is in place and the reply says there is no knowledge
            assertThat(report.chunks()).isZero();
            assertThat(core.knowledge().index().isEmpty()).isTrue();
            assertThat(reply.text()).isEqualTo(Messages.noKnowledge(Language.ZH));
        }
    }

    @Test
    void folderOfOnlyBrokenFilesGivesNoKnowledgeAndStatusListsThem() {
        // GIVEN a folder whose only file cannot be read
        EpisodeFiles.write(TestCores.knowledgeDir(root), "only.srt", "not a subtitle\n");

        try (BotCore core = TestCores.create(TestCores.config(root))) {
            // WHEN the core refreshes and is asked
            core.refresh(IndexingListener.none());
            BotReply reply = ask(core, "Reka 的技术团队有多少人？");
            BotReply status = core.bot().handle(BotCommand.STATUS, new BotRequest("c", "u", Platform.CONSOLE, ""));
            BotReply sources = core.bot().handle(BotCommand.SOURCES, new BotRequest("c", "u", Platform.CONSOLE, ""));

            // THEN there is no knowledge, and status explains why
            assertThat(reply.text()).isEqualTo(Messages.noKnowledge(Language.ZH));
            assertThat(status.text()).contains("Knowledge: 0 files, 0 chunks").contains("• only.srt: line 1 should be");
            assertThat(sources.text()).isEqualTo("The knowledge folder is empty.");
        }
    }
}
