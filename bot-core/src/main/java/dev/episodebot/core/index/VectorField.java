package dev.episodebot.core.index;

/**
 * The chunk vector field: unit-length vectors compared by dot product (their cosine), HNSW-indexed
 * with int8 scalar quantization ({@link IndexStore#codec()}); the float vectors stay stored for exact
 * rescoring and for reuse as the embedding cache.
 */
public final class VectorField {

    public static final String NAME = IndexFields.VECTOR;

    private VectorField() {}

    /** The vector scaled to unit length (a zero vector stays zero). */
    public static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
