package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.LoadedFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the files of a load differ from those of the state served before it. */
record FileChanges(int added, int changed, int removed) {

    /** @param before the previous state's files by source */
    static FileChanges between(Map<String, LoadedFile> before, List<LoadedFile> now) {
        Map<String, LoadedFile> gone = new HashMap<>(before);
        int added = 0;
        int changed = 0;
        for (LoadedFile file : now) {
            LoadedFile old = gone.remove(file.ref().source());
            if (old == null) {
                added++;
            } else if (old.transcript() != file.transcript()) {
                changed++;
            }
        }
        return new FileChanges(added, changed, gone.size());
    }
}
