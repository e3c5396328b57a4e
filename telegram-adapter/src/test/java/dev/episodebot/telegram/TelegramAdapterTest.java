package dev.episodebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.Vote;
import dev.episodebot.core.config.Env;
import dev.episodebot.telegram.fake.FakeHtml;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.RecordedCall;
import dev.episodebot.telegram.fake.SentMessage;
import dev.episodebot.telegram.http.TokenMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter end to end: the real telegrambots client (long polling and sending) against
 * {@link FakeTelegramServer} on 127.0.0.1, with {@link StubCore} in place of the core.
 */
class TelegramAdapterTest {

    static final String TOKEN = "123456:TEST-token";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long USER = 1001;
    static final long GROUP = -100200300;

    @TempDir
    Path dataDir;

    FakeTelegramServer server;
    StubCore core;
    final List<TelegramAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void setUp() {
        CapturingAppender.clear();
        server = FakeTelegramServer.start().expectToken(TOKEN);
        core = new StubCore();
    }

    @AfterEach
    void tearDown() {
        adapters.forEach(TelegramAdapter::close);
        server.close();
        // THEN nothing this test made the adapter or the library log contains the token
        TokenMasker masker = new TokenMasker(TOKEN);
        assertThat(CapturingAppender.events()).noneMatch(masker::containsToken);
    }

