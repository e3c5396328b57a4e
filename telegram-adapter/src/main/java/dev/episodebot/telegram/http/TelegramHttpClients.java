package dev.episodebot.telegram.http;

import java.io.IOException;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Builds the OkHttp clients for Telegram: one for sending, one for long polling, with their own
 * dispatchers and connection pools, so ending the poller on shutdown (by closing its sockets)
 * leaves replies in flight alone. Every client masks the token in the I/O errors it throws.
 */
public final class TelegramHttpClients {

    private final OkHttpClient base;

    public TelegramHttpClients(TokenMasker masker) {
        this.base = new OkHttpClient.Builder()
                .addInterceptor(new RedactingInterceptor(masker))
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** For sending: calls are short. */
    public OkHttpClient sending() {
        return base.newBuilder().dispatcher(new Dispatcher()).build();
    }

    /**
     * For long polling: no call timeout, and a read timeout a little longer than the server may
     * hold a {@code getUpdates} call.
     *
     * @param longPollTimeout the {@code timeout} sent with {@code getUpdates}
     * @param observer sees every response and failure (health, 409 and 401 diagnostics)
     * @param sockets makes the sockets, so shutting down can close them
     */
    public OkHttpClient polling(Duration longPollTimeout, Interceptor observer, ClosableSocketFactory sockets) {
        return base.newBuilder()
                .dispatcher(new Dispatcher())
                .connectionPool(new ConnectionPool())
                .socketFactory(sockets)
                .retryOnConnectionFailure(false)
                .addInterceptor(observer)
                .readTimeout(longPollTimeout.plusSeconds(15))
                .callTimeout(Duration.ZERO)
                .build();
    }

    /** Releases idle connections and dispatcher threads. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Rethrows I/O failures with the token masked; the outermost interceptor of every client. */
    private static final class RedactingInterceptor implements Interceptor {

        private final TokenMasker masker;

        RedactingInterceptor(TokenMasker masker) {
            this.masker = masker;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            try {
                return chain.proceed(chain.request());
            } catch (IOException e) {
                throw masker.redactIo(e);
            }
        }
    }
}
