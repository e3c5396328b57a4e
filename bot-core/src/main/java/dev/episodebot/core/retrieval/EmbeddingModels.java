package dev.episodebot.core.retrieval;

import dev.episodebot.core.Language;
import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses and creates the in-process embedding model. */
public final class EmbeddingModels {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingModels.class);

    static {
        TokenCounter.optOutOfTracking();
    }

    private EmbeddingModels() {}

    /**
     * Loads ONNX Runtime's native library and environment now (a start-up task that can run beside
     * others); any real problem is reported later, by the model load.
     */
    public static void loadNativeRuntime() {
        try {
            ai.onnxruntime.OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            // reported by the model load
        }
    }

    /**
     * The model for a choice; {@code auto} picks bge-small-zh-v1.5 when at least 30% of the
     * knowledge's letters are CJK ideographs, all-MiniLM-L6-v2 otherwise.
     */
    public static EmbeddingModelSpec choose(EmbeddingModelChoice choice, CharSequence knowledgeSample) {
        return switch (choice) {
            case MINILM -> EmbeddingModelSpec.ALL_MINILM_L6_V2;
            case BGE_SMALL_ZH -> EmbeddingModelSpec.BGE_SMALL_ZH_V15;
            case AUTO -> cjkShare(knowledgeSample) >= 0.3
                    ? EmbeddingModelSpec.BGE_SMALL_ZH_V15
                    : EmbeddingModelSpec.ALL_MINILM_L6_V2;
        };
    }

    /** The share of letters that are CJK ideographs (0 when there are no letters). */
    public static double cjkShare(CharSequence text) {
        long cjk = 0;
        long letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Language.isCjk(c)) {
                    cjk++;
                }
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }

    /**
     * Loads the model fast through {@code modelDir} ({@link FastOnnxEmbeddingModel}: same vectors as
     * langchain4j's stock classes); falls back to the stock class when that fails or {@code modelDir}
     * is null. {@code executor} runs the batch embedding in parallel.
     */
    public static EmbeddingModel create(EmbeddingModelSpec spec, Executor executor, java.nio.file.Path modelDir) {
        if (modelDir != null) {
            long started = System.nanoTime();
            try {
                EmbeddingModel model = FastOnnxEmbeddingModel.load(spec, modelDir, executor, 1);
                log.info("Loaded {} in {} ms", spec.displayName(), (System.nanoTime() - started) / 1_000_000);
                return model;
            } catch (RuntimeException e) {
                log.warn("Fast loading of {} failed ({}); loading it from the jar", spec.displayName(), e.toString());
            }
        }
        return create(spec, executor);
    }

    /** Loads the model with langchain4j's stock class; {@code executor} runs the batch embedding in parallel. */
    public static EmbeddingModel create(EmbeddingModelSpec spec, Executor executor) {
        if (spec.equals(EmbeddingModelSpec.BGE_SMALL_ZH_V15)) {
            return new BgeSmallZhV15EmbeddingModel(executor);
        }
        if (spec.equals(EmbeddingModelSpec.ALL_MINILM_L6_V2)) {
            return new AllMiniLmL6V2EmbeddingModel(executor);
        }
        throw new IllegalArgumentException("unknown embedding model " + spec.id());
    }
}
