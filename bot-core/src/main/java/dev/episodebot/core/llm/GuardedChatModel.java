package dev.episodebot.core.llm;

import dev.episodebot.core.support.DisplayText;
import dev.episodebot.core.support.SecretRedactor;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat model call that always ends within the timeout, and is skipped while the circuit is
 * open. A reply longer than {@code maxReplyChars} is cut there before anything else reads it
 * ({@code MAX_ANSWER_CHARS}). Failures are logged by kind only, with every secret masked before
 * the message is shortened (never with request content or credentials).
 */
public final class GuardedChatModel {

    private static final Logger log = LoggerFactory.getLogger(GuardedChatModel.class);

    private final ChatModel delegate;
    private final Duration timeout;
    private final ExecutorService executor;
    private final CircuitBreaker breaker;
    private final int maxReplyChars;
    private final SecretRedactor secrets;

    /**
     * @param maxReplyChars longer replies are cut ({@code MAX_ANSWER_CHARS})
     * @param secrets masks the configured secrets in failure messages
     */
    public GuardedChatModel(ChatModel delegate, Duration timeout, ExecutorService executor, CircuitBreaker breaker,
            int maxReplyChars, SecretRedactor secrets) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.executor = executor;
        this.breaker = breaker;
        this.maxReplyChars = maxReplyChars;
        this.secrets = secrets;
    }

    /** The reply text; throws when there is none within the configured timeout. */
    public String chat(List<ChatMessage> messages) throws LlmUnavailableException {
        return chat(messages, timeout);
    }

    /** The configured timeout: the whole LLM budget of one question. */
    public Duration timeout() {
        return timeout;
    }

    /** The reply text; throws when there is none within {@code budget}. */
    public String chat(List<ChatMessage> messages, Duration budget) throws LlmUnavailableException {
        if (budget.isZero() || budget.isNegative()) {
            throw new LlmUnavailableException("no time left");
        }
        if (!breaker.allow()) {
            throw new LlmUnavailableException("circuit open after repeated failures");
        }
        Future<ChatResponse> future;
        try {
            future = executor.submit(() -> delegate.chat(messages));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new LlmUnavailableException("too many LLM calls in flight");
        }
        try {
            ChatResponse response = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw failure("empty reply");
            }
            breaker.success();
            return DisplayText.shorten(text.strip(), maxReplyChars);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failure("no reply within " + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw failure(describe(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    private LlmUnavailableException failure(String reason) {
        breaker.failure();
        log.warn("LLM call failed ({}); answering from the transcript instead{}", reason,
                breaker.isOpen() ? "; skipping the LLM for a while" : "");
        return new LlmUnavailableException(reason);
    }

    /** The exception's class and a short, credential-free message: masked first, then shortened. */
    String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : secrets.redact(t.getMessage());
        message = DisplayText.shorten(DisplayText.clean(message).replace('\n', ' '), 160);
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
