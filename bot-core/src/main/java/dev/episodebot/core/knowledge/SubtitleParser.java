package dev.episodebot.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .srt} (SubRip) and {@code .vtt} (WebVTT) subtitles: every cue's text lines become
 * transcript lines carrying the cue's start and end time. Front matter lines ({@code title:},
 * {@code url:}) are accepted before the first cue (SRT) or in the WebVTT header block.
 * A cue whose timing line cannot be read, or ends before it starts, makes the whole file
 * unusable: citations with wrong times would mislead.
 */
public final class SubtitleParser implements TranscriptParser {

    /** Which dialect to read. */
    public enum Dialect {
        SRT,
        VTT
    }

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*(\\S+)\\s+-->\\s+(\\S+)(?:\\s+.*)?$");
    private static final Pattern TIMECODE = Pattern.compile(
            "^(?:(\\d{1,3}):)?([0-5]?\\d):([0-5]\\d)[,.](\\d{1,3})$");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,200}>");
    private static final Pattern META = Pattern.compile("^(title|url)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);

    private final Dialect dialect;

    public SubtitleParser(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Transcript parse(String source, String text) throws KnowledgeFormatException {
        String[] raw = TextLines.split(text);
        String title = null;
        String url = null;
        int i = 0;
        if (dialect == Dialect.VTT) {
            if (raw.length == 0 || !raw[0].startsWith("WEBVTT")) {
                throw new KnowledgeFormatException("not a WebVTT file: the first line must be WEBVTT");
            }
            i = 1;
        }
        // header / front matter: meta lines until the first timing line or cue number
        for (; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.equals("---")) {
                continue;
            }
            Matcher meta = META.matcher(line);
            if (meta.matches()) {
                if (meta.group(1).equalsIgnoreCase("title")) {
                    title = meta.group(2).strip();
                } else {
                    url = meta.group(2).strip();
                }
                continue;
            }
            if (dialect == Dialect.VTT && !line.contains("-->") && i + 1 < raw.length && !raw[i + 1].contains("-->")) {
                continue; // other header metadata
            }
            break;
        }
        List<TranscriptLine> lines = new ArrayList<>();
        int cues = 0;
        while (i < raw.length) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                i++;
                continue;
            }
            if (dialect == Dialect.VTT && (line.startsWith("NOTE") || line.equals("STYLE") || line.equals("REGION"))) {
                i = skipBlock(raw, i);
                continue;
            }
            if (!line.contains("-->")) {
                // a cue number (SRT) or cue identifier (VTT) precedes the timing line
                if (i + 1 < raw.length && raw[i + 1].contains("-->")) {
                    i++;
                    continue;
                }
                throw new KnowledgeFormatException("line " + (i + 1) + " should be a cue timing line (00:00:01,000 --> 00:00:02,000)");
            }
            Matcher timing = TIMING.matcher(line);
            if (!timing.matches()) {
                throw new KnowledgeFormatException("broken timecode at line " + (i + 1) + ": '" + abbreviate(line) + "'");
            }
            long start = parseTimecode(timing.group(1), i + 1, line);
            long end = parseTimecode(timing.group(2), i + 1, line);
            if (end < start) {
                throw new KnowledgeFormatException("broken timecode at line " + (i + 1) + ": the cue ends before it starts");
            }
            cues++;
            i++;
            while (i < raw.length && !raw[i].isBlank()) {
                String cueText = TextCleaner.clean(TAG.matcher(raw[i]).replaceAll(""));
                if (!cueText.isEmpty()) {
                    lines.add(new TranscriptLine(i + 1, unescape(cueText), start, end));
                }
                i++;
            }
        }
        if (cues == 0) {
            throw new KnowledgeFormatException("no subtitle cues");
        }
        if (lines.isEmpty()) {
            throw new KnowledgeFormatException("no text in the subtitle cues");
        }
        url = EpisodeLink.accept(url);
        return new Transcript(source, title, url, lines);
    }

    private static int skipBlock(String[] raw, int i) {
        while (i < raw.length && !raw[i].isBlank()) {
            i++;
        }
        return i;
    }

    private long parseTimecode(String code, int lineNumber, String line) throws KnowledgeFormatException {
        Matcher m = TIMECODE.matcher(code);
        if (!m.matches() || (dialect == Dialect.SRT && m.group(1) == null)) {
            throw new KnowledgeFormatException("broken timecode at line " + lineNumber + ": '" + abbreviate(line) + "'");
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        String fraction = (m.group(4) + "00").substring(0, 3);
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(fraction);
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /** {@code HH:MM:SS} for a millisecond offset. */
    public static String format(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
