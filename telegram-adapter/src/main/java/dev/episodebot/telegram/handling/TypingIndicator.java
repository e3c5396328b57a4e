package dev.episodebot.telegram.handling;

import dev.episodebot.telegram.send.ChatTarget;
import dev.episodebot.telegram.send.TelegramSender;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/**
 * Shows "typing…" while an answer is prepared: once right away, then again every
 * {@code interval} (Telegram shows an action for about five seconds) until closed. Losing an
 * action is harmless, so failures are not retried.
 */
public final class TypingIndicator {

    private final TelegramSender sender;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;

    public TypingIndicator(TelegramSender sender, ScheduledExecutorService scheduler, Duration interval) {
        this.sender = sender;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    /** Starts typing in {@code target}; close the result when the answer is ready. */
    public Typing start(ChatTarget target) {
        SendChatAction action = SendChatAction.builder()
                .chatId(target.chatId())
                .messageThreadId(target.threadId())
                .action(ActionType.TYPING.toString())
                .build();
        sender.tryExecute(action);
        ScheduledFuture<?> refresh;
        try {
            refresh = scheduler.scheduleWithFixedDelay(() -> sender.tryExecute(action), interval.toMillis(),
                    interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            refresh = null;
        }
        ScheduledFuture<?> task = refresh;
        return () -> {
            if (task != null) {
                task.cancel(false);
            }
        };
    }

    /** A running typing indicator. */
    @FunctionalInterface
    public interface Typing extends AutoCloseable {
        @Override
        void close();
    }
}
