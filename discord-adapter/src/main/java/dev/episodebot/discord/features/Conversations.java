package dev.episodebot.discord.features;

import net.dv8tion.jda.api.entities.channel.ChannelType;

/**
 * Which conversation (memory) a Discord message belongs to: a thread's id for everything in a
 * thread, a DM channel's id for a DM, and the channel and user together in a server channel (so
 * two users asking in the same channel do not share a memory).
 */
final class Conversations {

    private Conversations() {}

    /** The conversation id for a user in a channel of a given type. */
    static String of(ChannelType channelType, String channelId, String userId) {
        if (channelType != null
                && (channelType.isThread() || channelType == ChannelType.PRIVATE || channelType == ChannelType.GROUP)) {
            return channelId;
        }
        return channelId + ":" + userId;
    }
}
