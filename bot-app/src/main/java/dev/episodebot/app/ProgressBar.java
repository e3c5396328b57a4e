package dev.episodebot.app;

import dev.episodebot.core.index.IndexingListener;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line text progress bar on stderr while chunks are embedded. */
final class ProgressBar implements IndexingListener {

    private final PrintWriter out;
    private int lastPercent = -1;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void embedded(int done, int total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent / 4;
        out.print(String.format(Locale.ROOT, "\rEmbedding [%s%s] %3d%% %d/%d chunks", "#".repeat(filled),
                ".".repeat(25 - filled), percent, done, total));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
