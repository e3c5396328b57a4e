package dev.episodebot.telegram.polling;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the poller's HTTP calls: whether the last {@code getUpdates} worked (for
 * {@code isConnected}), and a clear log line when Telegram says another process polls with the
 * same token (409) or the token is not accepted (401/404). Those lines are logged at most once a
 * minute; the library logs every failed poll itself. Once {@link #stopping()} is called, the
 * cancelled long poll is reported to telegrambots as an empty result, so a normal shutdown does
 * not log a polling error; a poll that would start after that is not sent at all.
 */
public final class PollingHealth implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(PollingHealth.class);
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicBoolean connected = new AtomicBoolean(false);
    private final AtomicBoolean stopping = new AtomicBoolean(false);
    private final AtomicLong lastConflictLog = new AtomicLong(System.nanoTime() - QUIET_NANOS);
    private final AtomicLong lastUnauthorizedLog = new AtomicLong(System.nanoTime() - QUIET_NANOS);

    /** Whether the last poll (or the start-up calls) reached Telegram. */
    public boolean isConnected() {
        return connected.get();
    }

    /** Records that Telegram answered (start-up calls before the first poll). */
    public void markConnected() {
        connected.set(true);
    }

    /** Records that polling is being stopped: from now on a failed poll ends quietly. */
    public void stopping() {
        stopping.set(true);
        connected.set(false);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        boolean poll = isGetUpdates(chain.request().url().pathSegments());
        if (poll && stopping.get()) {
            return emptyResult(chain);
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (Exception e) {
            // OkHttp 5 may also throw InterruptedException (undeclared) when the poller is interrupted
            if (poll && stopping.get()) {
                return emptyResult(chain);
            }
            if (poll) {
                connected.set(false);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new InterruptedIOException(e.toString());
        }
        if (poll) {
            observe(response.code());
        }
        return response;
    }

    private static Response emptyResult(Chain chain) {
        return new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK (stopping)")
                .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", MediaType.get("application/json")))
                .build();
    }

    private void observe(int code) {
        if (code >= 200 && code < 300) {
            connected.set(!stopping.get());
            return;
        }
        connected.set(false);
        if (code == 409 && due(lastConflictLog)) {
            log.error("Telegram answered 409 Conflict to getUpdates: another process is polling with the same "
                    + "TELEGRAM_BOT_TOKEN (or a webhook is set for it). Only one instance may poll a bot; stop the "
                    + "other one. This instance keeps retrying.");
        } else if ((code == 401 || code == 404) && due(lastUnauthorizedLog)) {
            log.error("Telegram answered {} to getUpdates: TELEGRAM_BOT_TOKEN is not accepted (revoked or mistyped). "
                    + "This instance keeps retrying.", code);
        }
    }

    private static boolean due(AtomicLong last) {
        long now = System.nanoTime();
        long previous = last.get();
        return now - previous >= QUIET_NANOS && last.compareAndSet(previous, now);
    }

    private static boolean isGetUpdates(java.util.List<String> segments) {
        return !segments.isEmpty()
                && "getupdates".equals(segments.get(segments.size() - 1).toLowerCase(Locale.ROOT));
    }
}
