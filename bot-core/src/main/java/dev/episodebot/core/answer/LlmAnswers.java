package dev.episodebot.core.answer;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.ReplyProgress;
import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.llm.ContextAssembler;
import dev.episodebot.core.llm.LlmAnswerer;
import dev.episodebot.core.llm.LlmContext;
import dev.episodebot.core.llm.LlmReply;
import dev.episodebot.core.llm.LlmUnavailableException;
import java.time.Duration;
import java.util.List;

/**
 * The LLM step of answering: assembles the question's context ({@link ContextAssembler}), asks the
 * model ({@link LlmAnswerer}, streamed to {@code progress} when watched), and turns its checked
 * reply into an answer: the model's text as the lead, each citation with its cited lines quoted,
 * timecode and link. It falls back to the extractive answer, with a one-line note, when the model
 * is unavailable or its answer is left without a citation into its context; a model that says the
 * context does not hold the answer gives "the episode does not cover that".
 */
public final class LlmAnswers implements LlmStep {

    /** The most lines of a citation quoted under the answer (the citation names them all). */
    static final int QUOTED_LINES = 4;

    private final ContextAssembler assembler;
    private final LlmAnswerer llm;

    public LlmAnswers(ContextAssembler assembler, LlmAnswerer llm) {
        this.assembler = assembler;
        this.llm = llm;
    }

    @Override
    public Answer answer(LlmQuestion q, Duration budget, ReplyProgress progress) {
        LlmContext context = assembler.forQuestion(q.state(), q.ranked(), q.scope());
        if (context.isEmpty()) {
            return q.fallback();
        }
        try {
            LlmReply reply = llm.answer(q.question(), q.language(), context, budget,
                    progress == ReplyProgress.NONE ? null
                            : text -> progress.draft(BotReply.builder(ReplyKind.ANSWER, q.language()).lead(text).build()));
            if (!reply.covered()) {
                return ExtractiveAnswerer.notCovered(q.language(), q.episodes(), q.passages(), q.question());
            }
            if (!reply.sourced()) {
                // no citation into the lines it was given (or nothing left once unverifiable quotes went):
                // not shown as sourced; the transcript quotes go out instead
                return q.fallback().withNote(Messages.llmUnsourcedNote(q.language()));
            }
            return new Answer(reply(reply, q), q.passages(), q.question());
        } catch (LlmUnavailableException e) {
            return q.fallback().withNote(Messages.llmFallbackNote(q.language()));
        }
    }

    /** The model's text as the lead, then one quote per citation, in the order of its numbers. */
    private static BotReply reply(LlmReply reply, LlmQuestion q) {
        BotReply.Builder out = BotReply.builder(ReplyKind.ANSWER, q.language());
        for (LlmContext.Cited cited : reply.cited()) {
            EpisodeRecord episode = cited.block().episode();
            List<TranscriptLine> lines = cited.lines();
            Chunk chunk = new Chunk(episode.source(), episode.title(), episode.url(), lines, Chunker.join(lines));
            Citation citation = Citations.of(chunk, lines);
            List<String> shown = lines.subList(0, Math.min(QUOTED_LINES, lines.size())).stream()
                    .map(TranscriptLine::text).toList();
            out.quote(citation, shown, -1);
        }
        return out.lead(reply.text()).build();
    }
}
