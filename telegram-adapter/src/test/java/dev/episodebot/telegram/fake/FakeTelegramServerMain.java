package dev.episodebot.telegram.fake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeTelegramServer} on its own, beside a running bot, and prints every call it
 * receives. Updates are typed on standard input (or posted to the {@code /_fake/…} control
 * endpoints, see {@link FakeTelegramServer}):
 *
 * <pre>
 *   dm &lt;userId&gt; &lt;text…&gt;                      a private message
 *   group &lt;chatId&gt; &lt;userId&gt; &lt;text…&gt;            a supergroup message (chatId negative)
 *   reply &lt;chatId&gt; &lt;userId&gt; &lt;messageId&gt; &lt;text…&gt;  a group message replying to messageId
 *   press &lt;userId&gt; &lt;chatId&gt; &lt;messageId&gt; &lt;data&gt;    a press on an inline button
 *   sent                                    the messages the bot sent so far
 *   quit
 * </pre>
 *
 * <p>It needs only the test classes and Jackson. From the repository root, after
 * {@code mvn -o -q -pl telegram-adapter -am test-compile}:
 *
 * <pre>
 *   mvn -o -q -pl telegram-adapter dependency:build-classpath -Dmdep.outputFile=/tmp/tg.cp
 *   java -cp telegram-adapter/target/test-classes:$(cat /tmp/tg.cp) \
 *       dev.episodebot.telegram.fake.FakeTelegramServerMain 8081
 *
 *   TELEGRAM_BOT_TOKEN=123456:TEST-token TELEGRAM_API_URL=http://127.0.0.1:8081 \
 *       java -jar bot-app/target/episode-bot.jar run
 *
 *   # then type "dm 1001 Reka 的技术团队有多少人？" into the fake, or from a script:
 *   curl -s -XPOST localhost:8081/_fake/private -d '{"user_id":1001,"text":"Reka 的技术团队有多少人？"}'
 *   curl -s -XPOST localhost:8081/_fake/group -d '{"chat_id":-1001,"user_id":1001,"text":"just chatting"}'
 *   curl -s -XPOST localhost:8081/_fake/group -d '{"chat_id":-1001,"user_id":1001,"text":"/ask Reka 有多少人？"}'
 *   curl -s localhost:8081/_fake/sent
 * </pre>
 *
 * <p>Started with standard input closed ({@code < /dev/null &}) it serves until killed.
 */
public final class FakeTelegramServerMain {

    private FakeTelegramServerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        FakeTelegramServer server = FakeTelegramServer.start(port);
        server.onCall(call -> System.out.println(describe(call)));
        System.out.println("Fake Telegram Bot API on " + server.url() + " (bot @" + FakeTelegramServer.BOT_USERNAME
                + ", id " + FakeTelegramServer.BOT_ID + "). Commands: dm, group, reply, press, sent, quit.");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            try {
                if (!command(server, line.strip())) {
                    server.close();
                    return;
                }
            } catch (RuntimeException e) {
                System.out.println("? " + e.getMessage());
            }
        }
        // standard input closed (started in the background): serve until killed
        new CountDownLatch(1).await();
    }

    private static boolean command(FakeTelegramServer server, String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] words = line.split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        switch (words[0]) {
            case "dm" -> {
                String[] p = rest.split("\\s+", 2);
                System.out.println("→ update " + server.privateMessage(Long.parseLong(p[0]), p[1]).updateId());
            }
            case "group" -> {
                String[] p = rest.split("\\s+", 3);
                System.out.println("→ update "
                        + server.groupMessage(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2]).updateId());
            }
            case "reply" -> {
                String[] p = rest.split("\\s+", 4);
                System.out.println("→ update " + server.groupReply(Long.parseLong(p[0]), Long.parseLong(p[1]), p[3],
                        Integer.parseInt(p[2])).updateId());
            }
            case "press" -> {
                String[] p = rest.split("\\s+", 4);
                System.out.println("→ update " + server.callback(Long.parseLong(p[0]), Long.parseLong(p[1]),
                        Integer.parseInt(p[2]), p[3]).updateId());
            }
            case "sent" -> server.sentMessages().forEach(m -> System.out.println("  chat " + m.chatId() + " #"
                    + m.messageId() + (m.replyToMessageId() == null ? "" : " ↩" + m.replyToMessageId()) + ": "
                    + m.plainText().replace("\n", "\n    ") + (m.callbackData().isEmpty() ? ""
                            : "\n    buttons " + m.callbackData())));
            case "quit", "exit" -> {
                return false;
            }
            default -> System.out.println("? unknown command " + words[0]);
        }
        return true;
    }

    private static String describe(RecordedCall call) {
        StringBuilder sb = new StringBuilder("← #").append(call.seq()).append(' ').append(call.method())
                .append(" → ").append(call.status());
        switch (call.method()) {
            case "sendmessage" -> sb.append(" chat=").append(call.params().path("chat_id").asText())
                    .append(call.params().hasNonNull("parse_mode") ? " parse_mode=" + call.params().get("parse_mode")
                            .asText() : "")
                    .append(call.params().path("reply_parameters").hasNonNull("message_id")
                            ? " reply_to=" + call.params().path("reply_parameters").path("message_id").asText() : "")
                    .append("\n    ").append(call.params().path("text").asText().replace("\n", "\n    "));
            case "getupdates" -> sb.append(" offset=").append(call.params().path("offset").asText())
                    .append(" delivered=").append(call.response().path("result").size());
            case "sendchataction" -> sb.append(" chat=").append(call.params().path("chat_id").asText())
                    .append(" action=").append(call.params().path("action").asText());
            case "answercallbackquery" -> sb.append(" text=").append(call.params().path("text").asText());
            default -> {
                if (!call.params().isEmpty()) {
                    sb.append(' ').append(FakeTelegramServer.abbreviate(call.params().toString()));
                }
            }
        }
        if (!call.ok()) {
            sb.append("\n    ").append(call.response());
        }
        return sb.toString();
    }
}
