package dev.episodebot.core.embedding;

import java.util.List;

/** Embeds transcript lines and questions for line-level similarity. */
public interface LineVectors {

    /** One vector per line text, same order. */
    List<float[]> lines(List<String> texts);

    /** The question's vector (with the model's query instruction). */
    float[] query(String question);
}
