package dev.episodebot.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.PlainTextParser;
import dev.episodebot.core.knowledge.Transcript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skipping the tokenizer for short WordPiece-safe texts changes no chunk. */
class ChunkerTokenBoundTest {

    @Test
    void sameChunksWithAndWithoutTheBound() throws Exception {
        String text = Files.readString(Path.of("../knowledge/episode-yi-tay-returns-to-google.txt"), StandardCharsets.UTF_8)
                + "\nÉcole Polytechnique — “naïve” résumé façade. 한국어 문장도 조금 있습니다。\n"
                + "長い行".repeat(120) + "\n";
        Transcript transcript = new PlainTextParser().parse("episode.txt", text);
        for (EmbeddingModelSpec spec : List.of(EmbeddingModelSpec.BGE_SMALL_ZH_V15, EmbeddingModelSpec.ALL_MINILM_L6_V2)) {
            try (TokenCounter tokens = new TokenCounter(spec)) {
                List<Chunk> exact = new Chunker(spec.chunking(), tokens).chunk(transcript);
                List<Chunk> bounded = new Chunker(spec.chunking(), tokens, true).chunk(transcript);
                assertThat(bounded).isEqualTo(exact);
                for (Chunk chunk : bounded) {
                    assertThat(tokens.applyAsInt(chunk.text())).isLessThanOrEqualTo(spec.chunking().maxTokens());
                }
            }
        }
    }
}
