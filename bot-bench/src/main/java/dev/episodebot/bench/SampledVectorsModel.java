package dev.episodebot.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * For a large bench corpus (N ≥ 5,000), where embedding every chunk would take hours: the first
 * {@code sampleSize} chunk texts of a build are embedded by the real model; every later text gets a
 * vector made from that sample, deterministic per text: a normalised mix of two sample vectors
 * (weights from the text's hash) plus a little Gaussian noise, so that the index holds as many
 * distinct, realistically distributed vectors as it has chunks. Single texts (queries) go to the
 * real model.
 */
final class SampledVectorsModel implements EmbeddingModel {

    private static final double NOISE = 0.02;

    private final EmbeddingModel real;
    private final int sampleSize;
    private final List<float[]> sample = new ArrayList<>();

    SampledVectorsModel(EmbeddingModel real, int sampleSize) {
        this.real = real;
        this.sampleSize = sampleSize;
    }

    @Override
    public synchronized Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> result = new ArrayList<>(segments.size());
        int fromModel = Math.min(segments.size(), Math.max(0, sampleSize - sample.size()));
        if (fromModel > 0) {
            for (Embedding e : real.embedAll(segments.subList(0, fromModel)).content()) {
                sample.add(e.vector());
                result.add(e);
            }
        }
        for (TextSegment segment : segments.subList(fromModel, segments.size())) {
            result.add(Embedding.from(synthetic(segment.text())));
        }
        return Response.from(result);
    }

    private float[] synthetic(String text) {
        long seed = 1125899906842597L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            seed = 31 * seed + b;
        }
        Random random = new Random(seed);
        float[] a = sample.get(random.nextInt(sample.size()));
        float[] b = sample.get(random.nextInt(sample.size()));
        double weight = 0.5 + 0.5 * random.nextDouble();
        float[] v = new float[a.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (weight * a[i] + (1 - weight) * b[i] + NOISE * random.nextGaussian());
            norm += (double) v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    @Override
    public Response<Embedding> embed(String text) {
        return real.embed(text);
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        return real.embed(segment);
    }

    @Override
    public int dimension() {
        return real.dimension();
    }
}
