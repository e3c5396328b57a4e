package dev.episodebot.core.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.TimeUnit;

/**
 * Collects one streamed reply from the HTTP client's threads for the thread that waits for it: the
 * text so far (never more than {@code maxChars}: past it the stream is cancelled and counts as
 * complete), whether it completed, and the error if it failed.
 */
final class StreamCollector implements StreamingChatResponseHandler {

    /** What the waiting thread sees at one moment. */
    record Snapshot(String text, int version, boolean done, Throwable error) {}

    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private int version;
    private boolean done;
    private Throwable error;
    private StreamingHandle handle;
    private boolean cancelled;

    StreamCollector(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void onPartialResponse(String partial) {
        append(partial, null);
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        append(partial == null ? null : partial.text(), context == null ? null : context.streamingHandle());
    }

    private void append(String partial, StreamingHandle streamingHandle) {
        StreamingHandle toCancel = null;
        synchronized (this) {
            if (streamingHandle != null) {
                handle = streamingHandle;
            }
            if (cancelled) {
                toCancel = streamingHandle; // cancelled before the client handed out its handle
            } else if (!done && partial != null && !partial.isEmpty()) {
                int room = maxChars - text.length();
                text.append(partial, 0, Math.min(room, partial.length()));
                version++;
                if (text.length() >= maxChars) {
                    done = true; // MAX_ANSWER_CHARS: what came so far is the reply
                    cancelled = true;
                    toCancel = handle;
                }
                notifyAll();
            }
        }
        cancelHandle(toCancel);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        synchronized (this) {
            if (!done && text.length() == 0 && response != null && response.aiMessage() != null
                    && response.aiMessage().text() != null) {
                // a server that sends the whole answer only in its last event
                String whole = response.aiMessage().text();
                text.append(whole, 0, Math.min(maxChars, whole.length()));
                version++;
            }
            done = true;
            notifyAll();
        }
    }

    @Override
    public void onError(Throwable failure) {
        synchronized (this) {
            if (!done) {
                error = failure == null ? new IllegalStateException("stream failed") : failure;
                done = true;
            }
            notifyAll();
        }
    }

    /**
     * Waits until the reply has more text than {@code seenVersion}, is complete, fails, or
     * {@code maxWaitNanos} pass.
     */
    synchronized Snapshot await(int seenVersion, long maxWaitNanos) throws InterruptedException {
        long until = System.nanoTime() + maxWaitNanos;
        while (!done && version == seenVersion) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return new Snapshot(text.toString(), version, done, error);
    }

    /** Stops the stream (the caller gave up, or the reply is long enough); later events are ignored. */
    void cancel() {
        StreamingHandle h;
        synchronized (this) {
            done = true;
            if (cancelled) {
                return;
            }
            cancelled = true;
            h = handle;
            notifyAll();
        }
        cancelHandle(h);
    }

    private static void cancelHandle(StreamingHandle h) {
        if (h != null && !h.isCancelled()) {
            try {
                h.cancel();
            } catch (RuntimeException e) {
                // the connection goes with the client's own timeout
            }
        }
    }
}
