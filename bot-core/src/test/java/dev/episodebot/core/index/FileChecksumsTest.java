package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChecksumsTest {

    @TempDir
    Path dir;

    private List<String> writeIndex() throws IOException {
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setUseCompoundFile(false))) {
            for (int i = 0; i < 2000; i++) {
                Document doc = new Document();
                doc.add(new TextField("text", "line " + i + " 第" + i + "行 Reka Snowflake " + (i * 7919), Field.Store.YES));
                doc.add(new StoredField("n", i));
                writer.addDocument(doc);
            }
            writer.commit();
        }
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            return List.copyOf(reader.getIndexCommit().getFileNames());
        }
    }

    @Test
    void givenAnIntactCommit_whenVerified_thenEveryFilePassesAsWithLucenesOwnCheck() throws IOException {
        // GIVEN
        List<String> files = writeIndex();
        // WHEN / THEN: ours agrees with Lucene's check of each file
        assertThatCode(() -> FileChecksums.verify(dir, files)).doesNotThrowAnyException();
        try (Directory directory = FSDirectory.open(dir)) {
            for (String name : files) {
                try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                    assertThatCode(() -> CodecUtil.checksumEntireFile(in)).as(name).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void givenOneFlippedByteInTheLargestFile_whenVerified_thenItFailsNamingThatFile() throws IOException {
        // GIVEN
        List<String> files = writeIndex();
        String largest = files.stream().max((a, b) -> Long.compare(size(a), size(b))).orElseThrow();
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve(largest).toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x10);
        }
        // WHEN / THEN
        assertThatThrownBy(() -> FileChecksums.verify(dir, files))
                .isInstanceOf(CorruptIndexException.class).hasMessageContaining(largest);
    }

    @Test
    void givenATruncatedFile_whenVerified_thenItFails() throws IOException {
        // GIVEN
        List<String> files = writeIndex();
        String name = files.stream().filter(f -> !f.startsWith("segments")).findFirst().orElseThrow();
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
            file.setLength(file.length() - 3);
        }
        // WHEN / THEN
        assertThatThrownBy(() -> FileChecksums.verify(dir.resolve(name))).isInstanceOf(CorruptIndexException.class);
    }

    private long size(String name) {
        try {
            return Files.size(dir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
