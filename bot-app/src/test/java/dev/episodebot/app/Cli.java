package dev.episodebot.app;

import dev.episodebot.core.config.Env;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the {@code episode-bot} command line in-process with captured output (and a given stdin). */
final class Cli {

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {}

    private Cli() {}

    static Result run(Env env, String... args) {
        return runWithInput(env, null, args);
    }

    /** Runs with {@code stdin} as standard input (restored afterwards). */
    static synchronized Result runWithInput(Env env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EpisodeBotCli.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        InputStream originalIn = System.in;
        if (stdin != null) {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            int code = cli.execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(originalIn);
        }
    }
}
