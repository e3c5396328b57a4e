package dev.episodebot.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

/** The token counter counts with the model's tokenizer and keeps DJL offline. */
class TokenCounterTest {

    @Test
    void creatingATokenCounterOptsOutOfDjlCallingHome() {
        // GIVEN DJL's tokenizer library, which by default contacts the EC2 metadata service and a
        // telemetry bucket when a tokenizer is created (network from an offline bot)
        // WHEN a token counter is created
        try (TokenCounter counter = new TokenCounter(EmbeddingModelSpec.BGE_SMALL_ZH_V15)) {
            counter.applyAsInt("你好");
        }

        // THEN DJL sees the process opted out of tracking, which skips the call home
        assertThat(Boolean.parseBoolean(Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"))).isTrue();
    }

    @Test
    void countsTheModelsTokensWithoutSpecialTokens() {
        // GIVEN the bge-small-zh-v1.5 tokenizer (one token per Chinese character)
        try (TokenCounter counter = new TokenCounter(EmbeddingModelSpec.BGE_SMALL_ZH_V15)) {
            // WHEN texts are counted
            // THEN each ideograph is a token and no [CLS]/[SEP] is added
            assertThat(counter.applyAsInt("你好世界")).isEqualTo(4);
            assertThat(counter.applyAsInt("")).isZero();
            assertThat(counter.applyAsInt("你好世界你好世界")).isEqualTo(8);
        }
    }
}
