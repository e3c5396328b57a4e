package dev.episodebot.app;

import dev.episodebot.bench.BenchCommand;
import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.support.SecretRedactor;
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

    /**
     * Loads ONNX Runtime's native library on a background thread while the command line, logging and
     * configuration are set up: it is the first step of loading the embedding model, the longest
     * part of a start.
     */
    private static void warmUpNativeRuntime() {
        Thread thread = new Thread(dev.episodebot.core.embedding.EmbeddingModels::loadNativeRuntime, "onnxruntime-load");
        thread.setDaemon(true);
        thread.start();
    }

    /** The command line for an environment (tests pass their own). */
    public static CommandLine commandLine(Env env) {
        CommandLine cli = new CommandLine(new EpisodeBotCli());
        cli.addSubcommand(new AskCommand(env));
        cli.addSubcommand(new ChatCommand(env));
        cli.addSubcommand(new IndexCommand(env));
        cli.addSubcommand(new OutlineCommand(env));
        cli.addSubcommand(new SearchCommand(env));
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
        warmUpNativeRuntime();
        Env env = Env.system();
        SecretRedactor.register(SecretRedactor.fromEnv(env));
        System.exit(commandLine(env).execute(args));
    }
}
