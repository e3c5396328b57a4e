package dev.episodebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.Citation;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.bot.InputCleaner;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.overview.EpisodeOverviews;
import dev.episodebot.core.render.CitationText;
import dev.episodebot.core.Language;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code search [--json] TERM}: every line of every episode that contains the term (case- and
 * width-insensitive), in episode and line order. JSON: {@code {"term", "total", "matches":[{"source",
 * "title","lineStart","lineEnd","start","end","url","quote"}]}}; {@code quote} is the line.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "List every transcript line that contains a word or phrase.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    @Option(names = "--json", description = "Print the matches as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "TERM", description = "The word or phrase (several words are joined).")
    List<String> words;

    private final Env env;

    SearchCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String term = InputCleaner.clean(String.join(" ", words)).strip();
        if (term.isEmpty() || term.codePointCount(0, term.length()) > EpisodeOverviews.MAX_TERM_CHARS) {
            spec.commandLine().getErr().println("The term must have 1 to " + EpisodeOverviews.MAX_TERM_CHARS
                    + " characters.");
            return 2;
        }
        try (BotCore core = BotCore.start(options.config(env))) {
            UnaryOperator<String> shown = core.shownText();
            List<EpisodeOverviews.SearchHit> hits = core.overviews().searchAll(term);
            if (json) {
                spec.commandLine().getOut().println(json(term, hits, shown));
            } else {
                for (EpisodeOverviews.SearchHit hit : hits) {
                    Citation c = hit.citation();
                    spec.commandLine().getOut().println(shown.apply(c.quote()) + "\n  " + shown.apply(
                            CitationText.of(c, 0, Language.detect(term)).plain()));
                }
                spec.commandLine().getOut().println(hits.size() + " lines");
            }
            return 0;
        }
    }

    private static String json(String term, List<EpisodeOverviews.SearchHit> hits, UnaryOperator<String> shown) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("term", shown.apply(term));
        root.put("total", hits.size());
        ArrayNode matches = root.putArray("matches");
        for (EpisodeOverviews.SearchHit hit : hits) {
            Citation c = hit.citation();
            matches.addObject().put("source", shown.apply(c.source()))
                    .put("title", c.title() == null ? null : shown.apply(c.title()))
                    .put("lineStart", c.lineStart()).put("lineEnd", c.lineEnd()).put("start", c.start())
                    .put("end", c.end()).put("url", c.url() == null ? null : shown.apply(c.url()))
                    .put("quote", shown.apply(c.quote()));
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
