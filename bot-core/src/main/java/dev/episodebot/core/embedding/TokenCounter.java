package dev.episodebot.core.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Counts an embedding model's tokens with the model's own tokenizer (without the special tokens).
 * The tokenizer (a native library) is loaded on first use: chunking subtitles rarely needs it.
 */
public final class TokenCounter implements ToIntFunction<String>, AutoCloseable {

    static {
        optOutOfTracking();
    }

    private final EmbeddingModelSpec spec;
    private volatile HuggingFaceTokenizer tokenizer;

    /**
     * DJL "calls home" when a tokenizer is created (by us or inside langchain4j's ONNX models): it
     * queries the EC2 metadata service (169.254.169.254) and, on EC2, a telemetry URL. The bot
     * promises no network without an LLM, so this is switched off before any tokenizer exists.
     */
    static void optOutOfTracking() {
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    public TokenCounter(EmbeddingModelSpec spec) {
        this.spec = spec;
    }

    private HuggingFaceTokenizer tokenizer() {
        HuggingFaceTokenizer t = tokenizer;
        if (t == null) {
            synchronized (this) {
                t = tokenizer;
                if (t == null) {
                    t = load(spec);
                    tokenizer = t;
                }
            }
        }
        return t;
    }

    private static HuggingFaceTokenizer load(EmbeddingModelSpec spec) {
        try (InputStream in = EmbeddingModels.class.getClassLoader().getResourceAsStream(spec.tokenizerResource())) {
            if (in == null) {
                throw new IllegalStateException("tokenizer " + spec.tokenizerResource() + " is not on the classpath");
            }
            return HuggingFaceTokenizer.newInstance(in, Map.of(
                    "truncation", "false", "padding", "false", "modelMaxLength", "1000000"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int applyAsInt(String text) {
        return tokenizer().encode(text, false, false).getIds().length;
    }

    @Override
    public void close() {
        HuggingFaceTokenizer t = tokenizer;
        if (t != null) {
            t.close();
        }
    }
}
