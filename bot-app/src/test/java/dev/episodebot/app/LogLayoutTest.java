package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.support.SecretRedactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Findings 8 and 12 (the console part): the app's log layout masks configured secrets also when a
 * line holds only a prefix or a suffix of one (a message cut at 160 characters) or its URL-encoded
 * form, and strips terminal escapes, BEL, NUL and bidi controls from every line.
 */
class LogLayoutTest {

    private static String render(String message) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern("%msg%n");
        layout.start();
        Logger logger = context.getLogger("test");
        return layout.doLayout(new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, null, null));
    }

    @Test
    void prefixesSuffixesAndUrlEncodedFormsOfASecretAreMasked() {
        // GIVEN a configured key that looks like no known key, registered as at start
        String key = "qz-" + UUID.randomUUID().toString().replace("-", "").substring(0, 14) + "/+"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SecretRedactor.register(SecretRedactor.fromEnv(new Env(Map.of("LLM_API_KEY", key))));

        // WHEN lines hold its first 22 characters, its last 9, and its URL-encoded form
        String line = render("401 Incorrect API key provided: " + key.substring(0, 22) + "… tail " + key.substring(key.length() - 9)
                + " url ?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));

        // THEN none is left
        assertThat(line).doesNotContain(key.substring(0, 8)).doesNotContain(key.substring(key.length() - 8))
                .doesNotContain(URLEncoder.encode(key, StandardCharsets.UTF_8).substring(0, 8)).contains("***");
    }

    @Test
    void terminalEscapesAndBidiControlsNeverReachTheConsole() {
        // WHEN a line holds a file name or LLM text with ESC/OSC sequences, BEL, NUL and a bidi override
        String line = render("Skipping knowledge file \u001B]0;owned\u0007evil\u202Etxt.exe\u0000\u001B[2J.txt");

        // THEN it prints as inert text
        assertThat(line).doesNotContain("\u001B", "\u0007", "\u0000", "\u202E").contains("evil", "txt.exe");
    }
}
