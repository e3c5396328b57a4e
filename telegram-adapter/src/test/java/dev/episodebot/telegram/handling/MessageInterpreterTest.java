package dev.episodebot.telegram.handling;

import static dev.episodebot.telegram.handling.Messages.ME;
import static dev.episodebot.telegram.handling.Messages.groupMessage;
import static dev.episodebot.telegram.handling.Messages.parse;
import static dev.episodebot.telegram.handling.Messages.privateMessage;
import static dev.episodebot.telegram.handling.Messages.replyTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.BotCommand;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageInterpreterTest {

    final MessageInterpreter interpreter = new MessageInterpreter(ME);

    Optional<AddressedMessage> interpret(ObjectNode json) {
        return interpreter.interpret(parse(json));
    }

    @Test
    void everyPrivateTextIsAQuestion() {
        // GIVEN / WHEN / THEN
        assertThat(interpret(privateMessage(1, "  Reka 的技术团队有多少人？ ")))
                .contains(new AddressedMessage(BotCommand.ASK, "Reka 的技术团队有多少人？"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello everyone", "mail me at x@EpisodeBot.com", "@EpisodeBotFan is here",
            "/ask@OtherBot what?", "/help@OtherBot", "/weather"})
    void aGroupMessageNotForTheBotIsLeftAlone(String text) {
        // GIVEN a group message that does not address this bot WHEN interpreted THEN nothing
        assertThat(interpret(groupMessage(1, text))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@EpisodeBot how big is Reka?|how big is Reka?",
            "@episodebot, how big is Reka?|how big is Reka?",
            "how big is Reka, @EpisodeBot?|how big is Reka, ?",
            "Reka 有多少人 @EpisodeBot|Reka 有多少人",
            "/ask how big is Reka?|how big is Reka?",
            "/ask@EpisodeBot how big is Reka?|how big is Reka?",
            "/ASK@episodebot   how big is Reka?|how big is Reka?"})
    void aGroupMessageAddressingTheBotIsAQuestion(String text, String question) {
        // GIVEN a mention or /ask WHEN interpreted THEN the question without the bot's name
        assertThat(interpret(groupMessage(1, text))).contains(new AddressedMessage(BotCommand.ASK, question));
    }

    @Test
    void aCommandMayBeFollowedByANewLine() {
        // GIVEN / WHEN / THEN
        assertThat(interpret(groupMessage(1, "/ask@EpisodeBot\nhow big\nis Reka?")))
                .contains(new AddressedMessage(BotCommand.ASK, "how big\nis Reka?"));
    }

    @Test
    void aReplyToTheBotIsAQuestionButAReplyToSomeoneElseIsNot() {
        // GIVEN replies in a group
        ObjectNode toBot = replyTo(groupMessage(1, "and then?"), ME.id(), "an answer");
        ObjectNode toUser = replyTo(groupMessage(1, "and then?"), 2, "a remark");

        // WHEN / THEN
        assertThat(interpret(toBot)).contains(new AddressedMessage(BotCommand.ASK, "and then?"));
        assertThat(interpret(toUser)).isEmpty();
    }

    @Test
    void aBareAskReplyingToSomeonesMessageAsksThatMessage() {
        // GIVEN "/ask" as a reply to a user's question
        ObjectNode ask = replyTo(groupMessage(1, "/ask"), 2, "@EpisodeBot who is Yi Tay?");

        // WHEN / THEN
        assertThat(interpret(ask)).contains(new AddressedMessage(BotCommand.ASK, "who is Yi Tay?"));
    }

    @ParameterizedTest
    @CsvSource({"/start,HELP", "/start deep-link-payload,HELP", "/help,HELP", "/help@EpisodeBot,HELP",
            "/sources,SOURCES", "/new,NEW", "/status,STATUS", "/reload,RELOAD", "/reload@EpisodeBot,RELOAD"})
    void commandsMapToTheCoresCommands(String text, BotCommand command) {
        // GIVEN a command in a private chat and in a group WHEN interpreted THEN the core command, no text
        assertThat(interpret(privateMessage(1, text))).contains(new AddressedMessage(command, ""));
        assertThat(interpret(groupMessage(1, text))).contains(new AddressedMessage(command, ""));
    }

    @Test
    void anUnknownCommandGetsHelpWhereItIsMeantForTheBot() {
        // GIVEN / WHEN / THEN
        assertThat(interpret(privateMessage(1, "/weather"))).contains(new AddressedMessage(BotCommand.HELP, ""));
        assertThat(interpret(groupMessage(1, "/weather@EpisodeBot"))).contains(
                new AddressedMessage(BotCommand.HELP, ""));
    }

    @Test
    void aTextMentionOfTheBotAddressesIt() {
        // GIVEN a mention by name (a text_mention entity) in a group
        ObjectNode json = groupMessage(1, "Episode Bot, who is Yi Tay?");
        json.putArray("entities").addObject().put("type", "text_mention").put("offset", 0).put("length", 11)
                .putObject("user").put("id", ME.id()).put("is_bot", true).put("first_name", "Episode Bot");

        // WHEN / THEN
        assertThat(interpret(json)).contains(new AddressedMessage(BotCommand.ASK, "who is Yi Tay?"));
    }

    @Test
    void botsAutomaticForwardsAndChannelsAreIgnored() {
        // GIVEN a message from a bot, an automatic forward from a linked channel, a channel post
        ObjectNode fromBot = privateMessage(1, "hi");
        ((ObjectNode) fromBot.get("from")).put("is_bot", true);
        ObjectNode forward = groupMessage(777000, "@EpisodeBot new episode!");
        forward.put("is_automatic_forward", true);
        forward.putObject("sender_chat").put("id", -200L).put("type", "channel").put("title", "C");
        ObjectNode channelPost = groupMessage(1, "@EpisodeBot hi");
        ((ObjectNode) channelPost.get("chat")).put("type", "channel");

        // WHEN / THEN
        assertThat(interpret(fromBot)).isEmpty();
        assertThat(interpret(forward)).isEmpty();
        assertThat(interpret(channelPost)).isEmpty();
    }

    @Test
    void anAnonymousAdminIsHeardButNeverIdentified() {
        // GIVEN a message of an anonymous group admin
        ObjectNode json = groupMessage(1087968824L, "/reload@EpisodeBot");
        ((ObjectNode) json.get("from")).put("is_bot", true).put("username", "GroupAnonymousBot");
        json.putObject("sender_chat").put("id", -100L).put("type", "supergroup").put("title", "G");

        // WHEN / THEN the command counts, and its author is "anonymous"
        assertThat(interpret(json)).contains(new AddressedMessage(BotCommand.RELOAD, ""));
        assertThat(TelegramIds.userId(parse(json))).isEqualTo(TelegramIds.ANONYMOUS);
    }

    @Test
    void conversationsArePerPrivateChatAndPerUserInGroupsAndTopics() {
        // GIVEN a private message, a group message and a forum topic message
        ObjectNode topic = groupMessage(7, "hi");
        topic.put("is_topic_message", true).put("message_thread_id", 42);

        // WHEN / THEN
        assertThat(TelegramIds.conversationId(parse(privateMessage(7, "hi")), "7")).isEqualTo("telegram:7");
        assertThat(TelegramIds.conversationId(parse(groupMessage(7, "hi")), "7")).isEqualTo("telegram:-100:user-7");
        assertThat(TelegramIds.conversationId(parse(topic), "7")).isEqualTo("telegram:-100:topic-42:user-7");
        assertThat(TelegramIds.userId(parse(groupMessage(7, "hi")))).isEqualTo("7");
    }
}
