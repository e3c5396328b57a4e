package dev.episodebot.core.answer;

/**
 * Stage three: judges whether the evidence states what the question asks, or the episode does not
 * cover it. A question in the knowledge's language is covered when its best line is semantically
 * close enough, or close and its window holds a good share of what is asked, or the window holds
 * most of it; one that names something in another script the knowledge never uses (ChatGPT in a
 * Chinese question) needs the window to hold most of it. A question in another language is covered
 * when a line is close enough and the knowledge uses most of its words (directly or translated), or
 * a third of them, it names nothing the knowledge never mentions (Apple) and the best window holds
 * half of what the translation asks about. A
 * question whose answer type can be checked (a number, a date) is covered only when the lines that
 * would answer it hold one. A question about the episode itself (who hosts it, which channel) is
 * covered when its answer is one of the episode's opening lines, where episodes introduce themselves.
 * A question about something the knowledge has no word for, not even a synonym (a valuation, a home
 * town: {@link AskedAttribute}; in English, an untranslatable word in the asked slot: {@link ForeignAttribute}),
 * or for an attribute of a thing that the knowledge never states of it ({@link PossessedAttribute}: Reka 的 CEO),
 * needs a line closer than the others do: what the episode says about the thing it names is not what it asks.
 */
public final class CoverageJudge {

    /**
     * What the judgement rests on.
     *
     * @param crossLanguage whether the question is in another language than the knowledge
     * @param cosine the best line's cosine to the question
     * @param coverage the best window's share of the question's mass
     * @param weakestPhrase how well the best window for it holds the question's weakest key phrase
     * @param unknownShare the share of the question's mass the knowledge never uses (same script only)
     * @param unknownName whether the question names something in another script the knowledge never uses
     * @param typeHeld whether the answering lines hold an answer of the asked type (true when it cannot be checked)
     * @param vocabularyShare for a question in another language, the share of its words the knowledge uses
     * @param openingAnswer whether the question asks about the episode itself (who hosts it, which channel) and
     *     the answering line is one of its opening lines, where an episode says so
     * @param unstatedAttribute whether it asks about something the knowledge has no word for, not even a
     *     synonym ({@link AskedAttribute}: 市值, 老家, 年薪; {@link ForeignAttribute}: valuation), or about an
     *     attribute the knowledge never states of the thing named ({@link PossessedAttribute}: Reka 的 CEO)
     */
    public record Features(boolean crossLanguage, double cosine, double coverage, double weakestPhrase, double unknownShare, boolean unknownName,
            boolean typeHeld, double vocabularyShare, boolean openingAnswer, boolean unstatedAttribute) {}

    private final EvidenceFinder.Thresholds thresholds;

    CoverageJudge(EvidenceFinder.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    boolean covered(Features f) {
        if (!f.typeHeld()) {
            return false;
        }
        if (f.openingAnswer()) {
            return true;
        }
        if (f.unstatedAttribute() && f.cosine() < thresholds.unstatedLineCosine()) {
            return false;
        }
        if (f.crossLanguage()) {
            return f.cosine() >= thresholds.crossLineCosine() && (f.vocabularyShare() >= thresholds.crossVocabulary()
                    || (!f.unknownName() && f.vocabularyShare() >= thresholds.crossVocabularyWithTerms()
                            && f.coverage() >= thresholds.crossTermShare()));
        }
        if (f.unknownName()) {
            return f.coverage() >= thresholds.coverage();
        }
        return f.cosine() >= thresholds.lineCosine()
                || (f.cosine() >= thresholds.lineCosineWithTerms() && f.coverage() >= thresholds.termShare())
                || f.coverage() >= thresholds.coverage();
    }
}
