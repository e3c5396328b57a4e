/**
 * The composition root: the picocli command line ({@code ask}, {@code chat}, {@code index},
 * {@code eval}, {@code run}) that builds the core from the environment and starts the platform
 * adapters whose tokens are set. Nothing else in the project creates objects from configuration.
 */
package dev.episodebot.app;
