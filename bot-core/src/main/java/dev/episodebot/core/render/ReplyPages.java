package dev.episodebot.core.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Item;
import dev.episodebot.core.Quote;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Section;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a long list reply into pages that a chat shows one at a time behind a "more" button
 * ({@link Continuations#firstOfPages}): search results {@value #SEARCH_PAGE} at a time, outline
 * sections {@value #OUTLINE_PAGE} at a time, so a group is never flooded. The first page keeps the
 * notes and the lead; each later page starts with a "page n of m" line. Every page is a complete
 * reply with only the quotes and citations its items or sections use. Other replies are one page.
 */
public final class ReplyPages {

    /** Search results per page. */
    public static final int SEARCH_PAGE = 10;
    /** Outline sections per page. */
    public static final int OUTLINE_PAGE = 6;

    private ReplyPages() {}

    /** The pages of {@code reply}, in order; the reply itself when it is one page. */
    public static List<BotReply> of(BotReply reply) {
        if (reply.kind() == ReplyKind.SEARCH && reply.items().size() > SEARCH_PAGE) {
            return split(reply, reply.items().size(), SEARCH_PAGE);
        }
        if (reply.kind() == ReplyKind.OUTLINE && reply.sections().size() > OUTLINE_PAGE) {
            return split(reply, reply.sections().size(), OUTLINE_PAGE);
        }
        return List.of(reply);
    }

    private static List<BotReply> split(BotReply reply, int entries, int perPage) {
        int pages = (entries + perPage - 1) / perPage;
        List<BotReply> out = new ArrayList<>(pages);
        for (int p = 0; p < pages; p++) {
            out.add(page(reply, p, pages, p * perPage, Math.min(entries, (p + 1) * perPage)));
        }
        return out;
    }

    private static BotReply page(BotReply reply, int page, int pages, int from, int to) {
        BotReply.Builder out = BotReply.builder(reply.kind(), reply.language()).id(reply.id()).grounded(reply.grounded());
        if (page == 0) {
            reply.notes().forEach(out::note);
            out.lead(reply.lead());
        } else {
            out.lead(Catalog.text(reply.language(), UiText.PAGE_OF, page + 1, pages));
        }
        Map<Integer, Integer> citations = new HashMap<>();
        if (reply.kind() == ReplyKind.SEARCH) {
            for (Item item : reply.items().subList(from, to)) {
                int quote = -1;
                if (item.quote() >= 0) {
                    Quote q = reply.quotes().get(item.quote());
                    quote = out.quote(reply.citations().get(q.citation()), q.lines(), q.answerLine());
                    citations.put(q.citation(), out.citationOf(quote));
                }
                int citation = item.citation() < 0 ? -1
                        : citations.computeIfAbsent(item.citation(), c -> out.cite(reply.citations().get(c)));
                out.item(new Item(item.text(), quote, citation));
            }
        } else {
            for (Section section : reply.sections().subList(from, to)) {
                int citation = section.citation() < 0 ? -1
                        : citations.computeIfAbsent(section.citation(), c -> out.cite(reply.citations().get(c)));
                out.section(new Section(section.title(), section.keyLines(), citation));
            }
        }
        if (page == pages - 1) {
            reply.followUps().forEach(out::followUp);
        }
        return out.build();
    }
}
