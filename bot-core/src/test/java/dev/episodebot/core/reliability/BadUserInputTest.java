package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.BadInputs;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile or broken input gets a clear reply from the core: never an exception, never an
 * empty text, never the input echoed back (so nothing in a reply can ping or break markup), and
 * the core keeps answering afterwards.
 */
class BadUserInputTest {

    @TempDir
    static Path temp;

    private static BotCore core;

    @BeforeAll
    static void startCore() throws Exception {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(temp));
        core = TestCores.hashing(temp, Map.of("RATE_LIMIT_PER_MINUTE", "10000"));
        core.refresh(IndexingListener.none());
    }

    @AfterAll
    static void stopCore() {
        core.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsAClearReplyForEveryCommand() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BadInputs.BadInput input : BadInputs.all()) {
            tests.add(dynamicTest(input.label(), () -> {
                for (BotCommand command : new BotCommand[] {BotCommand.ASK, BotCommand.HELP, BotCommand.SOURCES,
                        BotCommand.NEW, BotCommand.RELOAD}) {
                    // WHEN a user sends the input as this command
                    BotReply reply = core.bot().handle(command,
                            new BotRequest("conv-" + input.label(), "42", Platform.TELEGRAM, input.text()));
                    // THEN there is a clear reply that does not echo the input
                    assertThat(reply).isNotNull();
                    assertThat(reply.text()).isNotBlank();
                    assertThat(reply.text()).doesNotContain("@everyone", "@here", "<@&", "<script", "${jndi");
                    if (input.text().strip().length() >= 12) {
                        assertThat(reply.text()).doesNotContain(input.text().strip());
                    }
                    assertThat(reply.text().chars().filter(c -> c == 0 || c == 0x202E).count()).isZero();
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(200);
        return tests.stream();
    }

    @Test
    void theCoreStillAnswersAfterTheFlood() {
        // GIVEN every bad input was sent once more as a question
        for (BadInputs.BadInput input : BadInputs.all()) {
            core.bot().handle(BotCommand.ASK, new BotRequest("flood", "43", Platform.DISCORD, input.text()));
        }
        // WHEN a normal question follows THEN it is answered from the episode
        BotReply reply = core.bot().handle(BotCommand.ASK,
                new BotRequest("normal", "44", Platform.DISCORD, "Reka 的技术团队有多少人？"));
        assertThat(reply.grounded()).isTrue();
        assertThat(reply.text()).contains("15");
    }

    @Test
    void injectionsDoNotRevealConfigurationOrPrompts() {
        for (BadInputs.BadInput input : BadInputs.all()) {
            if (!input.label().startsWith("injection")) {
                continue;
            }
            BotReply reply = core.bot().handle(BotCommand.ASK, new BotRequest("inj", "45", Platform.TELEGRAM, input.text()));
            assertThat(reply.text()).doesNotContainIgnoringCase("system prompt")
                    .doesNotContain("LLM_API_KEY", "CACHE_DIR", "Rules:", "NOT_IN_EPISODE", "999");
        }
    }
}
