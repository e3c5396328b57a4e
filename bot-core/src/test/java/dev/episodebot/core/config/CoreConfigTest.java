package dev.episodebot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration from variables: bad values fail with one sentence naming the variable; secrets never leak. */
class CoreConfigTest {

    private static final String SECRET = "sk-live-9f8e7d6c5b4a3210";

    private static CoreConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return CoreConfig.from(new Env(values));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "LLM_TIMEOUT|abc",
            "LLM_TIMEOUT|0.01",
            "LLM_TIMEOUT|11m",
            "RATE_LIMIT_PER_MINUTE|0",
            "RATE_LIMIT_PER_MINUTE|ten",
            "MAX_QUESTION_CHARS|-5",
            "MAX_ANSWER_CHARS|5",
            "MAX_ANSWER_CHARS|lots",
            "MAX_IN_FLIGHT|0",
            "KNOWLEDGE_MAX_FILE_MB|0",
            "KNOWLEDGE_WATCH|maybe",
            "BOT_ADMINS|telegram:alice",
            "BOT_ADMINS|slack:123",
            "EMBEDDING_MODEL|gpt",
            "LLM_PROVIDER|claude"})
    void badValueFailsWithOneSentenceNamingTheVariable(String variable, String value) {
        // GIVEN a bad value for one variable
        // WHEN the configuration is read
        // THEN it fails with one sentence that starts with the variable's name and quotes the value
        assertThatThrownBy(() -> config(variable, value))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).startsWith(variable + " ").endsWith(".").doesNotContain("\n");
                    assertThat(message).contains(value);
                    assertThat(message.substring(0, message.length() - 1)).doesNotContainPattern("\\.\\s+[A-Z]");
                });
    }

    @Test
    void badLlmBaseUrlNamesTheVariable() {
        // GIVEN an OpenAI provider with a base URL that is not http(s)
        // WHEN / THEN the error names LLM_BASE_URL
        assertThatThrownBy(() -> config("LLM_PROVIDER", "openai", "LLM_BASE_URL", "ftp://example.com", "LLM_MODEL", "m"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LLM_BASE_URL must be an absolute http/https URL");
    }

    @Test
    void openAiWithoutAKeyAgainstApiOpenAiComNamesTheKeyVariable() {
        // GIVEN LLM_PROVIDER=openai with the default endpoint and no key
        // WHEN / THEN the error asks for LLM_API_KEY
        assertThatThrownBy(() -> config("LLM_PROVIDER", "openai"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LLM_API_KEY must be set");
    }

    @Test
    void ollamaWithoutAModelNamesTheModelVariable() {
        // GIVEN LLM_PROVIDER=ollama without LLM_MODEL
        // WHEN / THEN the error asks for LLM_MODEL
        assertThatThrownBy(() -> config("LLM_PROVIDER", "ollama"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LLM_MODEL must name the model");
    }

    @Test
    void keyWithWhitespaceIsRefusedWithoutEchoingIt() {
        // GIVEN an API key pasted with a space in it
        // WHEN the configuration is read
        // THEN the error names the variable but not the value
        assertThatThrownBy(() -> config("LLM_PROVIDER", "openai", "LLM_API_KEY", "sk-live 9f8e7d6c5b4a3210"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LLM_API_KEY ")
                .hasMessageNotContaining("9f8e7d6c5b4a3210");
    }

    @Test
    void apiKeyNeverAppearsInTheConfigsTextForm() {
        // GIVEN a configured key
        CoreConfig config = config("LLM_PROVIDER", "openai", "LLM_API_KEY", SECRET);

        // WHEN the LLM settings and the whole config are printed (as logs would)
        // THEN the key is masked but was read
        assertThat(config.llm().toString()).doesNotContain(SECRET).contains("apiKey=***");
        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(config.llm().apiKey()).isEqualTo(SECRET);
    }

    @Test
    void defaultsApplyWhenNothingIsSetAndBlankCountsAsUnset() {
        // GIVEN no variables, except blank ones
        // WHEN the configuration is read
        CoreConfig config = config("RATE_LIMIT_PER_MINUTE", "  ", "LLM_PROVIDER", "");

        // THEN the documented defaults are used and no LLM is configured
        assertThat(config.knowledgeDir()).isEqualTo(Path.of("knowledge"));
        assertThat(config.cacheDir()).isEqualTo(Path.of(".cache"));
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.rateLimitPerMinute()).isEqualTo(10);
        assertThat(config.maxQuestionChars()).isEqualTo(2000);
        assertThat(config.maxAnswerChars()).isEqualTo(4000);
        assertThat(config.maxFileBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(config.embeddingModel()).isEqualTo(EmbeddingModelChoice.AUTO);
        assertThat(config.llm().enabled()).isFalse();
        assertThat(config.knowledgeWatch()).isTrue();
    }

    @ParameterizedTest(name = "LLM_TIMEOUT={0}")
    @CsvSource({"30, 30000", "2.5, 2500", "500ms, 500", "45s, 45000", "2m, 120000", "1S, 1000"})
    void llmTimeoutAcceptsSecondsAndUnits(String value, long millis) {
        // GIVEN LLM_TIMEOUT written in one of the accepted forms
        // WHEN the configuration is read
        CoreConfig config = config("LLM_TIMEOUT", value);

        // THEN it is that duration
        assertThat(config.llm().timeout()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "REDIS_TIMEOUT={0}")
    @CsvSource({"abc", "0", "30", "20ms", "11s"})
    void aDurationOutOfItsRangeStopsWithASentenceGivingTheRangeAndAnExampleWithinIt(String value) {
        // GIVEN REDIS_TIMEOUT, read as bot-redis reads it: from 50 ms to 10 s, 500 ms by default
        Env env = new Env(Map.of("REDIS_TIMEOUT", value));

        // WHEN it is read THEN the sentence names the variable, its range in the units people write, and the default as example
        assertThatThrownBy(() -> env.duration("REDIS_TIMEOUT", Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofSeconds(10)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("REDIS_TIMEOUT must be a duration from 50ms to 10s (in seconds, or with a unit: e.g. 500ms), got '"
                        + value + "'.");
    }

    @Test
    void openAiCompatibleEndpointWithoutKeyIsAccepted() {
        // GIVEN a local OpenAI-compatible server (llama.cpp, vLLM) that needs no key
        // WHEN the configuration is read
        CoreConfig config = config("LLM_PROVIDER", "OpenAI", "LLM_BASE_URL", "http://127.0.0.1:8080/v1/", "LLM_MODEL", "qwen");

        // THEN it is accepted, provider case-insensitive and the trailing slash dropped
        assertThat(config.llm().provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(config.llm().baseUrl().toString()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(config.llm().apiKey()).isNull();
    }

    @Test
    void adminsAreMatchedOnPlatformAndNumericIdAndTheConsoleIsAlwaysAdmin() {
        // GIVEN BOT_ADMINS with spaces and mixed case
        AdminList admins = config("BOT_ADMINS", " Telegram:123 , discord:456789 ").admins();

        // WHEN requests from several users are checked
        // THEN only the listed platform:id pairs and the console are admins
        assertThat(admins.isAdmin(new BotRequest("c", "123", Platform.TELEGRAM, ""))).isTrue();
        assertThat(admins.isAdmin(new BotRequest("c", "456789", Platform.DISCORD, ""))).isTrue();
        assertThat(admins.isAdmin(new BotRequest("c", "123", Platform.DISCORD, ""))).isFalse();
        assertThat(admins.isAdmin(new BotRequest("c", "1234", Platform.TELEGRAM, ""))).isFalse();
        assertThat(admins.isAdmin(new BotRequest("c", "anyone", Platform.CONSOLE, ""))).isTrue();
    }
}
