package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start serves unchanged files from the index without reading them: a file counts as unchanged
 * when its size and last-modified time are those the index recorded; otherwise it is read, and
 * bytes that hash as recorded keep their episode (nothing parsed, chunked or embedded again). The
 * content check after a start reads every file and catches an edit that kept size and time.
 */
class WarmStartTest {

    private static final Path EPISODE = Path.of("../knowledge/episode-yi-tay-returns-to-google.txt");

    @TempDir
    Path temp;

    private Path knowledge;
    private KnowledgeLoader loader;
    private HashingEmbeddingModel model;

    private KnowledgeBase start() {
        loader = new KnowledgeLoader(new KnowledgeReader(10_000_000));
        model = new HashingEmbeddingModel(512);
        return new KnowledgeBase(knowledge, temp.resolve("cache"), EmbeddingModelChoice.AUTO, loader, spec -> model,
                List.of());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(knowledge.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> lines(KnowledgeBase kb, String source) {
        EpisodeRecord episode = kb.index().episode(source);
        return episode == null ? null : episode.lines().stream().map(TranscriptLine::text).toList();
    }

    /** b.txt ("甲乙丙丁"), indexed by a first run that has stopped. */
    private Path indexedFile() throws IOException {
        knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Path b = write("b.txt", "甲乙丙丁\n");
        indexOnceAndStop();
        return b;
    }

    /** Rewrites b.txt as "戊己庚辛" (the same size) with the given last-modified time. */
    private void editToSameSize(Path b, FileTime time) throws IOException {
        write("b.txt", "戊己庚辛\n");
        Files.setLastModifiedTime(b, time);
    }

    private void indexOnceAndStop() {
        try (KnowledgeBase first = start()) {
            first.refresh(IndexingListener.none());
        }
    }

    @Test
    void anUnchangedFileIsServedFromTheIndexWithItsLinesAndChunks() throws Exception {
        // GIVEN a real episode and a small file, indexed by a first run
        knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.copy(EPISODE, knowledge.resolve("a.txt"));
        write("b.txt", "第一行，关于新加坡的研究\n第二行，关于伦敦的办公室\n");
        List<Chunk> chunksBefore;
        List<String> linesBefore;
        try (KnowledgeBase first = start()) {
            first.refresh(IndexingListener.none());
            chunksBefore = List.copyOf(first.index().chunks());
            linesBefore = lines(first, "a.txt");
        }

        // WHEN a second run starts on the same folders
        try (KnowledgeBase second = start()) {
            RefreshReport report = second.refresh(IndexingListener.none());

            // THEN nothing is embedded, and the lines, chunks (with their line pieces) and BM25 hits are the same
            assertThat(report.embedded()).isZero();
            assertThat(model.embeddedTexts()).isZero();
            assertThat(second.index().chunks()).isEqualTo(chunksBefore);
            assertThat(lines(second, "a.txt")).isEqualTo(linesBefore).isNotEmpty();
            assertThat(second.index().chunksHolding("b.txt", 2)).singleElement()
                    .satisfies(ordinal -> assertThat(second.index().chunks().get(ordinal).text()).contains("伦敦"));
            try (IndexView view = second.acquire()) {
                assertThat(new LexicalSearcher(view).search("伦敦", 3)).singleElement()
                        .satisfies(hit -> assertThat(view.state().chunks().get(hit.ordinal()).source()).isEqualTo("b.txt"));
            }

            // AND a hot refresh after an edit serves the new text
            write("b.txt", "第一行，关于新加坡的研究\n新的一行，关于东京\n");
            RefreshReport edited = second.refresh(IndexingListener.none());
            assertThat(edited.changed()).isEqualTo(1);
            assertThat(lines(second, "b.txt")).containsExactly("第一行，关于新加坡的研究", "新的一行，关于东京");
            assertThat(lines(second, "a.txt")).isEqualTo(linesBefore);
        }
    }

    @Test
    void anEditThatKeepsSizeAndTimeIsSeenByTheContentCheckAfterAStart() throws Exception {
        // GIVEN a file indexed by a first run
        Path b = indexedFile();
        FileTime recorded = Files.getLastModifiedTime(b);

        // WHEN it is edited while the bot is down, to the same size, and its time put back
        editToSameSize(b, recorded);
        try (KnowledgeBase second = start()) {
            second.refresh(IndexingListener.none());

            // THEN the start trusts size and time and serves the recorded version, not reading the file
            assertThat(lines(second, "b.txt")).containsExactly("甲乙丙丁");

            // AND the content check (a few seconds after a start, or /reload) reads it and serves the edit
            loader.checkContentOnNextLoad();
            RefreshReport checked = second.refresh(IndexingListener.none());
            assertThat(checked.changed()).isEqualTo(1);
            assertThat(lines(second, "b.txt")).containsExactly("戊己庚辛");
        }
    }

    @Test
    void anEditWithTheSameSizeIsReadAtTheNextStart() throws Exception {
        // GIVEN a file indexed by a first run
        Path b = indexedFile();

        // WHEN it is edited to the same size while the bot is down (its time moves on)
        editToSameSize(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 2_000));

        // THEN the next start reads it and serves the edit
        try (KnowledgeBase second = start()) {
            RefreshReport report = second.refresh(IndexingListener.none());
            assertThat(lines(second, "b.txt")).containsExactly("戊己庚辛");
            assertThat(report.embedded()).isEqualTo(1);
        }
    }

    @Test
    void aTouchedFileIsReadOnceThenKnownByItsNewTime() throws Exception {
        // GIVEN a file indexed by a first run, then touched (same bytes, a new time)
        Path b = indexedFile();
        FileTime touched = FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 5_000);
        Files.setLastModifiedTime(b, touched);

        // WHEN the bot starts: the file is read, its bytes hash as recorded
        try (KnowledgeBase second = start()) {
            RefreshReport report = second.refresh(IndexingListener.none());

            // THEN nothing is embedded again and the same episode is served
            assertThat(report.embedded()).isZero();
            assertThat(model.embeddedTexts()).isZero();
            assertThat(lines(second, "b.txt")).containsExactly("甲乙丙丁");
        }

        // AND the index now records the new time: an edit that keeps the size and that time is not read at the
        // next start (only the content check would see it), which shows the file's stamp was updated
        editToSameSize(b, touched);
        try (KnowledgeBase third = start()) {
            third.refresh(IndexingListener.none());
            assertThat(lines(third, "b.txt")).containsExactly("甲乙丙丁");
        }
    }

