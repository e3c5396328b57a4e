package dev.episodebot.app;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code episode-bot} command line. */
@Command(name = "episode-bot", mixinStandardHelpOptions = true, version = "episode-bot 0.1.0",
        description = "Answers questions about a podcast/video episode from its transcript, on the console, "
                + "in Discord and in Telegram.",
        subcommands = {CommandLine.HelpCommand.class})
public final class EpisodeBotCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line for an environment (tests pass their own). */
    public static CommandLine commandLine(Env env) {
        CommandLine cli = new CommandLine(new EpisodeBotCli());
        cli.addSubcommand(new AskCommand(env));
        cli.addSubcommand(new ChatCommand(env));
        cli.addSubcommand(new IndexCommand(env));
        cli.addSubcommand(new EvalCommand(env));
        cli.addSubcommand(new RunCommand(env));
        cli.addSubcommand(new BenchCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ConfigException) {
                err.println("Configuration error: " + RedactingLayout.redact(String.valueOf(e.getMessage())));
                return 2;
            }
            err.println("Error: " + RedactingLayout.redact(String.valueOf(e.getMessage())));
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        Env env = Env.system();
        RedactingLayout.addSecrets(java.util.stream.Stream.of("TELEGRAM_BOT_TOKEN", "DISCORD_TOKEN", "LLM_API_KEY")
                .map(env::get).flatMap(java.util.Optional::stream).toList());
        System.exit(commandLine(env).execute(args));
    }
}
