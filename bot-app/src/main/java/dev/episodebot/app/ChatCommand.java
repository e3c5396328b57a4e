package dev.episodebot.app;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.CommandText;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyProgress;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chat}: a console conversation with memory; {@code /help}, {@code /new}, {@code /status} … work as in chat apps. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Talk with the bot on the console (with conversation memory; /help lists commands; /quit ends).")
final class ChatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    private final Env env;

    ChatCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        try (Runtime runtime = Runtime.start(options.config(env), true)) {
            BotCore core = runtime.core();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintWriter out = spec.commandLine().getOut();
            out.println(Catalog.text(Language.EN, UiText.CONSOLE_GREETING));
            String line;
            while (true) {
                out.print("> ");
                out.flush();
                line = in.readLine();
                if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                ConsoleStream stream = new ConsoleStream(out);
                BotReply reply = handle(core, line.strip(), stream);
                stream.end();
                out.println(reply.text());
                out.println();
            }
        }
    }

    static BotReply handle(BotCore core, String line) {
        return handle(core, line, ReplyProgress.NONE);
    }

    static BotReply handle(BotCore core, String line, ReplyProgress progress) {
        CommandText.Resolved parsed = CommandText.resolve(line);
        return core.bot().handle(parsed.command(), new BotRequest("console", "console", Platform.CONSOLE, parsed.text()),
                progress);
    }

    /**
     * Prints a streamed answer's text as it comes (what each draft adds); the checked final reply,
     * with its sources, is printed after it.
     */
    static final class ConsoleStream implements ReplyProgress {

        private final PrintWriter out;
        private String printed = "";

        ConsoleStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void draft(BotReply draft) {
            String text = draft.lead() == null ? "" : draft.lead();
            if (text.startsWith(printed)) {
                out.print(text.substring(printed.length()));
            } else {
                out.print("\n" + text); // the draft changed (a marker removed): start over on a new line
            }
            out.flush();
            printed = text;
        }

        /** Ends the streamed text (if any) with a blank line before the final reply. */
        void end() {
            if (!printed.isEmpty()) {
                out.println();
                out.println();
            }
        }
    }
}