    TelegramConfig config() {
        TelegramConfig config = TelegramConfig.from(new Env(Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", server.url(),
                "DATA_DIR", dataDir.toString())));
        return config.withTuning(new TelegramTuning(4, 100, Duration.ofSeconds(5), Duration.ofMillis(20),
                Duration.ofMillis(100), 3, Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(5)));
    }

    TelegramAdapter startAdapter() throws Exception {
        TelegramAdapter adapter = new TelegramAdapter(config(), core, core);
        adapters.add(adapter);
        adapter.start();
        return adapter;
    }

    @Test
    void startsByLearningItsNameSettingTheMenuAndDeletingTheWebhookBeforePolling() throws Exception {
        // WHEN the adapter starts
        TelegramAdapter adapter = startAdapter();
        RecordedCall poll = server.awaitArrivals("getUpdates", 1, WAIT).get(0);

        // THEN it knows its name, set English and Chinese menus, and deleted the webhook before polling
        assertThat(adapter.identity()).hasValueSatisfying(me -> {
            assertThat(me.username()).isEqualTo(FakeTelegramServer.BOT_USERNAME);
            assertThat(me.id()).isEqualTo(FakeTelegramServer.BOT_ID);
        });
        assertThat(adapter.isConnected()).isTrue();
        List<RecordedCall> menus = server.calls("setMyCommands");
        assertThat(menus).hasSize(2);
        assertThat(menus.get(0).params().path("commands").findValuesAsText("command"))
                .containsExactly("ask", "help", "sources", "new", "status", "reload", "outline", "summary", "search");
        assertThat(menus.get(1).params().path("language_code").asText()).isEqualTo("zh");
        assertThat(server.calls("deleteWebhook").get(0).seq()).isLessThan(poll.seq());
        assertThat(poll.params().path("allowed_updates").toString()).contains("message", "callback_query");
        assertThat(poll.params().path("timeout").asInt()).isEqualTo(5);

        // WHEN it closes
        adapter.close();

        // THEN it says so, and ending the long poll in flight logged no error
        assertThat(adapter.isConnected()).isFalse();
        assertThat(CapturingAppender.events()).noneMatch(e -> e.startsWith("ERROR") || e.startsWith("WARN"));
    }

    @Test
    void answersAPrivateQuestionWithACitationAsAReplyWhileTyping() throws Exception {
        // GIVEN a running adapter
        startAdapter();

        // WHEN a user asks in a private chat
        Incoming question = server.privateMessage(USER, "Reka 的技术团队有多少人？");

        // THEN the answer replies to the question, in HTML: the quote in a blockquote with its answering line
        // bold, shown once, then one citation line with the timecode linked, and 👍/👎 under it
        SentMessage answer = server.awaitReplyTo(USER, question.messageId(), WAIT);
        assertThat(answer.parseMode()).isEqualToIgnoringCase("HTML");
        assertThat(answer.text()).contains("<blockquote><b>" + StubCore.CITATION.quote() + "</b></blockquote>")
                .contains("<a href=\"https://www.youtube.com/watch?v=abc&amp;t=185\">00:03:05–00:03:20</a>");
        assertThat(answer.plainText().split(java.util.regex.Pattern.quote(StubCore.CITATION.quote()), -1)).hasSize(2);
        assertThat(answer.plainText()).contains(StubCore.EPISODE + " · 第 12–14 行");
        assertThat(answer.callbackData()).containsExactly("fb:u:r1", "fb:d:r1");
        // AND "typing" was shown before the answer
        List<RecordedCall> typing = server.calls("sendChatAction");
        assertThat(typing).isNotEmpty();
        assertThat(typing.get(0).params().path("action").asText()).isEqualTo("typing");
        assertThat(typing.get(0).seq()).isLessThan(answer.seq());
        // AND the core got the question as a Telegram request of that user
        StubCore.Call call = core.calls.get(0);
        assertThat(call.command()).isEqualTo(BotCommand.ASK);
        assertThat(call.request().platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(call.request().userId()).isEqualTo(String.valueOf(USER));
        assertThat(call.request().conversationId()).isEqualTo("telegram:" + USER);
        assertThat(call.request().text()).isEqualTo("Reka 的技术团队有多少人？");
    }

    @Test
    void staysSilentInAGroupUntilMentioned() throws Exception {
        // GIVEN a running adapter in a group
        startAdapter();

        // WHEN someone talks without addressing the bot, then mentions it
        Incoming chatter = server.groupMessage(GROUP, USER, "what did everyone think of the episode?");
        Incoming mention = server.groupMessage(GROUP, USER, "@" + FakeTelegramServer.BOT_USERNAME + ", how big is Reka?");

        // THEN only the mention is answered (one chat is handled in order, so the first was seen by then)
        SentMessage answer = server.awaitReplyTo(GROUP, mention.messageId(), WAIT);
        assertThat(server.sentTo(GROUP)).containsExactly(answer);
        assertThat(server.sentTo(GROUP)).noneMatch(m -> Integer.valueOf(chatter.messageId())
                .equals(m.replyToMessageId()));
        // AND the core saw the question without the mention, in this user's own group conversation
        assertThat(core.calls).hasSize(1);
        assertThat(core.calls.get(0).request().text()).isEqualTo("how big is Reka?");
        assertThat(core.calls.get(0).request().conversationId()).isEqualTo("telegram:" + GROUP + ":user-" + USER);
    }

    @Test
    void answersAskAddressedToItButNotToAnotherBot() throws Exception {
        // GIVEN a running adapter in a group
        startAdapter();

        // WHEN /ask goes to another bot, then to this one
        Incoming other = server.groupMessage(GROUP, USER, "/ask@SomeOtherBot who is Yi Tay?");
        Incoming mine = server.groupMessage(GROUP, USER, "/ask@" + FakeTelegramServer.BOT_USERNAME + " who is Yi Tay?");
        Incoming plain = server.groupMessage(GROUP, USER, "/ask what is Reka?");

        // THEN this bot answers its own /ask and the bare /ask, in order
        SentMessage first = server.awaitReplyTo(GROUP, mine.messageId(), WAIT);
        SentMessage second = server.awaitReplyTo(GROUP, plain.messageId(), WAIT);
        assertThat(first.seq()).isLessThan(second.seq());
        assertThat(server.sentTo(GROUP)).hasSize(2)
                .noneMatch(m -> Integer.valueOf(other.messageId()).equals(m.replyToMessageId()));
        assertThat(core.calls).extracting(c -> c.request().text()).containsExactly("who is Yi Tay?", "what is Reka?");
    }

    @Test
    void answersAReplyToOneOfItsMessages() throws Exception {
        // GIVEN an answer of the bot in a group
        startAdapter();
        Incoming question = server.groupMessage(GROUP, USER, "/ask who is Yi Tay?");
        SentMessage answer = server.awaitReplyTo(GROUP, question.messageId(), WAIT);

        // WHEN a user replies to it without mentioning the bot
        Incoming followUp = server.groupReply(GROUP, USER, "and when did he return?", answer.messageId());

        // THEN the follow-up is answered too
        server.awaitReplyTo(GROUP, followUp.messageId(), WAIT);
        assertThat(core.calls).extracting(c -> c.request().text())
                .containsExactly("who is Yi Tay?", "and when did he return?");
    }

    @Test
    void splitsALongAnswerIntoOrderedPartsWithinTelegramsLimit() throws Exception {
        // GIVEN an answer of 10,000 characters in paragraphs
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 10_000; i++) {
            text.append("Paragraph ").append(i).append(": Yi Tay talks about <models> & \"scaling\" again. ")
                    .append("x".repeat(150)).append("\n\n");
        }
        String longText = text.substring(0, 10_000).strip();
        core.answerWith((command, request) -> core.answer(longText, List.of(StubCore.CITATION)));
        startAdapter();

        // WHEN a user asks
        Incoming question = server.privateMessage(USER, "tell me everything");

        // THEN the answer arrives in parts of at most 4096 characters, in order, valid HTML each
        SentMessage first = server.awaitReplyTo(USER, question.messageId(), WAIT);
        List<SentMessage> parts = server.awaitSentMessages(3, WAIT);
        assertThat(parts.get(0)).isEqualTo(first);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.text().length()).isLessThanOrEqualTo(4096);
            assertThat(FakeHtml.isValid(p.text())).isTrue();
        });
        assertThat(parts).extracting(SentMessage::seq).isSorted();
        // AND together they are the whole answer, then the sources
        String joined = parts.stream().map(SentMessage::plainText).collect(Collectors.joining("\n\n"));
        assertThat(joined).startsWith(longText.substring(0, 500));
        assertThat(joined.replaceAll("\\s+", "")).contains(longText.replaceAll("\\s+", ""));
        assertThat(parts.get(parts.size() - 1).plainText()).contains(StubCore.EPISODE + " · lines 12–14");
        // AND only the first part is a reply, only the last has the buttons
        assertThat(parts.subList(1, parts.size())).allMatch(p -> p.replyToMessageId() == null);
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(p -> p.callbackData().isEmpty());
        assertThat(parts.get(parts.size() - 1).callbackData()).hasSize(2);
    }

    @Test
    void aReplyLongerThanTheMessageCapSendsFourMessagesAndTheRestBehindAMoreButton() throws Exception {
        // GIVEN an answer of about 30,000 characters (eight messages' worth), and the default cap of 4
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 30_000; i++) {
            text.append("Paragraph ").append(i).append(": ").append("y".repeat(300)).append("\n\n");
        }
        String longText = text.toString().strip();
        core.answerWith((command, request) -> core.answer(longText, List.of(StubCore.CITATION)));
        startAdapter();

        // WHEN a user asks
        Incoming question = server.privateMessage(USER, "tell me everything");

        // THEN four messages arrive; the last has the votes and a "more" button saying what is left
        server.awaitReplyTo(USER, question.messageId(), WAIT);
        List<SentMessage> first = server.awaitSentMessages(4, WAIT);
        Thread.sleep(300);
        assertThat(server.sentMessages()).hasSize(4);
        SentMessage last = first.get(3);
        assertThat(last.callbackData()).hasSize(3).startsWith("fb:u:r1", "fb:d:r1");
        String more = last.callbackData().get(2);
        assertThat(more).startsWith("mr:");
        assertThat(server.calls("sendMessage").get(3).params().path("reply_markup").toString())
                .contains("More (4 messages left)");

        // WHEN the user presses "more"
        server.callback(USER, USER, last.messageId(), more);

        // THEN the remaining messages come (no more button, no second set of votes), and the press is answered
        List<SentMessage> all = server.awaitSentMessages(8, WAIT);
        server.awaitCalls("answerCallbackQuery", 1, WAIT);
        assertThat(all.subList(4, 8)).allMatch(m -> m.replyToMessageId() == null)
                .allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(4096));
        assertThat(all.subList(4, 8)).flatExtracting(SentMessage::callbackData).isEmpty();
        String joined = all.stream().map(SentMessage::plainText).collect(Collectors.joining("\n\n"));
        assertThat(joined.replaceAll("\\s+", "")).contains(longText.replaceAll("\\s+", ""));

        // WHEN the same button is pressed again
        server.callback(USER, USER, last.messageId(), more);

        // THEN nothing more is sent and the user is told the continuation is gone
        List<RecordedCall> answers = server.awaitCalls("answerCallbackQuery", 2, WAIT);
        assertThat(answers.get(1).params().path("text").asText()).contains("no longer available");
        assertThat(server.sentMessages()).hasSize(8);
    }

    @Test
    void theMessageCapIsConfigurable() throws Exception {
        // GIVEN MAX_REPLY_MESSAGES=1 and a reply of three messages
        String longText = ("z".repeat(3000) + "\n\n").repeat(3).strip();
        core.answerWith((command, request) -> BotReply.info(longText, Language.EN));
        TelegramAdapter adapter = new TelegramAdapter(config().withReplies(
                dev.episodebot.core.render.ReplyLimits.from(new Env(Map.of("MAX_REPLY_MESSAGES", "1")))), core, core);
        adapters.add(adapter);
        adapter.start();

        // WHEN a user runs a command
        Incoming command = server.privateMessage(USER, "/sources");

        // THEN one message comes, with only a "more" button (informational replies get no votes)
        SentMessage only = server.awaitReplyTo(USER, command.messageId(), WAIT);
        Thread.sleep(300);
        assertThat(server.sentMessages()).containsExactly(only);
        assertThat(only.callbackData()).singleElement().asString().startsWith("mr:");
    }

    @Test
    void commandsCarryTheUsersTelegramLanguageAndWhetherTheChatIsPrivate() throws Exception {
        // GIVEN a user whose Telegram is in Chinese
        server.userLanguage(USER, "zh-hans");
        startAdapter();

        // WHEN they send /help privately, then /sources in a group
        Incoming help = server.privateMessage(USER, "/help");
        SentMessage helpReply = server.awaitReplyTo(USER, help.messageId(), WAIT);
        Incoming sources = server.groupMessage(GROUP, USER, "/sources");
        server.awaitReplyTo(GROUP, sources.messageId(), WAIT);

        // THEN the core saw the language and the audience, and answered /help in Chinese
        assertThat(core.calls.get(0).request().locale()).isEqualTo("zh-hans");
        assertThat(core.calls.get(0).request().direct()).isTrue();
        assertThat(core.calls.get(1).request().direct()).isFalse();
        assertThat(helpReply.plainText()).startsWith("关于这期节目，尽管问我");
    }

    @Test
    void escapesEveryPieceOfTextSoTelegramAcceptsTheMarkup() throws Exception {
        // GIVEN an answer and a citation full of markup-like text
        String nasty = "a < b && c > d, <b>not bold</b> &amp; <script>alert(1)</script> \"q\" 'x' &lt;";
        Citation citation = new Citation("notes/<odd>&file.txt", 1, 2, null, null,
                "https://example.com/?a=1&b=\"2\"", "<i>quoted</i> & more", null);
        core.answerWith((command, request) -> core.answer(nasty, List.of(citation)));
        startAdapter();

        // WHEN a user asks
        Incoming question = server.privateMessage(USER, "<b>hi</b> & bye");

        // THEN Telegram (the strict fake) accepted the HTML at once, and it shows the text unchanged
        SentMessage answer = server.awaitReplyTo(USER, question.messageId(), WAIT);
        assertThat(server.calls("sendMessage")).hasSize(1).allMatch(RecordedCall::ok);
        assertThat(answer.parseMode()).isEqualToIgnoringCase("HTML");
        assertThat(answer.plainText()).startsWith(nasty).contains("notes/<odd>&file.txt · lines 1–2")
                .doesNotContain("<i>quoted</i>"); // a citation never repeats its quote
        assertThat(answer.text()).contains("href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\"");
        assertThat(core.calls.get(0).request().text()).isEqualTo("<b>hi</b> & bye");
    }

    @Test
    void resendsAsPlainTextWhenTelegramCannotParseTheEntities() throws Exception {
        // GIVEN Telegram rejects the next message's markup
        server.failNext("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"b\" at byte "
                + "offset 0");
        startAdapter();

        // WHEN a user asks
        Incoming question = server.privateMessage(USER, "a < b?");

        // THEN the same text goes again, as plain text, still as the reply with the buttons
        SentMessage answer = server.awaitReplyTo(USER, question.messageId(), WAIT);
        List<RecordedCall> sends = server.calls("sendMessage");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).status()).isEqualTo(400);
        assertThat(sends.get(0).params().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(answer.parseMode()).isNull();
        assertThat(answer.text()).startsWith("You asked: a < b?").contains("Sources")
                .contains(StubCore.CITATION.url());
        assertThat(answer.text()).doesNotContain("&lt;", "<b>", "<a ");
        assertThat(answer.callbackData()).hasSize(2);
    }

    @Test
    void waitsForRetryAfterOn429AndDeliversOnce() throws Exception {
        // GIVEN Telegram rate-limits the next message for one second
        server.rateLimitNext("sendMessage", 1);
        startAdapter();

        // WHEN a user asks
        Incoming question = server.privateMessage(USER, "who is Yi Tay?");

        // THEN the answer is delivered once, no sooner than retry_after after the 429
        SentMessage answer = server.awaitReplyTo(USER, question.messageId(), WAIT);
        List<RecordedCall> sends = server.calls("sendMessage");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).status()).isEqualTo(429);
        assertThat(server.sentMessages()).containsExactly(answer);
        assertThat(Duration.between(sends.get(0).at(), sends.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(950));
    }

    @Test
    void keepsPollingWhenGetUpdatesFails() throws Exception {
        // GIVEN the first two polls fail with 500, and a question is waiting
        server.failNextRaw("getUpdates", 500, "text/html", "<html>Internal Server Error</html>");
        server.failNextRaw("getUpdates", 500, "text/html", "<html>Internal Server Error</html>");
        Incoming question = server.privateMessage(USER, "still there?");

        // WHEN the adapter starts
        startAdapter();

        // THEN it polls again and answers
        server.awaitReplyTo(USER, question.messageId(), WAIT);
        List<RecordedCall> polls = server.calls("getUpdates");
        assertThat(polls.get(0).status()).isEqualTo(500);
        assertThat(polls.get(1).status()).isEqualTo(500);
        assertThat(polls.get(2).status()).isEqualTo(200);
    }

    @Test
    void explainsA409ConflictAndKeepsPolling() throws Exception {
        // GIVEN another process polls with the same token (Telegram answers 409 once)
        server.failNext("getUpdates", 409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        Incoming question = server.privateMessage(USER, "anyone?");

        // WHEN the adapter starts
        startAdapter();

        // THEN a clear line is logged, and polling goes on
        server.awaitReplyTo(USER, question.messageId(), WAIT);
        assertThat(CapturingAppender.events()).anyMatch(e -> e.startsWith("ERROR")
                && e.contains("409 Conflict") && e.contains("another process is polling with the same"));
    }

    @Test
    void keepsPollingWhenHandlingAnUpdateFails() throws Exception {
        // GIVEN a core that fails on one question
        core.answerWith((command, request) -> {
            if (request.text().equals("boom")) {
                throw new IllegalStateException("index exploded");
            }
            return core.answer("fine: " + request.text(), List.of());
        });
        startAdapter();

        // WHEN that question comes, then others in the same and another chat
        Incoming boom = server.privateMessage(USER, "boom");
        Incoming after = server.privateMessage(USER, "after");
        Incoming elsewhere = server.privateMessage(USER + 1, "elsewhere");

        // THEN the failing one gets an apology and the next ones are answered
        assertThat(server.awaitReplyTo(USER, boom.messageId(), WAIT).plainText()).startsWith("Sorry");
        assertThat(server.awaitReplyTo(USER, after.messageId(), WAIT).plainText()).isEqualTo("fine: after");
        assertThat(server.awaitReplyTo(USER + 1, elsewhere.messageId(), WAIT).plainText())
                .isEqualTo("fine: elsewhere");
        assertThat(CapturingAppender.events()).anyMatch(e -> e.contains("index exploded"));
    }

    @Test
    void keepsPollingWhenAReplyCannotBeDelivered() throws Exception {
        // GIVEN Telegram refuses the next message outright
        server.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
        startAdapter();

        // WHEN a user asks twice
        server.privateMessage(USER, "first");
        Incoming second = server.privateMessage(USER, "second");

        // THEN the failure is logged and the next question is still answered
        server.awaitReplyTo(USER, second.messageId(), WAIT);
        assertThat(server.sentTo(USER)).hasSize(1);
        assertThat(CapturingAppender.events()).anyMatch(e -> e.contains("bot was blocked by the user"));
    }

    @Test
    void answersAnUpdateDeliveredAgainAfterARestartOnlyOnce() throws Exception {
        // GIVEN an answered question, and the adapter restarted
        TelegramAdapter first = startAdapter();
        Incoming question = server.privateMessage(USER, "only once please");
        server.awaitReplyTo(USER, question.messageId(), WAIT);
        first.close();
        int pollsBefore = server.calls("getUpdates").size();

        // WHEN Telegram delivers that update again, followed by a new one
        server.redeliver(question);
        startAdapter();
        Incoming next = server.privateMessage(USER, "and this one");

        // THEN only the new one is answered
        server.awaitReplyTo(USER, next.messageId(), WAIT);
        assertThat(server.sentTo(USER)).hasSize(2);
        assertThat(core.calls).extracting(c -> c.request().text()).containsExactly("only once please", "and this one");
        // AND the restarted adapter asked for updates after the handled one
        RecordedCall firstPollAfterRestart = server.calls("getUpdates").get(pollsBefore);
        assertThat(firstPollAfterRestart.params().path("offset").asInt()).isEqualTo(question.updateId() + 1);
        assertThat(dataDir.resolve("telegram")).isDirectoryContaining("glob:**last-update-*.properties");
    }

    @Test
    void recordsAThumbsUpAndAnswersTheButtonPress() throws Exception {
        // GIVEN an answer with feedback buttons
        startAdapter();
        Incoming question = server.privateMessage(USER, "who is Yi Tay?");
        SentMessage answer = server.awaitReplyTo(USER, question.messageId(), WAIT);

        // WHEN the user presses 👍
        server.callback(USER, USER, answer.messageId(), answer.callbackData().get(0));

        // THEN the vote is recorded for that answer and user, and the press is answered
        RecordedCall pressAnswer = server.awaitCalls("answerCallbackQuery", 1, WAIT).get(0);
        assertThat(pressAnswer.params().path("text").asText()).isEqualTo("Thanks for the feedback!");
        assertThat(core.votes).containsExactly(new StubCore.VoteCall("r1", Platform.TELEGRAM, String.valueOf(USER),
                Vote.UP));

        // WHEN a press carries an id the core does not know, or data that is not feedback
        server.callback(USER, USER, answer.messageId(), "fb:d:unknown");
        server.callback(USER, USER, answer.messageId(), "something-else");

        // THEN both presses are still answered
        List<RecordedCall> answers = server.awaitCalls("answerCallbackQuery", 3, WAIT);
        assertThat(answers.get(1).params().path("text").asText()).contains("can no longer be rated");
        assertThat(answers.get(2).params().path("text").isMissingNode()
                || answers.get(2).params().path("text").isNull()).isTrue();
        assertThat(core.votes).hasSize(2);
    }

    @Test
    void reloadIsRefusedToANonAdminAndAllowedToTheAdmin() throws Exception {
        // GIVEN a running adapter, BOT_ADMINS=telegram:42 in the (stub) core
        startAdapter();

        // WHEN a non-admin and the admin send /reload
        Incoming stranger = server.privateMessage(USER, "/reload");
        Incoming admin = server.privateMessage(StubCore.ADMIN_ID, "/reload");

        // THEN the stranger is refused and the admin is not, because the adapter passes numeric user ids
        assertThat(server.awaitReplyTo(USER, stranger.messageId(), WAIT).plainText()).contains("Only admins");
        assertThat(server.awaitReplyTo(StubCore.ADMIN_ID, admin.messageId(), WAIT).plainText())
                .isEqualTo("Reloaded the knowledge folder.");
        assertThat(core.calls).allSatisfy(c -> {
            assertThat(c.command()).isEqualTo(BotCommand.RELOAD);
            assertThat(c.request().platform()).isEqualTo(Platform.TELEGRAM);
        });
        assertThat(core.calls).extracting(c -> c.request().userId())
                .containsExactlyInAnyOrder(String.valueOf(USER), String.valueOf(StubCore.ADMIN_ID));
        // AND refusals and informational replies carry no feedback buttons
        assertThat(server.sentMessages()).allMatch(m -> m.callbackData().isEmpty());
    }

    @Test
    void anAnonymousGroupAdminIsNeverTakenForAUser() throws Exception {
        // GIVEN a running adapter in a group
        startAdapter();

        // WHEN an anonymous admin sends /reload@BotName
        Incoming anonymous = server.anonymousAdminMessage(GROUP, "/reload@" + FakeTelegramServer.BOT_USERNAME);

        // THEN the core sees a user id no admin entry can match, and refuses
        assertThat(server.awaitReplyTo(GROUP, anonymous.messageId(), WAIT).plainText()).contains("Only admins");
        assertThat(core.calls.get(0).request().userId()).isEqualTo("anonymous");
    }

    @Test
    void startAndHelpShowTheCoresHelp() throws Exception {
        // GIVEN a running adapter
        startAdapter();

        // WHEN a new user sends /start, then /help
        Incoming start = server.privateMessage(USER, "/start");
        Incoming help = server.privateMessage(USER, "/help");

        // THEN both get the core's help, which names the episode
        assertThat(server.awaitReplyTo(USER, start.messageId(), WAIT).plainText()).contains(StubCore.EPISODE);
        assertThat(server.awaitReplyTo(USER, help.messageId(), WAIT).plainText()).contains(StubCore.EPISODE);
        assertThat(core.calls).extracting(StubCore.Call::command).containsExactly(BotCommand.HELP, BotCommand.HELP);
    }

    @Test
    void handlesChatsConcurrentlyAndEachChatInOrder() throws Exception {
        // GIVEN a core that is slow on one chat's first question until another chat is answered
        CountDownLatch otherChatAnswered = new CountDownLatch(1);
        core.answerWith((command, request) -> {
            if (request.text().equals("slow")) {
                try {
                    otherChatAnswered.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return BotReply.info("re: " + request.text(), Language.EN);
        });
        startAdapter();

        // WHEN chat A asks twice and chat B once
        Incoming slow = server.privateMessage(USER, "slow");
        Incoming second = server.privateMessage(USER, "second");
        Incoming other = server.privateMessage(USER + 1, "other");

        // THEN B is answered while A's first question is still being answered
        server.awaitReplyTo(USER + 1, other.messageId(), WAIT);
        assertThat(server.sentTo(USER)).isEmpty();
        otherChatAnswered.countDown();
        // AND A's answers come in A's order
        SentMessage slowAnswer = server.awaitReplyTo(USER, slow.messageId(), WAIT);
        SentMessage secondAnswer = server.awaitReplyTo(USER, second.messageId(), WAIT);
        assertThat(slowAnswer.seq()).isLessThan(secondAnswer.seq());
    }

    @Test
    void refusesToStartWithATokenTelegramRejects() {
        // GIVEN a server that knows another token
        server.expectToken("654321:OTHER-token");
        TelegramAdapter adapter = new TelegramAdapter(config(), core, core);
        adapters.add(adapter);

        // WHEN it starts THEN it fails with a clear message that does not contain the token
        assertThatThrownBy(adapter::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TELEGRAM_BOT_TOKEN")
                .hasMessageContaining("401")
                .hasMessageNotContaining("TEST-token");
        assertThat(adapter.isConnected()).isFalse();
        assertThat(server.calls("getUpdates")).isEmpty();
    }

    @Test
    void sendsEveryCallWithTheConfiguredToken() throws Exception {
        // WHEN the adapter starts and answers
        startAdapter();
        Incoming question = server.privateMessage(USER, "hello");
        server.awaitReplyTo(USER, question.messageId(), WAIT);

        // THEN every call went to /bot<token>/<method>
        assertThat(server.calls()).isNotEmpty().allSatisfy(call -> assertThat(call.token()).isEqualTo(TOKEN));
    }
}
