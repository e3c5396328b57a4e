package dev.episodebot.telegram;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps every log event as text (message and stack trace) for assertions. */
public final class CapturingAppender extends AppenderBase<ILoggingEvent> {

    private static final ConcurrentLinkedQueue<String> EVENTS = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                + event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        EVENTS.add(text.toString());
    }

    /** Everything logged so far. */
    public static List<String> events() {
        return List.copyOf(EVENTS);
    }

    /** Forgets what was logged. */
    public static void clear() {
        EVENTS.clear();
    }
}
