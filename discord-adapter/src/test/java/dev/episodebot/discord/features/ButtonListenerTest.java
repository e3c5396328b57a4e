package dev.episodebot.discord.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Platform;
import dev.episodebot.core.Vote;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import org.junit.jupiter.api.Test;

/** {@link ButtonListener} with mocked button events. */
class ButtonListenerTest {

    private static final String USER = "222222222222222222";

    private final List<String> votes = new CopyOnWriteArrayList<>();

    private ButtonListener listener(boolean known) {
        FeedbackRecorder recorder = (replyId, platform, userId, vote) -> {
            votes.add(replyId + " " + platform + " " + userId + " " + vote);
            return known;
        };
        return new ButtonListener(recorder, null);
    }

    private static ButtonInteractionEvent click(String buttonId, DiscordLocale locale, ReplyCallbackAction reply) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        when(event.getComponentId()).thenReturn(buttonId);
        var user = JdaMocks.user(USER, false);
        when(event.getUser()).thenReturn(user);
        when(event.getUserLocale()).thenReturn(locale);
        when(event.reply(anyString())).thenReturn(reply);
        when(reply.setEphemeral(true)).thenReturn(reply);
        return event;
    }

    @Test
    void recordsTheVoteAndThanksPrivately() {
        // GIVEN a 👎 click by a user with a Chinese client
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        ButtonInteractionEvent event = click("fb:d:answer-7", DiscordLocale.CHINESE_CHINA, reply);

        // WHEN the listener handles it
        listener(true).onButtonInteraction(event);

        // THEN the vote goes to the core's feedback API and the click is acknowledged with an ephemeral thanks
        assertThat(votes).containsExactly("answer-7 " + Platform.DISCORD + " " + USER + " " + Vote.DOWN);
        verify(event).reply("感谢反馈！");
        verify(reply).setEphemeral(true);
    }

    @Test
    void saysSoWhenTheAnswerIsUnknown() {
        // GIVEN a 👍 on an answer the core no longer knows
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        ButtonInteractionEvent event = click("fb:u:old", DiscordLocale.ENGLISH_US, reply);

        // WHEN the listener handles it
        listener(false).onButtonInteraction(event);

        // THEN the user is told, privately
        verify(event).reply("Sorry, this answer can no longer be rated.");
        verify(reply).setEphemeral(true);
    }

    @Test
    void leavesOtherButtonsAlone() {
        // GIVEN a click on a button that is not a feedback button
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        ButtonInteractionEvent event = click("something-else", DiscordLocale.ENGLISH_US, reply);

        // WHEN the listener handles it
        listener(true).onButtonInteraction(event);

        // THEN nothing is recorded or acknowledged
        assertThat(votes).isEmpty();
        verify(event, never()).reply(anyString());
    }
}
