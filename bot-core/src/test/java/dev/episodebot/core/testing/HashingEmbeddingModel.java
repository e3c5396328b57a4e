package dev.episodebot.core.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast, deterministic stand-in for an in-process embedding model: character unigrams and bigrams
 * hashed into {@code dimension} buckets, L2-normalised. Texts sharing words get high cosine
 * similarity, unrelated texts low. It counts every text it embeds, so tests can assert what was
 * (not) re-embedded. The query instruction prefix of bge is ignored.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {

    private static final String BGE_PREFIX = "为这个句子生成表示以用于检索相关文章：";

    private final int dimension;
    private final AtomicInteger embedded = new AtomicInteger();

    public HashingEmbeddingModel(int dimension) {
        this.dimension = dimension;
    }

    /** How many texts went through the model so far. */
    public int embeddedTexts() {
        return embedded.get();
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> result = new ArrayList<>(segments.size());
        for (TextSegment segment : segments) {
            embedded.incrementAndGet();
            result.add(Embedding.from(vector(segment.text())));
        }
        return Response.from(result);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    float[] vector(String raw) {
        String text = raw.startsWith(BGE_PREFIX) ? raw.substring(BGE_PREFIX.length()) : raw;
        text = text.toLowerCase(java.util.Locale.ROOT);
        float[] v = new float[dimension];
        int previous = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                previous = -1;
                continue;
            }
            v[Math.floorMod(c * 31, dimension)] += 0.5f;
            if (previous >= 0) {
                v[Math.floorMod(previous * 7919 + c, dimension)] += 1f;
            }
            previous = c;
        }
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
