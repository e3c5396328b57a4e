package dev.episodebot.core.eval;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The evaluation files shipped with the tests ({@code src/test/resources/eval}): question sets and the reference segmentation. */
public final class EvalResources {

    private EvalResources() {}

    /** The path of {@code eval/<name>}. */
    public static Path path(String name) throws URISyntaxException {
        return Path.of(EvalResources.class.getResource("/eval/" + name).toURI());
    }

    /** The questions of {@code eval/<name>} ({@link QuestionFile}). */
    public static List<EvalQuestion> questions(String name) throws Exception {
        return QuestionFile.read(path(name));
    }
}
