package dev.episodebot.app;

import dev.episodebot.core.config.Env;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code run}: starts the platform adapters whose tokens are set. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the Discord and/or Telegram bot (set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN).")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    private final Env env;

    RunCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (env.get("TELEGRAM_BOT_TOKEN").isEmpty() && env.get("DISCORD_TOKEN").isEmpty()) {
            spec.commandLine().getErr().println(
                    "No platform to run: set TELEGRAM_BOT_TOKEN (Telegram) and/or DISCORD_TOKEN (Discord).");
            return 2;
        }
        spec.commandLine().getErr().println("Adapters are not wired yet.");
        return 1;
    }
}
