package dev.episodebot.telegram.handling;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.CommandText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides whether a message asks the bot something, and what.
 *
 * <ul>
 *   <li>Commands ({@code /ask}, {@code /help}, …, {@code /start} meaning help) count everywhere,
 *       unless addressed to another bot ({@code /ask@OtherBot}).
 *   <li>In a private chat every other text is a question.
 *   <li>In a group a text is a question only when it mentions the bot or replies to one of the
 *       bot's messages; everything else is left alone.
 *   <li>Bots, channel posts and automatic forwards from a linked channel are ignored.
 * </ul>
 *
 * <p>The text is parsed as it is (the entities Telegram sends are used for mentions of a bot
 * without a username only), so a self-hosted or fake Bot API server need not compute entities.
 */
public final class MessageInterpreter {

    private final BotIdentity me;
    private final Pattern mention;

    public MessageInterpreter(BotIdentity me) {
        this.me = me;
        // a bot always has a username; without one, only text mentions and replies can address it
        this.mention = me.username().isEmpty()
                ? Pattern.compile("(?!)")
                : Pattern.compile("(?<![A-Za-z0-9_@])@" + Pattern.quote(me.username()) + "(?![A-Za-z0-9_])",
                        Pattern.CASE_INSENSITIVE);
    }

    /** What {@code message} asks the bot, or empty when the bot should stay silent. */
    public Optional<AddressedMessage> interpret(Message message) {
        if (message == null || !message.hasText() || message.getChat() == null || isFromBotOrChannel(message)) {
            return Optional.empty();
        }
        boolean privateChat = message.isUserMessage();
        if (!privateChat && !message.isGroupMessage() && !message.isSuperGroupMessage()) {
            return Optional.empty();
        }
        String text = message.getText();
        Optional<CommandText> command = text.startsWith("/") ? CommandText.parse(text) : Optional.empty();
        if (command.isPresent()) {
            return interpretCommand(message, command.get(), privateChat);
        }
        String withoutMention = stripMentions(message, text);
        boolean mentioned = !withoutMention.equals(text);
        if (privateChat || mentioned || repliesToMe(message)) {
            return Optional.of(new AddressedMessage(BotCommand.ASK, tidy(withoutMention)));
        }
        return Optional.empty();
    }

    private Optional<AddressedMessage> interpretCommand(Message message, CommandText command, boolean privateChat) {
        String target = command.target();
        if (target != null && !me.isNamed(target)) {
            return Optional.empty();
        }
        String rest = tidy(stripMentions(message, command.args()));
        Optional<BotCommand> known = command.command();
        if (known.isEmpty()) {
            // an unknown command: explain ourselves in private, stay out of other bots' way in groups
            return privateChat || target != null
                    ? Optional.of(new AddressedMessage(BotCommand.HELP, ""))
                    : Optional.empty();
        }
        BotCommand botCommand = known.get();
        if (botCommand == BotCommand.HELP) {
            rest = "";
        }
        if (botCommand == BotCommand.ASK && rest.isEmpty()) {
            rest = questionRepliedTo(message);
        }
        return Optional.of(new AddressedMessage(botCommand, rest));
    }

    /** {@code /ask} sent as a reply to someone's message asks that message. */
    private String questionRepliedTo(Message message) {
        Message replied = message.getReplyToMessage();
        if (replied == null || !replied.hasText() || isMine(replied.getFrom())) {
            return "";
        }
        return tidy(stripMentions(replied, replied.getText()));
    }

    private boolean repliesToMe(Message message) {
        Message replied = message.getReplyToMessage();
        return replied != null && isMine(replied.getFrom());
    }

    private boolean isMine(User user) {
        return user != null && user.getId() != null && user.getId() == me.id();
    }

    /** The text without {@code @BotName} mentions (and text mentions of the bot). */
    String stripMentions(Message message, String text) {
        String result = text;
        if (message.getEntities() != null && text.equals(message.getText())) {
            // text_mention entities, right to left so earlier offsets stay valid
            List<MessageEntity> entities = new ArrayList<>(message.getEntities());
            entities.sort((a, b) -> Integer.compare(offset(b), offset(a)));
            for (MessageEntity entity : entities) {
                if ("text_mention".equals(entity.getType()) && isMine(entity.getUser())) {
                    int start = offset(entity);
                    int end = start + (entity.getLength() == null ? 0 : entity.getLength());
                    if (start >= 0 && end <= result.length() && start < end) {
                        result = result.substring(0, start) + result.substring(end);
                    }
                }
            }
        }
        return mention.matcher(result).replaceAll("");
    }

    private static int offset(MessageEntity entity) {
        return entity.getOffset() == null ? -1 : entity.getOffset();
    }

    /** Whitespace collapsed at the ends, and the punctuation a mention leaves behind ("@Bot, why…"). */
    private static String tidy(String text) {
        return text.strip().replaceFirst("^[\\s,，:：;；]+", "").strip();
    }

    private static boolean isFromBotOrChannel(Message message) {
        if (Boolean.TRUE.equals(message.getIsAutomaticForward())) {
            return true;
        }
        User from = message.getFrom();
        if (message.getSenderChat() != null) {
            // anonymous admins and users writing as a channel: people, answered as "anonymous"
            return message.getChat().isChannelChat() != null && message.getChat().isChannelChat();
        }
        return from == null || Boolean.TRUE.equals(from.getIsBot());
    }
}
