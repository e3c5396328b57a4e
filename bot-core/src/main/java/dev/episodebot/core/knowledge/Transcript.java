package dev.episodebot.core.knowledge;

import dev.episodebot.core.support.DisplayText;
import dev.episodebot.core.support.OnDemandList;
import java.util.List;

/**
 * A parsed knowledge file.
 *
 * @param source path relative to the knowledge folder, with {@code /} separators
 * @param title the episode title from front matter (cleaned and shortened for display), or null
 * @param url the episode link from front matter, or null
 * @param lines the non-blank text lines, in file order
 */
public record Transcript(String source, String title, String url, List<TranscriptLine> lines) {

    public Transcript {
        title = DisplayText.name(title);
        lines = lines instanceof OnDemandList ? lines : List.copyOf(lines); // read from the index when needed
    }

    /** The title when given, else the file name without extension. */
    public String displayTitle() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        String name = source.substring(source.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