    @Test
    void anIndexOfAnOlderFormatIsRebuiltWithItsVectorsReused() throws Exception {
        // GIVEN a file indexed by a first run, whose index then claims an older format
        knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.copy(EPISODE, knowledge.resolve("a.txt"));
        indexOnceAndStop();
        int chunks;
        try (FSDirectory dir = FSDirectory.open(temp.resolve("cache/index"));
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setCodec(IndexStore.codec()))) {
            Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(dir).getUserData());
            data.put("format", "0");
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }

        // WHEN the bot starts
        try (KnowledgeBase second = start()) {
            RefreshReport report = second.refresh(IndexingListener.none());
            chunks = report.chunks();

            // THEN the file is indexed again with no chunk embedded again
            assertThat(chunks).isPositive();
            assertThat(report.embedded()).isZero();
            assertThat(model.embeddedTexts()).isZero();
        }

        // AND the rebuilt index serves the next start as it is
        try (KnowledgeBase third = start()) {
            assertThat(third.refresh(IndexingListener.none()).chunks()).isEqualTo(chunks);
            assertThat(lines(third, "a.txt")).isNotEmpty();
        }
    }

    @Test
    void replacedRemovedAndAddedFilesAreSeenAtTheNextStart() throws Exception {
        // GIVEN three files indexed by a first run
        knowledge = Files.createDirectories(temp.resolve("knowledge"));
        write("a.txt", "第一个文件讲新加坡\n");
        write("b.txt", "第二个文件讲伦敦\n");
        write("c.txt", "第三个文件讲巴黎\n");
        indexOnceAndStop();

        // WHEN, while the bot is down, one is replaced by another file, one removed and one added
        Path replacement = write("new.tmp", "替换后的文件讲东京，长度也不一样\n");
        Files.move(replacement, knowledge.resolve("a.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(knowledge.resolve("b.txt"));
        write("d.txt", "第四个文件讲柏林\n");

        // THEN the next start serves exactly the folder as it is now
        try (KnowledgeBase second = start()) {
            RefreshReport report = second.refresh(IndexingListener.none());
            assertThat(second.index().sources()).extracting(SourceSummary::source)
                    .containsExactlyInAnyOrder("a.txt", "c.txt", "d.txt");
            assertThat(lines(second, "a.txt")).containsExactly("替换后的文件讲东京，长度也不一样");
            assertThat(lines(second, "c.txt")).containsExactly("第三个文件讲巴黎");
            assertThat(lines(second, "d.txt")).containsExactly("第四个文件讲柏林");
            assertThat(report.embedded()).isEqualTo(2);
            try (IndexView view = second.acquire()) {
                assertThat(new LexicalSearcher(view).search("伦敦", 3)).isEmpty();
                assertThat(new LexicalSearcher(view).search("新加坡", 3)).isEmpty();
            }
        }
    }
}
