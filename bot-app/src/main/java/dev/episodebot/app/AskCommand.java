package dev.episodebot.app;

import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.bot.InputCleaner;
import dev.episodebot.core.config.Env;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ask [--json] QUESTION}: answers one question from the knowledge folder and exits. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer one question from the knowledge folder (no token, no network without an LLM).")
final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    @Option(names = "--json", description = "Print the answer, citations and retrieved passages as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (several words are joined).")
    List<String> words;

    private final Env env;

    AskCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try (BotCore core = BotCore.start(options.config(env))) {
            Answer answer = core.answerer().answer(InputCleaner.clean(String.join(" ", words)), List.of());
            // what users are shown, the console is too: no escapes or bidi controls, no secret
            spec.commandLine().getOut().println(json ? JsonAnswer.of(answer, core.shownText())
                    : core.shownText().apply(answer.text()));
            return 0;
        }
    }
}
