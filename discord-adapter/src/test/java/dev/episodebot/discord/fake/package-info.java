/**
 * A fake Discord (REST + gateway) on 127.0.0.1 for end-to-end tests of the adapter with the real
 * JDA client: {@link dev.episodebot.discord.fake.FakeDiscordServer}, and
 * {@link dev.episodebot.discord.fake.FakeDiscordServerMain} to run it beside the fat jar.
 */
package dev.episodebot.discord.fake;
