package dev.episodebot.telegram.handling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

class FeedbackButtonsTest {

    @Test
    void answersWithAnIdGetThumbsUpAndDown() {
        // GIVEN an answer WHEN its buttons are made THEN 👍 fb:u:<id> and 👎 fb:d:<id>
        InlineKeyboardMarkup markup = FeedbackButtons.forReply(answer("a1b2")).orElseThrow();
        assertThat(markup.getKeyboard()).hasSize(1);
        assertThat(markup.getKeyboard().get(0)).extracting(InlineKeyboardButton::getText).containsExactly("👍", "👎");
        assertThat(markup.getKeyboard().get(0)).extracting(InlineKeyboardButton::getCallbackData)
                .containsExactly("fb:u:a1b2", "fb:d:a1b2");
    }

    @Test
    void otherRepliesAndOverlongIdsGetNone() {
        // GIVEN info, refusals, answers without id, and an id too long for 64 bytes of callback data
        assertThat(FeedbackButtons.forReply(BotReply.info("help", Language.EN))).isEmpty();
        assertThat(FeedbackButtons.forReply(BotReply.refusal("slow down", Language.EN))).isEmpty();
        assertThat(FeedbackButtons.forReply(answer(null))).isEmpty();
        assertThat(FeedbackButtons.forReply(answer("x".repeat(59)))).isPresent();
        assertThat(FeedbackButtons.forReply(answer("x".repeat(60)))).isEmpty();
    }

    @Test
    void parsesItsOwnDataOnly() {
        // GIVEN / WHEN / THEN
        assertThat(FeedbackButtons.parse("fb:u:a1")).contains(new FeedbackButtons.FeedbackVote("a1", Vote.UP));
        assertThat(FeedbackButtons.parse("fb:d:a:b")).contains(new FeedbackButtons.FeedbackVote("a:b", Vote.DOWN));
        assertThat(FeedbackButtons.parse("fb:u:")).isEmpty();
        assertThat(FeedbackButtons.parse("fb:x:a1")).isEmpty();
        assertThat(FeedbackButtons.parse("other")).isEmpty();
        assertThat(FeedbackButtons.parse(null)).isEmpty();
    }

    private static BotReply answer(String id) {
        return new BotReply(id, "15", List.of(), true, Language.EN, ReplyKind.ANSWER);
    }
}
