package dev.episodebot.core.llm;

import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transcript lines one prompt carries, numbered as in their files ({@code L113 …}), each
 * episode's lines under its title, within a token budget ({@link ContextAssembler}). It renders the
 * data part of the prompt, resolves the line citations of a reply ({@code [L113]},
 * {@code [E2 L113-116]}) to the lines it holds, and tells whether a quoted text is in it.
 *
 * @param blocks the episodes' parts, best episode first
 * @param tokens the estimated token count of {@link #prompt()}
 */
public record LlmContext(List<ContextBlock> blocks, int tokens) {

    /** The lines a citation resolved to. */
    public record Cited(ContextBlock block, List<TranscriptLine> lines) {}

    public LlmContext {
        blocks = List.copyOf(blocks);
    }

    public static LlmContext empty() {
        return new LlmContext(List.of(), 0);
    }

    public boolean isEmpty() {
        return blocks.stream().allMatch(b -> b.lines().isEmpty());
    }

    /** Whether every block shows its whole episode. */
    public boolean wholeEpisodes() {
        return !blocks.isEmpty() && blocks.stream().allMatch(ContextBlock::whole);
    }

    /** The {@code <transcript>} section of the prompt: every block under its title, lines numbered, data neutralised. */
    public String prompt() {
        StringBuilder sb = new StringBuilder("<transcript>\n");
        for (ContextBlock block : blocks) {
            sb.append(header(block)).append('\n');
            int previous = Integer.MIN_VALUE;
            List<TranscriptLine> lines = block.episode().lines();
            int index = 0;
            for (TranscriptLine line : block.lines()) {
                while (index < lines.size() && lines.get(index).lineNumber() != line.lineNumber()) {
                    index++;
                }
                if (previous != Integer.MIN_VALUE && index != previous + 1) {
                    sb.append(ContextAssembler.GAP).append('\n');
                }
                sb.append(lineText(line)).append('\n');
                previous = index;
            }
            sb.append("</episode>\n");
        }
        return sb.append("</transcript>").toString();
    }

    static String header(ContextBlock block) {
        StringBuilder sb = new StringBuilder("<episode");
        if (block.id() != null) {
            sb.append(" id=\"").append(block.id()).append('"');
        }
        sb.append(" title=\"").append(PromptText.attribute(block.title())).append('"');
        if (block.episode().title() != null && !block.episode().title().isBlank()) {
            sb.append(" file=\"").append(PromptText.attribute(block.episode().source())).append('"');
        }
        return sb.append('>').toString();
    }

    static String lineText(TranscriptLine line) {
        return "L" + line.lineNumber() + " " + PromptText.data(line.text());
    }

    /**
     * The lines of {@code [from, to]} this context holds, in the block named {@code id} (null: the
     * only block that has them; an ambiguous citation resolves to nothing).
     */
    public Optional<Cited> resolve(String id, int from, int to) {
        List<Cited> found = new ArrayList<>();
        for (ContextBlock block : blocks) {
            if (id != null && !id.equalsIgnoreCase(block.id() == null ? "E1" : block.id())) {
                continue;
            }
            List<TranscriptLine> lines = block.lines().stream()
                    .filter(l -> l.lineNumber() >= from && l.lineNumber() <= to).toList();
            if (!lines.isEmpty()) {
                found.add(new Cited(block, lines));
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The lines as plain text, one per line, blocks separated by blank lines (for {@code eval --llm-context}). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ContextBlock block : blocks) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append("# ").append(block.title());
            for (TranscriptLine line : block.lines()) {
                sb.append('\n').append('L').append(line.lineNumber()).append(' ').append(line.text());
            }
        }
        return sb.toString();
    }

    /** Whether every line of {@code episode source} in {@code [from, to]} is in this context. */
    boolean holds(String source, int lineNumber) {
        return blocks.stream().anyMatch(b -> b.episode().source().equals(source)
                && b.lines().stream().anyMatch(l -> l.lineNumber() == lineNumber));
    }
}
