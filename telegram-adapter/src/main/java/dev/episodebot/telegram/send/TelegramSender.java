package dev.episodebot.telegram.send;

import dev.episodebot.telegram.http.TokenMasker;
import dev.episodebot.core.render.MessagePart;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends Bot API calls through the telegrambots client. A 429 answer is retried after its
 * {@code retry_after} (up to a limit); a reply part whose HTML Telegram cannot parse is sent again
 * as plain text. Nothing else is retried: a failed send may still have been delivered.
 */
public final class TelegramSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    private static final Pattern RETRY_AFTER_TEXT = Pattern.compile("retry after (\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final TelegramClient client;
    private final TokenMasker masker;
    private final int maxAttempts;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    public TelegramSender(TelegramClient client, TokenMasker masker, int maxAttempts, Duration maxRetryAfter,
            Sleeper sleeper) {
        this.client = client;
        this.masker = masker;
        this.maxAttempts = maxAttempts;
        this.maxRetryAfter = maxRetryAfter;
        this.sleeper = sleeper;
    }

    /**
     * Sends a reply's parts in order: the first replies to {@code replyToMessageId} (if any), the last
     * carries {@code lastPartMarkup} (if any).
     *
     * @return the sent messages
     */
    public List<Message> sendReply(ChatTarget target, Integer replyToMessageId, List<MessagePart> parts,
            InlineKeyboardMarkup lastPartMarkup) throws TelegramApiException {
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Integer replyTo = i == 0 ? replyToMessageId : null;
            InlineKeyboardMarkup markup = i == parts.size() - 1 ? lastPartMarkup : null;
            sent.add(sendPart(target, replyTo, parts.get(i), markup));
        }
        return sent;
    }

    /** Sends one part as HTML, or as plain text when Telegram rejects the HTML. */
    public Message sendPart(ChatTarget target, Integer replyToMessageId, MessagePart part,
            InlineKeyboardMarkup markup) throws TelegramApiException {
        try {
            return execute(message(target, replyToMessageId, part.markup(), ParseMode.HTML, markup));
        } catch (TelegramApiRequestException e) {
            if (!isEntityError(e)) {
                throw e;
            }
            log.warn("Telegram could not parse the HTML of a reply ({}); sending it as plain text.",
                    masker.mask(e.getApiResponse()));
            return execute(message(target, replyToMessageId, part.plain(), null, markup));
        }
    }

    /**
     * Replaces the text (and buttons) of the bot's message {@code messageId} with {@code part}, as
     * HTML or, when Telegram rejects the HTML, as plain text; waits out 429s when {@code wait429}.
     * Telegram's "message is not modified" (the same content again) counts as done.
     *
     * @throws TelegramApiException when the edit is refused (or rate-limited, without {@code wait429})
     */
    public void editPart(ChatTarget target, int messageId, MessagePart part, InlineKeyboardMarkup markup,
            boolean wait429) throws TelegramApiException {
        try {
            editOnce(edit(target, messageId, part.markup(), ParseMode.HTML, markup), wait429);
        } catch (TelegramApiRequestException e) {
            if (!isEntityError(e)) {
                throw e;
            }
            log.warn("Telegram could not parse the HTML of an edit ({}); sending it as plain text.",
                    masker.mask(e.getApiResponse()));
            editOnce(edit(target, messageId, part.plain(), null, markup), wait429);
        }
    }

    private void editOnce(EditMessageText edit, boolean wait429) throws TelegramApiException {
        try {
            if (wait429) {
                execute(edit);
            } else {
                client.execute(edit);
            }
        } catch (TelegramApiRequestException e) {
            if (!isNotModified(e)) {
                throw e;
            }
        }
    }

    /** Sends one part as HTML (plain text when the HTML is rejected), once: a 429 is thrown, not waited out. */
    public Message sendPartOnce(ChatTarget target, Integer replyToMessageId, MessagePart part)
            throws TelegramApiException {
        try {
            return client.execute(message(target, replyToMessageId, part.markup(), ParseMode.HTML, null));
        } catch (TelegramApiRequestException e) {
            if (!isEntityError(e)) {
                throw e;
            }
            return client.execute(message(target, replyToMessageId, part.plain(), null, null));
        }
    }

    private static EditMessageText edit(ChatTarget target, int messageId, String text, String parseMode,
            InlineKeyboardMarkup markup) {
        return EditMessageText.builder()
                .chatId(target.chatId())
                .messageId(messageId)
                .text(text)
                .parseMode(parseMode)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(markup)
                .build();
    }

    /**
     * Executes a call, waiting out 429 answers.
     *
     * @throws TelegramApiException when Telegram refuses the call, it cannot be sent, or 429s persist
     */
    public <T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                Duration wait = retryAfter(e);
                if (wait == null || attempt >= maxAttempts) {
                    throw e;
                }
                if (wait.compareTo(maxRetryAfter) > 0) {
                    log.warn("Telegram asks to wait {} s before {}; that is longer than {} s, giving up.",
                            wait.toSeconds(), method.getMethod(), maxRetryAfter.toSeconds());
                    throw e;
                }
                log.info("Telegram rate-limited {} (429); retrying in {} s.", method.getMethod(), wait.toSeconds());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new TelegramApiException("Interrupted while waiting to retry " + method.getMethod());
                }
            }
        }
    }

    /** Executes a call once, for things that may be lost (chat actions); failures are logged at debug. */
    public boolean tryExecute(BotApiMethod<? extends Serializable> method) {
        try {
            client.execute(method);
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("{} failed: {}", method.getMethod(), masker.describe(e));
            return false;
        }
    }

    private static SendMessage message(ChatTarget target, Integer replyToMessageId, String text, String parseMode,
            InlineKeyboardMarkup markup) {
        SendMessage message = SendMessage.builder()
                .chatId(target.chatId())
                .text(text)
                .parseMode(parseMode)
                .messageThreadId(target.threadId())
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(markup)
                .build();
        if (replyToMessageId != null) {
            message.setReplyParameters(ReplyParameters.builder()
                    .messageId(replyToMessageId)
                    .allowSendingWithoutReply(true)
                    .build());
        }
        return message;
    }

    /** The wait a 429 asks for, or null when {@code e} is not a 429. */
    public static Duration retryAfter(TelegramApiRequestException e) {
        if (e.getErrorCode() == null || e.getErrorCode() != 429) {
            return null;
        }
        if (e.getParameters() != null && e.getParameters().getRetryAfter() != null) {
            return Duration.ofSeconds(Math.max(0, e.getParameters().getRetryAfter()));
        }
        Matcher m = RETRY_AFTER_TEXT.matcher(String.valueOf(e.getApiResponse()));
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : DEFAULT_RETRY_AFTER;
    }

    /** Whether Telegram refused an edit because the message already shows that content. */
    static boolean isNotModified(TelegramApiRequestException e) {
        return e.getErrorCode() != null && e.getErrorCode() == 400 && e.getApiResponse() != null
                && e.getApiResponse().toLowerCase(Locale.ROOT).contains("message is not modified");
    }

    /** Whether Telegram refused the message because of its markup. */
    static boolean isEntityError(TelegramApiRequestException e) {
        return e.getErrorCode() != null && e.getErrorCode() == 400 && e.getApiResponse() != null
                && e.getApiResponse().toLowerCase(Locale.ROOT).contains("can't parse entities");
    }
}
