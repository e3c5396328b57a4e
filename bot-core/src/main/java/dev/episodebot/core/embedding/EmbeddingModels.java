package dev.episodebot.core.embedding;

import dev.episodebot.core.Language;
import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
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
     * The Chinese model {@code auto} picks for mostly-CJK knowledge: bge-small-zh-v1.5's int8 twin,
     * whose recall@3 is not lower than the full model's on the dev, extra and held-out questions
     * (README, "Embedding models"), and which embeds faster.
     */
    public static final EmbeddingModelSpec AUTO_CHINESE = EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q;
    /** The model {@code auto} picks for other knowledge. */
    public static final EmbeddingModelSpec AUTO_OTHER = EmbeddingModelSpec.ALL_MINILM_L6_V2_Q;

    /**
     * How much higher a model's question-to-line cosines run than the full bge-small-zh-v1.5's, for
     * thresholds calibrated on that model: measured as the mean difference of each question's best
     * line cosine over the dev and extra questions (int8 bge: +0.008 and +0.010), never per question.
     */
    public static double cosineShift(EmbeddingModelSpec spec) {
        return spec.equals(EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q) ? 0.01 : 0;
    }

    /** The model for a choice; {@code auto} follows the knowledge's language. */
    public static EmbeddingModelSpec choose(EmbeddingModelChoice choice, Language knowledgeLanguage) {
        return switch (choice) {
            case MINILM -> EmbeddingModelSpec.ALL_MINILM_L6_V2;
            case MINILM_Q -> EmbeddingModelSpec.ALL_MINILM_L6_V2_Q;
            case BGE_SMALL_ZH -> EmbeddingModelSpec.BGE_SMALL_ZH_V15;
            case BGE_SMALL_ZH_Q -> EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q;
            case AUTO -> knowledgeLanguage == Language.ZH ? AUTO_CHINESE : AUTO_OTHER;
        };
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
        if (spec.equals(EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q)) {
            return new BgeSmallZhV15QuantizedEmbeddingModel(executor);
        }
        if (spec.equals(EmbeddingModelSpec.ALL_MINILM_L6_V2)) {
            return new AllMiniLmL6V2EmbeddingModel(executor);
        }
        if (spec.equals(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q)) {
            return new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
        }
        throw new IllegalArgumentException("unknown embedding model " + spec.id());
    }
}
