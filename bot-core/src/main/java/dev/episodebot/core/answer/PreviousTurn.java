package dev.episodebot.core.answer;

import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.render.PlainTextRenderer;
import dev.episodebot.core.retrieval.LexicalSearcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The previous question of a conversation and the transcript lines its answer quoted, read back
 * from the conversation's history (the memory keeps each turn's plain text): a follow-up without an
 * LLM is resolved against them — searched together with the previous question, and answered
 * preferably near what was just quoted.
 *
 * @param question the previous question
 * @param anchors the transcript lines the previous answer quoted as answers (its marked lines), first the lead's
 */
record PreviousTurn(String question, List<LineRef> anchors) {

    /** At most this many anchors are kept. */
    static final int MAX_ANCHORS = 4;
    private static final String USER = "User: ";
    private static final String BOT = "Bot: ";
    /** A marked answering line of the plain rendering, also as a list entry ({@code 2. » …}). */
    private static final java.util.regex.Pattern MARKED = java.util.regex.Pattern.compile(
            "^(?:\\d+\\. |• )?" + java.util.regex.Pattern.quote(PlainTextRenderer.ANSWER_MARK) + "(.*)$");

    PreviousTurn {
        anchors = List.copyOf(anchors);
    }

    /** A line of a transcript. */
    record LineRef(String source, int lineNumber) {}

    /** The last question of {@code history} ("User: …" / "Bot: …" turns, oldest first) with its anchors, or null. */
    static PreviousTurn of(List<String> history, IndexView index) {
        for (int i = history.size() - 1; i >= 0; i--) {
            String turn = history.get(i);
            if (turn.startsWith(USER)) {
                String answer = i + 1 < history.size() && history.get(i + 1).startsWith(BOT)
                        ? history.get(i + 1).substring(BOT.length()) : "";
                return new PreviousTurn(turn.substring(USER.length()), anchors(answer, index));
            }
        }
        return null;
    }

    /** The transcript lines an answer's text marks as answering ({@code » }), found verbatim in the index. */
    static List<LineRef> anchors(String answer, IndexView index) {
        List<LineRef> refs = new ArrayList<>();
        if (index.isEmpty()) {
            return refs;
        }
        LexicalSearcher lexical = new LexicalSearcher(index);
        for (String line : answer.split("\n")) {
            if (refs.size() >= MAX_ANCHORS) {
                break;
            }
            java.util.regex.Matcher marked = MARKED.matcher(line);
            if (!marked.matches()) {
                continue;
            }
            String text = marked.group(1).strip();
            if (text.isEmpty()) {
                continue;
            }
            for (LexicalSearcher.LineHit hit : lexical.searchLines(text, 5)) {
                if (hit.text().strip().equals(text)) {
                    LineRef ref = new LineRef(hit.source(), hit.lineNumber());
                    if (!refs.contains(ref)) {
                        refs.add(ref);
                    }
                    break;
                }
            }
        }
        return refs;
    }
}
