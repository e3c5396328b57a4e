package dev.episodebot.core.llm;

import dev.episodebot.core.support.DisplayText;
import dev.episodebot.core.support.SecretRedactor;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat model call that always ends within its budget, and is skipped while the circuit is open.
 * Up to {@code maxCalls} calls run at once, each on its own thread (or its own stream); a call that
 * finds every slot taken waits for one first, and that wait is neither part of its budget nor a
 * failure for the circuit breaker. A reply longer than {@code maxReplyChars} is cut there before
 * anything else reads it ({@code MAX_ANSWER_CHARS}), streamed or not. Failures are logged by kind
 * only, with every secret masked before the message is shortened (never with request content or
 * credentials).
 */
public final class GuardedChatModel implements AutoCloseable {

    /** How often a streamed reply's text so far is handed to the listener at most. */
    public static final Duration PARTIAL_TICK = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(GuardedChatModel.class);

    private final ChatModel delegate;
    private final StreamingChatModel streaming;
    private final Duration timeout;
    private final Semaphore slots;
    private final Duration slotWait;
    private final ExecutorService executor;
    private final CircuitBreaker breaker;
    private final int maxReplyChars;
    private final SecretRedactor secrets;

    /**
     * @param streaming the same model as a streaming one, or null (replies are then never streamed)
     * @param maxCalls how many calls may run at once ({@code MAX_IN_FLIGHT})
     * @param maxReplyChars longer replies are cut ({@code MAX_ANSWER_CHARS})
     * @param secrets masks the configured secrets in failure messages
     */
    public GuardedChatModel(ChatModel delegate, StreamingChatModel streaming, Duration timeout, int maxCalls,
            CircuitBreaker breaker, int maxReplyChars, SecretRedactor secrets) {
        this.delegate = delegate;
        this.streaming = streaming;
        this.timeout = timeout;
        this.slots = new Semaphore(Math.max(1, maxCalls), true);
        // a slot frees up at the latest when a call's own timeout ends it
        this.slotWait = timeout.multipliedBy(2).plusSeconds(5);
        this.executor = Executors.newCachedThreadPool(daemonThreads("llm"));
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

    /** Whether {@link #chat(List, Duration, PartialTextListener)} streams. */
    public boolean streams() {
        return streaming != null;
    }

    /** The reply text; throws when there is none within {@code budget}. */
    public String chat(List<ChatMessage> messages, Duration budget) throws LlmUnavailableException {
        return chat(messages, budget, null);
    }

    /**
     * The reply text; throws when there is none within {@code budget}. With a streaming model and a
     * {@code listener}, the text so far is handed to the listener while the model writes.
     */
    public String chat(List<ChatMessage> messages, Duration budget, PartialTextListener listener)
            throws LlmUnavailableException {
        if (budget.isZero() || budget.isNegative()) {
            throw new LlmUnavailableException("no time left");
        }
        if (!breaker.allow()) {
            throw new LlmUnavailableException("circuit open after repeated failures");
        }
        acquireSlot();
        try {
            String text = streaming != null && listener != null ? stream(messages, budget, listener)
                    : call(messages, budget);
            if (text == null || text.isBlank()) {
                throw failure("empty reply");
            }
            breaker.success();
            return DisplayText.shorten(text.strip(), maxReplyChars);
        } finally {
            slots.release();
        }
    }

    /** Waits for a free slot: not LLM time, and not a failure of the LLM. */
    private void acquireSlot() throws LlmUnavailableException {
        try {
            if (!slots.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                breaker.release();
                log.warn("Every LLM slot stayed busy for {} s; answering from the transcript instead.",
                        slotWait.toSeconds());
                throw new LlmUnavailableException("every LLM slot busy");
            }
        } catch (InterruptedException e) {
            breaker.release();
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("interrupted while waiting for an LLM slot");
        }
    }

    private String call(List<ChatMessage> messages, Duration budget) throws LlmUnavailableException {
        Future<ChatResponse> future;
        try {
            future = executor.submit(() -> delegate.chat(messages));
        } catch (RejectedExecutionException e) {
            breaker.release();
            throw new LlmUnavailableException("the LLM client is closed");
        }
        try {
            ChatResponse response = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            return response == null || response.aiMessage() == null ? null : response.aiMessage().text();
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

    private String stream(List<ChatMessage> messages, Duration budget, PartialTextListener listener)
            throws LlmUnavailableException {
        StreamCollector collector = new StreamCollector(maxReplyChars);
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            streaming.chat(messages, collector);
        } catch (RuntimeException e) {
            throw failure(describe(e));
        }
        int seen = 0; // the text version last seen
        int shown = 0; // the text version last handed to the listener
        long nextPartial = System.nanoTime();
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    collector.cancel();
                    throw failure("no complete reply within " + budget.toMillis() + " ms");
                }
                // with text not shown yet, wait for more only until it may be shown
                long wait = seen != shown ? Math.max(1, nextPartial - now) : PARTIAL_TICK.toNanos();
                StreamCollector.Snapshot snapshot = collector.await(seen, Math.min(deadline - now, wait));
                seen = snapshot.version();
                if (snapshot.error() != null) {
                    throw failure(describe(snapshot.error()));
                }
                if (snapshot.done()) {
                    return snapshot.text();
                }
                if (seen != shown && System.nanoTime() >= nextPartial) {
                    shown = seen;
                    nextPartial = System.nanoTime() + PARTIAL_TICK.toNanos();
                    tell(listener, snapshot.text());
                }
            }
        } catch (InterruptedException e) {
            collector.cancel();
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    private static void tell(PartialTextListener listener, String text) {
        try {
            listener.partial(text);
        } catch (RuntimeException e) {
            // showing progress is best effort: the answer goes on
            log.debug("A partial reply could not be shown: {}", e.toString());
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

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
