package dev.episodebot.app;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.config.LlmConfig;
import dev.episodebot.core.eval.ContextRecall;
import dev.episodebot.core.eval.EvalQuestion;
import dev.episodebot.core.eval.EvalReport;
import dev.episodebot.core.eval.EvalRunner;
import dev.episodebot.core.eval.EvalSummary;
import dev.episodebot.core.eval.QuestionFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval --questions FILE.jsonl [--report OUT.json] [--k 5]}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure retrieval recall, answer hits per kind and abstention on a question set (JSON lines);"
                + " follow-ups are asked after their context in the same conversation.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    @Option(names = "--questions", required = true, paramLabel = "FILE.jsonl", description = "Questions: id, lang, kind, [context[]], q, evidence[], answer[].")
    Path questions;

    @Option(names = "--report", paramLabel = "OUT.json", description = "Write per-question results here.")
    Path report;

    @Option(names = "--k", defaultValue = "5", paramLabel = "K", description = "Retrieved chunks kept per question (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--llm-context", description = "Instead of answering: build, with no LLM call, the context each question"
            + " would give the LLM (LLM_CONTEXT_TOKENS) and report context recall per kind; the report holds each context.")
    boolean llmContext;

    private final Env env;

    EvalCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        CoreConfig config = options.config(env);
        List<EvalQuestion> set = QuestionFile.read(questions); // a bad file fails before the indexing wait
        if (llmContext) {
            // no LLM call: the context is only assembled
            config = config.withLlm(LlmConfig.none().withContextTokens(config.llm().contextTokens()));
        }
        try (BotCore core = BotCore.start(config)) {
            if (llmContext) {
                ContextRecall.Summary summary = new ContextRecall(core.answerer(), core.contextAssembler()).run(set);
                java.io.PrintWriter out = spec.commandLine().getOut();
                out.print(summary.table());
                if (report != null) {
                    summary.write(report);
                    out.println("Report: " + report);
                }
                out.flush();
                return 0;
            }
            EvalSummary summary = new EvalRunner(core.answerer()).run(set, k);
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.print(summary.table());
            if (report != null) {
                EvalReport.write(summary, report);
                out.println("Report: " + report);
            }
            out.flush();
            return 0;
        }
    }
}
