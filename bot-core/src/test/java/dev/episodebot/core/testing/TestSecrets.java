package dev.episodebot.core.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Secret-shaped values made at run time (so no token-shaped literal is committed), and leak checks. */
public final class TestSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private TestSecrets() {}

    /** {@code length} random letters and digits. */
    public static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The prefixes and suffixes of {@code secret} of {@code min} characters or more that {@code text} holds. */
    public static List<String> leakedPieces(String text, String secret, int min) {
        List<String> pieces = new ArrayList<>();
        for (int n = min; n <= secret.length(); n++) {
            for (String piece : List.of(secret.substring(0, n), secret.substring(secret.length() - n))) {
                if (text.contains(piece)) {
                    pieces.add(piece);
                }
            }
        }
        return pieces;
    }
}
