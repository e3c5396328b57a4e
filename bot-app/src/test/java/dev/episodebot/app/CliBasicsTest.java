package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.Env;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Help on every command, {@code run} without tokens, and configuration errors (no model is loaded). */
class CliBasicsTest {

    private static final Env EMPTY = new Env(Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"ask", "chat", "index", "eval", "run"})
    void everyCommandHasHelp(String command) {
        // GIVEN a command
        // WHEN it is run with --help
        Cli.Result result = Cli.run(EMPTY, command, "--help");

        // THEN its usage is printed on stdout and it exits 0
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: episode-bot " + command).contains("--knowledge-dir");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        // GIVEN the command line
        // WHEN it is run with --help, and with the help command for ask
        Cli.Result help = Cli.run(EMPTY, "--help");
        Cli.Result helpAsk = Cli.run(EMPTY, "help", "ask");

        // THEN both print usage
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("ask", "chat", "index", "eval", "run");
        assertThat(helpAsk.exitCode()).isZero();
        assertThat(helpAsk.out()).startsWith("Usage: episode-bot ask");
    }

    @Test
    void runWithoutTokensNamesBothVariablesAndFails() {
        // GIVEN no TELEGRAM_BOT_TOKEN and no DISCORD_TOKEN (a blank one counts as unset)
        Env env = new Env(Map.of("TELEGRAM_BOT_TOKEN", "  "));

        // WHEN run is started
        Cli.Result result = Cli.run(env, "run");

        // THEN it explains which variables to set and exits non-zero
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("TELEGRAM_BOT_TOKEN").contains("DISCORD_TOKEN");
    }

    @ParameterizedTest(name = "{0} with {1}={2}")
    @CsvSource(delimiter = '|', value = {
            "ask|LLM_TIMEOUT|abc",
            "index|RATE_LIMIT_PER_MINUTE|0",
            "eval|BOT_ADMINS|telegram:alice",
            "chat|EMBEDDING_MODEL|gpt",
            "ask|LLM_PROVIDER|claude"})
    void badConfigurationExitsTwoWithOneSentenceNamingTheVariable(String command, String variable, String value) {
        // GIVEN one bad variable
        Env env = new Env(Map.of(variable, value));

        // WHEN a command that builds the core runs
        Cli.Result result = command.equals("eval")
                ? Cli.run(env, command, "--questions", "unused.jsonl")
                : command.equals("ask") ? Cli.run(env, command, "question") : Cli.run(env, command);

        // THEN it exits 2 with one line naming the variable, and prints nothing on stdout
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).doesNotContain("\n").startsWith("Configuration error: " + variable + " ")
                .contains(value).endsWith(".");
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest(name = "run with {0}={1}")
    @CsvSource(delimiter = '|', value = {
            "DISCORD_SHARDS|0-2",
            "DISCORD_SHARD_TOTAL|zero",
            "REDIS_URL|http://cache:6379",
            "REDIS_TIMEOUT|forever",
            "TELEGRAM_WEBHOOK_URL|http://bot.example.org/hook"})
    void aBadScalingVariableStopsRunBeforeAnythingStartsWithOneSentenceNamingIt(String variable, String value) {
        // GIVEN both platforms configured (nothing listens there), 2 shards, and one bad variable
        Map<String, String> values = new java.util.HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", "123456:TEST-token-for-nothing",
                "TELEGRAM_API_URL", "http://127.0.0.1:9", "DISCORD_TOKEN", "fake-discord-token.not-real.for-tests-only",
                "DISCORD_SHARD_TOTAL", "2"));
        values.put(variable, value);
        Env env = new Env(values);

        // WHEN run starts, THEN it exits 2 with one line naming the variable, before connecting anywhere
        Cli.Result result = Cli.run(env, "run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).doesNotContain("\n").startsWith("Configuration error: " + variable + " ")
                .endsWith(".");
    }

    @Test
    void badValueGivenAsAnOptionIsReportedLikeTheVariable() {
        // GIVEN a bad --llm-timeout on the command line
        // WHEN ask runs
        Cli.Result result = Cli.run(EMPTY, "ask", "--llm-timeout", "soon", "question");

        // THEN the error names the variable the option sets
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Configuration error: LLM_TIMEOUT ");
    }
}
