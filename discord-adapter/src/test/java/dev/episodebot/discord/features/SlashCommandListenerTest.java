package dev.episodebot.discord.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.config.AdminList;
import dev.episodebot.discord.render.ReplyRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** {@link SlashCommandListener} with mocked JDA events and a stub core. */
class SlashCommandListenerTest {

    private static final String USER = "222222222222222222";
    private static final String ADMIN = "111111111111111111";

    private final List<BotRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> coreThreads = new CopyOnWriteArrayList<>();
    private final AnswerExecutor executor = new AnswerExecutor("test-answer", 2, 8);

    private SlashCommandListener listener(EpisodeBot core) {
        EpisodeBot recording = (command, request) -> {
            requests.add(request);
            coreThreads.add(Thread.currentThread().getName());
            return core.handle(command, request);
        };
        return new SlashCommandListener(new Answerer(recording, executor, new ReplyRenderer()));
    }

    private void awaitAnswers() {
        assertThat(executor.close(Duration.ofSeconds(5))).isTrue();
    }

    private static BotReply answer(String text) {
        return new BotReply("r-1", text, List.of(), true, Language.EN, ReplyKind.ANSWER);
    }

    @Test
    void defersFirstThenAnswersThroughTheHookOffTheEventThread() {
        // GIVEN a user running /ask in a server channel
        JdaMocks.Slash slash = new JdaMocks.Slash("ask", "How big is the team?", USER, ChannelType.TEXT,
                JdaMocks.CHANNEL_ID);

        // WHEN the listener handles it
        listener((command, request) -> answer("About 15 people.")).onSlashCommandInteraction(slash.event);
        awaitAnswers();

        // THEN the interaction is deferred (in public) before anything is sent, then the original response is edited
        InOrder order = inOrder(slash.event, slash.deferral, slash.hook);
        order.verify(slash.event).deferReply(false);
        order.verify(slash.deferral).queue(any(), any());
        order.verify(slash.hook).editOriginal(any(MessageEditData.class));
        verify(slash.event, never()).reply(any(String.class));
        ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
        verify(slash.hook).editOriginal(edit.capture());
        assertThat(edit.getValue().getContent()).isEqualTo("About 15 people.");
        verify(slash.hook, never()).sendMessage(any(MessageCreateData.class));

        // AND the core got the question, the user's numeric id and a per-user channel conversation, on a worker
        assertThat(requests).containsExactly(new BotRequest(JdaMocks.CHANNEL_ID + ":" + USER, USER, Platform.DISCORD,
                "How big is the team?", "en-US", false));
        assertThat(coreThreads).allSatisfy(name -> assertThat(name).startsWith("test-answer-"));
    }

    @Test
    void splitsLongAnswersIntoFollowUpsUnder2000Characters() {
        // GIVEN an answer of 4,500 characters in paragraphs
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 4_500; i++) {
            text.append("Paragraph ").append(i).append(": ").append("word ".repeat(40).strip()).append("\n\n");
        }
        String longAnswer = text.toString().strip();
        JdaMocks.Slash slash = new JdaMocks.Slash("ask", "Tell me everything", USER, ChannelType.TEXT,
                JdaMocks.CHANNEL_ID);

        // WHEN it is sent
        listener((command, request) -> answer(longAnswer)).onSlashCommandInteraction(slash.event);
        awaitAnswers();

