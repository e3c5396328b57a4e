package dev.episodebot.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger (and its children) logs while open, through logback:
 * {@code try (LogCapture logs = LogCapture.of(KnowledgeLoader.class)) { ...; logs.messages() }}.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previousLevel;

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        appender.setName("test-capture-" + System.identityHashCode(this));
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures the logger of a class. */
    public static LogCapture of(Class<?> type) {
        return of(type.getName());
    }

    /** Captures a logger by name ({@code "dev.episodebot"} captures the whole project). */
    public static LogCapture of(String name) {
        return new LogCapture((Logger) LoggerFactory.getLogger(name));
    }

    /** The formatted messages logged so far, in order. */
    public List<String> messages() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The formatted messages logged at {@code level} or above. */
    public List<String> messages(Level level) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The captured events themselves. */
    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Messages plus the text of any attached exception (whole cause chain), for checks that nothing leaks. */
    public String everything() {
        StringBuilder sb = new StringBuilder();
        synchronized (appender.list) {
            for (ILoggingEvent e : appender.list) {
                sb.append(e.getFormattedMessage()).append('\n');
                if (e.getThrowableProxy() != null) {
                    // the whole chain: causes, suppressed exceptions and stack frames
                    sb.append(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previousLevel);
    }

    /** Makes the logger pass {@code level} while captured (restored on close). */
    public LogCapture atLevel(Level level) {
        logger.setLevel(level);
        return this;
    }
}
