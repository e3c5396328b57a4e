package dev.episodebot.telegram.handling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Builds telegrambots {@link Message}s from Bot API JSON, as the library would parse them. */
final class Messages {

    static final BotIdentity ME = new BotIdentity(700, "EpisodeBot");
    static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {
    }

    static ObjectNode privateMessage(long userId, String text) {
        ObjectNode m = base(text);
        m.putObject("chat").put("id", userId).put("type", "private");
        m.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U");
        return m;
    }

    static ObjectNode groupMessage(long userId, String text) {
        ObjectNode m = base(text);
        m.putObject("chat").put("id", -100L).put("type", "supergroup").put("title", "G");
        m.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U");
        return m;
    }

    static ObjectNode replyTo(ObjectNode message, long authorId, String repliedText) {
        ObjectNode replied = message.putObject("reply_to_message");
        replied.put("message_id", 1).put("date", 1_700_000_000).put("text", repliedText);
        replied.set("chat", message.get("chat").deepCopy());
        replied.putObject("from").put("id", authorId).put("is_bot", authorId == ME.id()).put("first_name", "A");
        return message;
    }

    static Message parse(ObjectNode json) {
        try {
            return JSON.treeToValue(json, Message.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode base(String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", 5).put("date", 1_700_000_000).put("text", text);
        return m;
    }
}
