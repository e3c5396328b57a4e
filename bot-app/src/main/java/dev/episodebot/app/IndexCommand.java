package dev.episodebot.app;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.RefreshReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code index}: builds or updates the embedding cache and reports what was indexed. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build or update the embedding cache; print files, chunks and the model.")
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    private final Env env;

    IndexCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try (BotCore core = BotCore.create(options.config(env), null, null, java.time.Clock.systemUTC())) {
            java.io.PrintWriter out = spec.commandLine().getOut();
            RefreshReport report = core.refresh(new ProgressBar(spec.commandLine().getErr()));
            IndexState index = core.knowledge().index();
            out.println("Files:  " + index.sources().size());
            index.sources().forEach(s -> out.println("  " + s.source() + " — " + s.chunks() + " chunks, " + s.lines()
                    + " lines (" + s.title() + ")"));
            out.println("Chunks: " + index.chunks().size() + " (" + report.embedded() + " embedded, "
                    + report.reused() + " from the cache)");
            out.println("Model:  " + index.model().displayName());
            for (SkippedFile skipped : report.skipped()) {
                out.println("Skipped " + skipped.source() + ": " + skipped.reason());
            }
            if (!report.applied()) {
                out.println("Problem: " + report.problem());
                return 1;
            }
            return index.isEmpty() ? 1 : 0;
        }
    }
}
