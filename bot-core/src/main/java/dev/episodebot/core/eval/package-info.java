/**
 * Offline evaluation on a question set in the format of {@code shared/eval/dev.jsonl}: retrieval
 * recall at k per language, answer hits, abstention on out-of-scope questions and false
 * abstention on the rest ({@link dev.episodebot.core.eval.EvalRunner}).
 */
package dev.episodebot.core.eval;
