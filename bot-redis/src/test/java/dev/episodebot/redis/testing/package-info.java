/** Test fixtures shared with other modules' tests: a real Redis on 127.0.0.1 ({@link dev.episodebot.redis.testing.RedisTestServer}). */
package dev.episodebot.redis.testing;
