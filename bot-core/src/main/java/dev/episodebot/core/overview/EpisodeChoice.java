package dev.episodebot.core.overview;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.SourceSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Which episode an {@code /outline} or {@code /summary} argument names: with one episode the
 * argument may be left out; otherwise it is matched, case- and width-insensitively, against each
 * episode's title, its file name and its file name without extension (exactly first, then as a
 * part). When that names no single episode the reply lists the candidates.
 *
 * @param chosen the episode, or null
 * @param candidates the episodes to choose from when none was chosen (all of them, or those that matched)
 * @param unknown whether an argument was given and matched nothing
 */
record EpisodeChoice(EpisodeRecord chosen, List<SourceSummary> candidates, boolean unknown) {

    static EpisodeChoice of(IndexState state, String argument) {
        List<SourceSummary> all = state.sources();
        String wanted = SearchText.fold(argument == null ? "" : argument);
        if (wanted.isEmpty()) {
            return all.size() == 1 ? chosen(state, all.get(0)) : new EpisodeChoice(null, all, false);
        }
        List<SourceSummary> exact = new ArrayList<>();
        List<SourceSummary> partial = new ArrayList<>();
        for (SourceSummary s : all) {
            List<String> names = names(s);
            if (names.stream().anyMatch(wanted::equals)) {
                exact.add(s);
            } else if (names.stream().anyMatch(n -> n.contains(wanted))) {
                partial.add(s);
            }
        }
        List<SourceSummary> matches = !exact.isEmpty() ? exact : partial;
        if (matches.size() == 1) {
            return chosen(state, matches.get(0));
        }
        return matches.isEmpty() ? new EpisodeChoice(null, all, true) : new EpisodeChoice(null, matches, false);
    }

    /** What people call the episode: its title, file name, and file name without extension, folded. */
    private static List<String> names(SourceSummary s) {
        String file = s.source().substring(s.source().lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        List<String> names = new ArrayList<>(List.of(SearchText.fold(s.title()), SearchText.fold(s.source()),
                SearchText.fold(file)));
        if (dot > 0) {
            names.add(SearchText.fold(file.substring(0, dot)));
        }
        return names;
    }

    private static EpisodeChoice chosen(IndexState state, SourceSummary s) {
        return new EpisodeChoice(state.episode(s.source()), List.of(s), false);
    }
}
