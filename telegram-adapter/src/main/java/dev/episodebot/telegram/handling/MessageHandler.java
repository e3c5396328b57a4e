package dev.episodebot.telegram.handling;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import dev.episodebot.telegram.http.TokenMasker;
import dev.episodebot.telegram.polling.UpdateIntake;
import dev.episodebot.telegram.send.ChatTarget;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * One incoming message: if it asks the bot something, the core answers it (with "typing…" shown
 * meanwhile) and the rendered reply goes back as a reply to the message ({@link ReplyDelivery}:
 * at most the message cap, 👍/👎 under answers, "more" when there is more). The request carries the
 * user's {@code language_code} and whether the chat is private. If the core fails, the user gets
 * a short apology instead of silence. A streamed LLM answer is shown while it is written
 * ({@link StreamedMessage}), and its final reply replaces the drafts. If the shutdown interrupted the answer, nothing is sent and
 * the update is left for after the restart.
 */
public final class MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);

    private final MessageInterpreter interpreter;
    private final EpisodeBot bot;
    private final ReplyDelivery delivery;
    private final TypingIndicator typing;
    private final TokenMasker masker;

    public MessageHandler(MessageInterpreter interpreter, EpisodeBot bot, ReplyDelivery delivery,
            TypingIndicator typing, TokenMasker masker) {
        this.interpreter = interpreter;
        this.bot = bot;
        this.delivery = delivery;
        this.typing = typing;
        this.masker = masker;
    }

    /**
     * Handles {@code message}.
     *
     * @throws TelegramApiException when the reply cannot be delivered
     */
    public void handle(Message message) throws TelegramApiException {
        Optional<AddressedMessage> addressed = interpreter.interpret(message);
        if (addressed.isEmpty()) {
            log.debug("Message {} in chat {} is not for the bot.", message.getMessageId(), message.getChatId());
            return;
        }
        BotCommand command = addressed.get().command();
        String userId = TelegramIds.userId(message);
        BotRequest request = new BotRequest(TelegramIds.conversationId(message, userId), userId, Platform.TELEGRAM,
                addressed.get().text(), TelegramIds.locale(message.getFrom()), message.isUserMessage());
        ChatTarget target = new ChatTarget(message.getChatId(),
                message.isTopicMessage() ? message.getMessageThreadId() : null);
        log.debug("{} from user {} in chat {}", command, userId, message.getChatId());

        // a streamed LLM answer shows in one message, edited as it is written
        StreamedMessage streamed = command == BotCommand.ASK ? delivery.streamed(target, message.getMessageId()) : null;
        BotReply reply = answer(command, request, target, streamed);
        if (Thread.currentThread().isInterrupted()) {
            // the shutdown's grace ran out while this was answered (or queued): nothing half-done goes
            // out (a streamed draft is taken back), and the update is not marked handled, so it is
            // answered after the restart
            delivery.discard(streamed);
            throw new UpdateIntake.ShutdownCutException();
        }
        delivery.deliver(target, message.getMessageId(), reply, streamed);
    }

    private BotReply answer(BotCommand command, BotRequest request, ChatTarget target, StreamedMessage streamed) {
        TypingIndicator.Typing typingNow = command == BotCommand.ASK ? typing.start(target) : null;
        try {
            BotReply reply = streamed == null ? bot.handle(command, request) : bot.handle(command, request, streamed);
            if (reply == null) {
                throw new IllegalStateException("the core returned no reply");
            }
            return reply;
        } catch (RuntimeException e) {
            log.error("The core failed on a {} request", command, masker.redact(e));
            return apology(request);
        } finally {
            if (typingNow != null) {
                typingNow.close();
            }
        }
    }

    static BotReply apology(BotRequest request) {
        return BotReply.of(ReplyKind.ERROR, Catalog.text(request.replyLanguage(), UiText.ERROR), request.replyLanguage());
    }
}
