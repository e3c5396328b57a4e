/** Robustness tests: hostile user input, broken knowledge files, load during refresh. */
package dev.episodebot.core.reliability;
