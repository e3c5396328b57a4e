package dev.episodebot.core.retrieval;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Counts an embedding model's tokens with the model's own tokenizer (without the special tokens). */
public final class TokenCounter implements ToIntFunction<String>, AutoCloseable {

    static {
        // DJL "calls home" when a tokenizer is created: it queries the EC2 metadata service
        // (169.254.169.254) and, on EC2, a telemetry URL. The bot promises no network without an LLM.
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final HuggingFaceTokenizer tokenizer;

    public TokenCounter(EmbeddingModelSpec spec) {
        try (InputStream in = EmbeddingModels.class.getClassLoader().getResourceAsStream(spec.tokenizerResource())) {
            if (in == null) {
                throw new IllegalStateException("tokenizer " + spec.tokenizerResource() + " is not on the classpath");
            }
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
                    "truncation", "false", "padding", "false", "modelMaxLength", "1000000"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int applyAsInt(String text) {
        return tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
