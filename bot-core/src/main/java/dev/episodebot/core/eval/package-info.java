/**
 * Offline evaluation on question sets in the format of {@code shared/eval/dev.jsonl}
 * ({@link dev.episodebot.core.eval.QuestionFile}): each question, after its {@code context}, is
 * asked through a conversation of its own ({@link dev.episodebot.core.eval.EvalRunner}); retrieval
 * recall at k per language, answer hits per kind ({@link dev.episodebot.core.eval.AnswerScoring}),
 * abstention on out-of-scope questions and false abstention on the rest
 * ({@link dev.episodebot.core.eval.EvalSummary}, {@link dev.episodebot.core.eval.EvalReport}); and
 * the Pk error of a segmentation against a reference ({@link dev.episodebot.core.eval.Pk}).
 */
package dev.episodebot.core.eval;
