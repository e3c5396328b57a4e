package dev.episodebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.bot.InputCleaner;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.knowledge.SubtitleParser;
import dev.episodebot.core.overview.Outline;
import dev.episodebot.core.overview.OutlineSection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outline [--json] [EPISODE]}: an episode's outline. JSON: {@code {"source", "title",
 * "sections":[{"title","lineStart","lineEnd","start","end","keyLines":[…]}],
 * "summary":[{"text","lineStart","lineEnd"}], "keywords":[…]}} ({@code start}/{@code end} null
 * without timecodes). With several episodes and none named, it lists them and exits 2.
 */
@Command(name = "outline", mixinStandardHelpOptions = true,
        description = "Print an episode's outline: topical sections with lines and times, a summary, keywords.")
final class OutlineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    @Option(names = "--json", description = "Print the outline as JSON.")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "EPISODE", description = "The episode's title or file name (optional with one episode).")
    List<String> words;

    private final Env env;

    OutlineCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try (BotCore core = BotCore.start(options.config(env))) {
            String episode = InputCleaner.clean(words == null ? "" : String.join(" ", words));
            UnaryOperator<String> shown = core.shownText();
            Optional<Outline> outline = core.overviews().outlineOf(episode);
            String reply = outline.isPresent() && json ? null : shown.apply(core.bot().handle(BotCommand.OUTLINE,
                    new BotRequest("console", "console", Platform.CONSOLE, episode)).text());
            if (outline.isEmpty()) {
                spec.commandLine().getErr().println(reply); // the episodes to choose from, or why there is none
                return 2;
            }
            spec.commandLine().getOut().println(json ? json(outline.get(), core, shown) : reply);
            return 0;
        }
    }

    static String json(Outline outline, BotCore core, UnaryOperator<String> shown) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("source", shown.apply(outline.source()));
        root.put("title", shown.apply(core.overviews().displayTitle(outline)));
        ArrayNode sections = root.putArray("sections");
        for (OutlineSection s : outline.sections()) {
            ObjectNode section = sections.addObject();
            section.put("title", shown.apply(s.title())).put("lineStart", s.lineStart()).put("lineEnd", s.lineEnd())
                    .put("start", s.timed() ? SubtitleParser.format(s.startMillis()) : null)
                    .put("end", s.endMillis() >= 0 ? SubtitleParser.format(s.endMillis()) : null);
            ArrayNode keyLines = section.putArray("keyLines");
            s.keyLines().forEach(k -> keyLines.add(shown.apply(k.text())));
        }
        ArrayNode summary = root.putArray("summary");
        for (Outline.KeyLine line : outline.summary()) {
            summary.addObject().put("text", shown.apply(line.text())).put("lineStart", line.line()).put("lineEnd", line.line());
        }
        ArrayNode keywords = root.putArray("keywords");
        core.overviews().keywords(outline).forEach(k -> keywords.add(shown.apply(k)));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
