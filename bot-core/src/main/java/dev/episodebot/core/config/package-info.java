/**
 * Configuration from environment variables: {@link dev.episodebot.core.config.Env} reads and
 * validates single values (a bad value is a {@link dev.episodebot.core.config.ConfigException}
 * whose message is one sentence naming the variable), and
 * {@link dev.episodebot.core.config.CoreConfig} is the validated record the core is built from.
 * Adapters keep their own config records built with the same {@code Env}.
 */
package dev.episodebot.core.config;
