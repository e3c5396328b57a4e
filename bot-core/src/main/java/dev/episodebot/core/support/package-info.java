/** Small building blocks shared by the core's packages. */
package dev.episodebot.core.support;
