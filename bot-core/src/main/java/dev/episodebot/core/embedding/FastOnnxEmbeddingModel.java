package dev.episodebot.core.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same in-process ONNX models as langchain4j's {@code BgeSmallZhV15EmbeddingModel} and
 * {@code AllMiniLmL6V2EmbeddingModel} (same ONNX file, tokenizer, pooling and normalisation, so
 * the same vectors and a still valid embedding cache), loaded fast:
 * <ul>
 * <li>the ONNX file is copied out of the jar into {@code CACHE_DIR/models} once (the copy is checked
 * against the jar entry's CRC-32), and ONNX Runtime saves its optimised graph there on that first
 * load, with a check file ({@link ModelFileCheck}) naming the model, its source and its checksum;</li>
 * <li>later loads read the optimised graph from the file with graph optimisation off, which
 * skips both the 95 MB read from the jar and the optimisation passes;</li>
 * <li>each inference runs on one ONNX Runtime thread ({@code intraOpThreads}); parallelism comes
 * from the executor for batches and from the callers' own threads for queries, so concurrent
 * questions do not fight over one intra-op thread pool.</li>
 * </ul>
 * The result is still a langchain4j {@code EmbeddingModel} ({@link AbstractInProcessEmbeddingModel}).
 */
public final class FastOnnxEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private static final Logger log = LoggerFactory.getLogger(FastOnnxEmbeddingModel.class);

    /** What a model is made of, and how langchain4j pools it. */
    record ModelFiles(String onnxResource, String tokenizerResource, PoolingMode pooling, int dimension) {}

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private FastOnnxEmbeddingModel(Executor executor, OnnxBertBiEncoder encoder, int dimension) {
        super(executor);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    /** The files and pooling langchain4j uses for a model (see its {@code *EmbeddingModel} classes). */
    static ModelFiles filesOf(EmbeddingModelSpec spec) {
        if (spec.equals(EmbeddingModelSpec.BGE_SMALL_ZH_V15)) {
            return new ModelFiles("bge-small-zh-v1.5.onnx", "bge-small-zh-v1.5-tokenizer.json", PoolingMode.CLS, 512);
        }
        if (spec.equals(EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q)) {
            return new ModelFiles("bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json", PoolingMode.CLS, 512);
        }
        if (spec.equals(EmbeddingModelSpec.ALL_MINILM_L6_V2)) {
            return new ModelFiles("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN, 384);
        }
        if (spec.equals(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q)) {
            return new ModelFiles("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384);
        }
        throw new IllegalArgumentException("unknown embedding model " + spec.id());
    }

    /**
     * Loads a model through {@code modelDir} (created when missing). The optimised graph is used only
     * when its check file names this model and the jar resource it was made from, and the file's
     * size and CRC-32 match; anything else (a damaged file, a new jar) is extracted and optimised
     * again, with one log line.
     *
     * @param executor runs batch embedding in parallel
     * @param intraOpThreads ONNX Runtime threads per inference (1 scales best across concurrent callers)
     */
    public static FastOnnxEmbeddingModel load(EmbeddingModelSpec spec, Path modelDir, Executor executor,
            int intraOpThreads) {
        ModelFiles files = filesOf(spec);
        try {
            Files.createDirectories(modelDir);
            ClassLoader loader = FastOnnxEmbeddingModel.class.getClassLoader();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            long resourceCrc = ModelFileCheck.resourceCrc(loader, files.onnxResource());
            // a new ONNX file (langchain4j upgrade), ONNX Runtime or CPU architecture gets its own optimised file
            String tag = Long.toHexString(resourceCrc) + "-ort" + env.getVersion().replaceAll("[^0-9A-Za-z.]", "")
                    + "-" + System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
            Path optimised = modelDir.resolve(spec.id() + "-" + tag + ".optimized.onnx");
            ModelFileCheck check = new ModelFileCheck(optimised, spec.id(), resourceCrc);
            OrtSession session = null;
            if (check.holds()) {
                try {
                    session = env.createSession(optimised.toString(), options(intraOpThreads, null));
                } catch (OrtException e) {
                    log.warn("Could not load the optimised model {} ({}); optimising again", optimised.getFileName(),
                            e.getMessage());
                }
            } else if (Files.exists(optimised)) {
                log.warn("The optimised model {} failed its check; extracting and optimising it again",
                        optimised.getFileName());
            }
            if (session == null) {
                check.delete();
                Path onnx = extract(loader, files.onnxResource(), modelDir.resolve(spec.id() + ".onnx"), resourceCrc);
                Path temp = optimised.resolveSibling(optimised.getFileName() + ".tmp");
                session = env.createSession(onnx.toString(), options(intraOpThreads, temp));
                Files.move(temp, optimised, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(onnx);
                check.write();
                log.info("Saved the optimised {} model to {}", spec.displayName(), optimised);
            }
            try (InputStream tokenizer = loader.getResourceAsStream(files.tokenizerResource())) {
                if (tokenizer == null) {
                    throw new IllegalStateException(files.tokenizerResource() + " is not on the classpath");
                }
                OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session, tokenizer, files.pooling());
                return new FastOnnxEmbeddingModel(executor, encoder, files.dimension());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + spec.displayName() + ": " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions options(int intraOpThreads, Path saveOptimisedTo) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Math.max(1, intraOpThreads));
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        if (saveOptimisedTo != null) {
            // EXTENDED: every graph rewrite that helps a BERT encoder on CPU, and nothing
            // hardware-specific, so the saved graph is safe to load again with optimisation off
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            options.setOptimizedModelFilePath(saveOptimisedTo.toString());
        } else {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
        }
        return options;
    }

    /** Copies the resource out of the jar and checks that the copy has the resource's CRC-32. */
    private static Path extract(ClassLoader loader, String resource, Path target, long expectedCrc) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            Path temp = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            if (ModelFileCheck.crc(temp) != expectedCrc) {
                Files.deleteIfExists(temp);
                throw new IOException("the copy of " + resource + " does not match the jar's checksum");
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }
}