        // THEN the first part edits the original response and the rest follow in order, each under 2000 characters
        ArgumentCaptor<MessageEditData> first = ArgumentCaptor.forClass(MessageEditData.class);
        verify(slash.hook).editOriginal(first.capture());
        ArgumentCaptor<MessageCreateData> followUps = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(slash.hook, times(2)).sendMessage(followUps.capture());
        List<String> parts = new ArrayList<>();
        parts.add(first.getValue().getContent());
        followUps.getAllValues().forEach(m -> parts.add(m.getContent()));
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(2000).isPositive());
        assertThat(String.join("\n\n", parts)).isEqualTo(longAnswer);

        // AND the feedback buttons come once, under the last part, and no embed repeats anything
        assertThat(first.getValue().getEmbeds()).isEmpty();
        assertThat(first.getValue().getComponents()).isEmpty();
        MessageCreateData last = followUps.getAllValues().get(1);
        assertThat(last.getEmbeds()).isEmpty();
        assertThat(last.getComponents()).hasSize(1);
    }

    @Test
    void allowsNoMentionsEvenWhenTheAnswerContainsThem() {
        // GIVEN an answer that contains @everyone, a role and a user mention
        JdaMocks.Slash slash = new JdaMocks.Slash("ask", "Who?", USER, ChannelType.TEXT, JdaMocks.CHANNEL_ID);
        String pinging = "@everyone @here <@&123456789012345678> <@123456789012345678> look at **this**";

        // WHEN it is sent
        listener((command, request) -> answer(pinging)).onSlashCommandInteraction(slash.event);
        awaitAnswers();

        // THEN the message allows no mentions at all, and the Markdown is escaped
        ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
        verify(slash.hook).editOriginal(edit.capture());
        assertThat(edit.getValue().getAllowedMentions()).isEmpty();
        assertThat(edit.getValue().getMentionedUsers()).isEmpty();
        assertThat(edit.getValue().getMentionedRoles()).isEmpty();
        assertThat(edit.getValue().toData().getObject("allowed_mentions").getArray("parse").length()).isZero();
        assertThat(edit.getValue().getContent()).endsWith("look at \\*\\*this\\*\\*");
    }

    @Test
    void refusesReloadForNonAdminsWhateverTheirServerPermissions() {
        // GIVEN a core that allows /reload to BOT_ADMINS=discord:<admin> only (as the real core does)
        AdminList admins = AdminList.parse("BOT_ADMINS", "discord:" + ADMIN);
        List<String> reloads = new CopyOnWriteArrayList<>();
        EpisodeBot core = (command, request) -> {
            if (command == BotCommand.RELOAD && !admins.isAdmin(request)) {
                return BotReply.refusal("Only admins can reload.", Language.EN);
            }
            reloads.add(request.userId());
            return BotReply.info("Reloaded.", Language.EN);
        };
        SlashCommandListener listener = listener(core);
        // (the server may well let this user see and run /reload: the adapter does not look at server permissions)
        JdaMocks.Slash byUser = new JdaMocks.Slash("reload", null, USER, ChannelType.TEXT, JdaMocks.CHANNEL_ID);
        JdaMocks.Slash byAdmin = new JdaMocks.Slash("reload", null, ADMIN, ChannelType.TEXT, JdaMocks.CHANNEL_ID);

        // WHEN a non-admin and then an admin run /reload
        listener.onSlashCommandInteraction(byUser.event);
        listener.onSlashCommandInteraction(byAdmin.event);
        awaitAnswers();

        // THEN the non-admin gets the core's refusal, privately and without feedback buttons; only the admin reloads
        verify(byUser.event).deferReply(true);
        ArgumentCaptor<MessageEditData> refusal = ArgumentCaptor.forClass(MessageEditData.class);
        verify(byUser.hook).editOriginal(refusal.capture());
        assertThat(refusal.getValue().getContent()).isEqualTo("Only admins can reload.");
        assertThat(refusal.getValue().getComponents()).isEmpty();
        assertThat(reloads).containsExactly(ADMIN);
        assertThat(requests).extracting(BotRequest::qualifiedUserId).containsExactly("discord:" + USER, "discord:" + ADMIN);
    }

    @Test
    void usesTheThreadOrDmAsTheConversation() {
        // GIVEN /new run in a thread and /help in a DM
        JdaMocks.Slash inThread = new JdaMocks.Slash("new", null, USER, ChannelType.GUILD_PUBLIC_THREAD,
                JdaMocks.THREAD_ID);
        JdaMocks.Slash inDm = new JdaMocks.Slash("help", null, USER, ChannelType.PRIVATE, "970000000000000001");
        SlashCommandListener listener = listener((command, request) -> BotReply.info("ok", Language.EN));

        // WHEN they are handled
        listener.onSlashCommandInteraction(inThread.event);
        listener.onSlashCommandInteraction(inDm.event);
        awaitAnswers();

        // THEN the thread's and the DM's ids are the conversations
        assertThat(requests).extracting(BotRequest::conversationId)
                .containsExactly(JdaMocks.THREAD_ID, "970000000000000001");
    }

    @Test
    void tellsTheUserWhenTheAnswerQueueIsClosed() {
        // GIVEN an adapter that is shutting down
        executor.close(Duration.ofSeconds(1));
        JdaMocks.Slash slash = new JdaMocks.Slash("ask", "Still there?", USER, ChannelType.TEXT, JdaMocks.CHANNEL_ID);

        // WHEN a command comes in
        listener((command, request) -> answer("never")).onSlashCommandInteraction(slash.event);

        // THEN it is still deferred, the core is not asked, and the user is told the bot is busy
        verify(slash.event).deferReply(anyBoolean());
        ArgumentCaptor<MessageEditData> notice = ArgumentCaptor.forClass(MessageEditData.class);
        verify(slash.hook).editOriginal(notice.capture());
        assertThat(notice.getValue().getContent()).contains("ask again in a minute");
        assertThat(requests).isEmpty();
    }
}
