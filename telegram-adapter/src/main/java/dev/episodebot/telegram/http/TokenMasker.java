package dev.episodebot.telegram.http;

import dev.episodebot.core.support.SecretRedactor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Masks the bot token in text and exceptions. The token is part of every Bot API URL
 * ({@code /bot<token>/sendmessage}), so OkHttp and telegrambots exceptions may carry it; every
 * exception this module logs goes through {@link #redact(Throwable)} first. The forms of the token are
 * {@link SecretRedactor#formsOf}; unlike the core's redactor this masks a token of any length.
 */
public final class TokenMasker {

    /** What a masked token looks like in logs. */
    public static final String MASK = "<bot-token>";

    private static final int MAX_CAUSES = 16;

    private final List<String> secrets;

    public TokenMasker(String token) {
        List<String> forms = new ArrayList<>(token == null || token.isEmpty() ? List.of() : SecretRedactor.formsOf(token));
        // longest first, so the whole token is masked before its secret part
        forms.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.secrets = List.copyOf(forms);
    }

    /** {@code text} with every form of the token replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** Whether {@code text} contains the token in any form. */
    public boolean containsToken(String text) {
        return text != null && secrets.stream().anyMatch(text::contains);
    }

    /**
     * A stand-in for {@code error} that is safe to log: class names, messages (masked) and stack
     * traces of the exception and its causes, nothing else. Null stays null.
     */
    public RedactedException redact(Throwable error) {
        if (error == null) {
            return null;
        }
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && chain.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        RedactedException redacted = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            redacted = new RedactedException(describe(t), t.getStackTrace(), redacted);
        }
        return redacted;
    }

    /** An {@link IOException} with the same meaning and a masked message, for code that must rethrow I/O failures. */
    public IOException redactIo(IOException error) {
        IOException masked = new IOException(describe(error), redact(error.getCause()));
        masked.setStackTrace(error.getStackTrace());
        return masked;
    }

    /** {@code ClassName: message} with the token masked. */
    public String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getName() + (message == null ? "" : ": " + mask(message));
    }
}
