package dev.episodebot.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An update scripted into the fake server.
 *
 * @param updateId its {@code update_id}
 * @param messageId the id of its message (0 for button presses)
 * @param update the update as delivered
 */
public record Incoming(int updateId, int messageId, ObjectNode update) {
}
