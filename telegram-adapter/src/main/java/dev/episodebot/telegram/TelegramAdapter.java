package dev.episodebot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.BotCommand;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Language;
import dev.episodebot.core.PlatformAdapter;
import dev.episodebot.core.state.DeliveryLedger;
import dev.episodebot.core.state.InMemoryDeliveryLedger;
import dev.episodebot.core.state.SharedState;
import dev.episodebot.telegram.handling.BotIdentity;
import dev.episodebot.telegram.handling.ButtonHandler;
import dev.episodebot.telegram.handling.MessageHandler;
import dev.episodebot.telegram.handling.MessageInterpreter;
import dev.episodebot.telegram.handling.ReplyDelivery;
import dev.episodebot.telegram.handling.TypingIndicator;
import dev.episodebot.telegram.handling.UpdateHandler;
import dev.episodebot.telegram.http.ClosableSocketFactory;
import dev.episodebot.telegram.http.TelegramHttpClients;
import dev.episodebot.telegram.http.TokenMasker;
import dev.episodebot.telegram.polling.ChatSerialExecutor;
import dev.episodebot.telegram.polling.LedgerGetUpdatesGenerator;
import dev.episodebot.telegram.polling.OffsetStore;
import dev.episodebot.telegram.polling.PollBackOff;
import dev.episodebot.telegram.polling.PollingHealth;
import dev.episodebot.telegram.polling.UpdateIntake;
import dev.episodebot.telegram.polling.UpdateLedger;
import dev.episodebot.telegram.render.ReplyRenderer;
import dev.episodebot.telegram.send.Sleeper;
import dev.episodebot.telegram.send.TelegramSender;
import dev.episodebot.telegram.webhook.WebhookConfig;
import dev.episodebot.telegram.webhook.WebhookIntake;
import dev.episodebot.telegram.webhook.WebhookServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram adapter: answers questions about the episode in private chats and groups, on
 * telegrambots 10.x long polling, or by webhook when {@code TELEGRAM_WEBHOOK_URL} is set.
 *
 * <p>{@link #start()} learns the bot's name ({@code getMe}), sets the command menu
 * ({@code setMyCommands}, English and Chinese), and starts polling. telegrambots' poller runs on
 * one thread of its own and hands each batch to an {@link UpdateIntake}, which queues the updates
 * on our bounded {@link ChatSerialExecutor} (chats concurrently, one chat in order) and returns;
 * a failure while handling one update is logged and never stops polling. Handled update ids are
 * persisted under {@code DATA_DIR/telegram/}, so an update delivered again after a restart is
 * answered once.
 *
 * <p>In webhook mode it listens on {@code TELEGRAM_WEBHOOK_BIND}:{@code TELEGRAM_WEBHOOK_PORT}
 * ({@link WebhookServer}: the secret checked, 200 at once), then calls {@code setWebhook} with the
 * secret and the update types. Each update is claimed in the {@link DeliveryLedger} (shared by
 * every instance that shares state) before it is queued on the same per-chat executor, so one
 * delivered twice or to two instances is answered once. Closing stops the endpoint first, so the
 * reverse proxy and Telegram send new updates elsewhere; the webhook itself stays set for the other
 * instances.
 *
 * <p>All answering, rate limiting, question-length and admin checks are the core's: every
 * addressed message goes to {@link EpisodeBot#handle} and its reply is rendered as Telegram HTML.
 */
public final class TelegramAdapter implements PlatformAdapter {

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);
    private static final int GET_ME_ATTEMPTS = 3;
    private static final int SET_WEBHOOK_ATTEMPTS = 3;
    /** Webhook requests served at once (each is answered at once; the work goes to the workers). */
    private static final int WEBHOOK_THREADS = 4;

    private final TelegramConfig config;
    private final EpisodeBot bot;
    private final FeedbackRecorder feedback;
    private final TokenMasker masker;
    private final DeliveryLedger deliveries;
    private final PollingHealth health = new PollingHealth();
    private final ClosableSocketFactory pollingSockets = new ClosableSocketFactory();

    private volatile BotIdentity identity;
    private boolean started;
    private volatile boolean closed;
    private OkHttpClient sendingClient;
    private OkHttpClient pollingClient;
    private ChatSerialExecutor workers;
    private ScheduledExecutorService pollThread;
    private ScheduledExecutorService typingScheduler;
    private TelegramBotsLongPollingApplication polling;
    private volatile BotSession session;
    private volatile WebhookServer webhookServer;

    /**
     * @param config where to connect and what to keep where ({@link TelegramConfig#from})
     * @param bot the core, which answers every request
     * @param feedback the core's store for 👍/👎 votes
     */
    public TelegramAdapter(TelegramConfig config, EpisodeBot bot, FeedbackRecorder feedback) {
        this(config, bot, feedback, new InMemoryDeliveryLedger(SharedState.DELIVERIES, Clock.systemUTC()));
    }

    /**
     * @param config where to connect and what to keep where ({@link TelegramConfig#from})
     * @param bot the core, which answers every request
     * @param feedback the core's store for 👍/👎 votes
     * @param deliveries which webhook updates are taken (shared by every instance when they share state)
     */
    public TelegramAdapter(TelegramConfig config, EpisodeBot bot, FeedbackRecorder feedback,
            DeliveryLedger deliveries) {
        this.config = Objects.requireNonNull(config, "config");
        this.bot = Objects.requireNonNull(bot, "bot");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.masker = new TokenMasker(config.botToken());
    }

    @Override
    public String name() {
        return "telegram";
    }

    /**
     * Connects and starts polling; returns once polling runs.
     *
     * @throws IllegalStateException when Telegram cannot be reached or refuses the token (the message
     *     says which, and never contains the token); everything started so far is closed again
     */
    @Override
    public synchronized void start() throws Exception {
        if (started) {
            throw new IllegalStateException("The Telegram adapter was started before.");
        }
        started = true;
        try {
            doStart();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void doStart() throws Exception {
        TelegramTuning tuning = config.tuning();
        TelegramUrl url = config.telegramUrl();
        TelegramHttpClients clients = new TelegramHttpClients(masker);
        sendingClient = clients.sending();
        TelegramClient client = new OkHttpTelegramClient(sendingClient, config.botToken(), url);
        TelegramSender sender = new TelegramSender(client, masker, tuning.maxSendAttempts(), tuning.maxRetryAfter(),
                Sleeper.SYSTEM);

        identity = whoAmI(sender);
        health.markConnected();
        setCommandMenu(sender);

        typingScheduler = Executors.newSingleThreadScheduledExecutor(threads("telegram-typing", true));
        workers = new ChatSerialExecutor(tuning.workers(), tuning.maxPendingUpdates(), "telegram-worker");
        ReplyDelivery delivery = new ReplyDelivery(new ReplyRenderer(), sender, config.replies(), masker);
        UpdateHandler handler = new UpdateHandler(
                new MessageHandler(new MessageInterpreter(identity), bot, delivery,
                        new TypingIndicator(sender, typingScheduler, tuning.typingInterval()), masker),
                new ButtonHandler(feedback, delivery, sender, masker));
        if (config.webhook() != null) {
            startWebhook(client, handler);
        } else {
            startPolling(clients, url, handler);
        }
    }

    private void startPolling(TelegramHttpClients clients, TelegramUrl url, UpdateHandler handler) throws Exception {
        TelegramTuning tuning = config.tuning();
        pollingClient = clients.polling(tuning.longPollTimeout(), health, pollingSockets);
        UpdateLedger ledger = new UpdateLedger(OffsetStore.forBot(config.stateDir(), identity.id()));
        UpdateIntake intake = new UpdateIntake(ledger, workers, handler, masker);
        pollThread = Executors.newSingleThreadScheduledExecutor(threads("telegram-poll", false));
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollingClient, () -> pollThread,
                () -> new PollBackOff(tuning.pollRetryMin(), tuning.pollRetryMax()));
        try {
            session = polling.registerBot(config.botToken(), () -> url,
                    new LedgerGetUpdatesGenerator(ledger, tuning.longPollTimeout()), intake);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram polling did not start (deleteWebhook failed): "
                    + masker.describe(rootCause(e)), masker.redact(e));
        }
        log.info("Telegram adapter started as @{} (id {}) on {}; polling after update {}; {} workers.",
                identity.username(), identity.id(), config.apiUrl(), ledger.highestAdmitted(), tuning.workers());
    }

    /** Listens first (Telegram may post as soon as the webhook is set), then sets the webhook. */
    private void startWebhook(TelegramClient client, UpdateHandler handler) throws Exception {
        WebhookConfig webhook = config.webhook();
        WebhookIntake intake = new WebhookIntake(identity.id(), deliveries, workers, handler, masker);
        try {
            webhookServer = new WebhookServer(webhook, intake, WEBHOOK_THREADS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen for the Telegram webhook on "
                    + webhook.bind().getHostAddress() + ":" + webhook.port() + " (" + WebhookConfig.PORT + ", "
                    + WebhookConfig.BIND + "): " + e.getMessage(), e);
        }
        setWebhook(client, webhook);
        log.info("Telegram adapter started as @{} (id {}) on {}; webhook {} served at {}; {} workers.",
                identity.username(), identity.id(), config.apiUrl(), webhook.publicUrl(), webhookServer.localUrl(),
                config.tuning().workers());
    }

    /** {@code setWebhook} with the secret and the update types; waits out a 429 (several instances starting at once). */
    private void setWebhook(TelegramClient client, WebhookConfig webhook) throws InterruptedException {
        SetWebhook request = SetWebhook.builder()
                .url(webhook.publicUrl().toString())
                .secretToken(webhook.secret())
                .allowedUpdates(LedgerGetUpdatesGenerator.ALLOWED_UPDATES)
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                client.execute(request);
                return;
            } catch (TelegramApiRequestException e) {
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                if (retryAfter != null && attempt < SET_WEBHOOK_ATTEMPTS
                        && retryAfter <= config.tuning().maxRetryAfter().toSeconds()) {
                    TimeUnit.SECONDS.sleep(Math.max(1, retryAfter));
                    continue;
                }
                throw new IllegalStateException("Telegram refused setWebhook for " + WebhookConfig.URL + "="
                        + webhook.publicUrl() + ": " + masker.mask(e.getApiResponse()), masker.redact(e));
            } catch (TelegramApiException e) {
                if (attempt >= SET_WEBHOOK_ATTEMPTS) {
                    throw new IllegalStateException("Cannot reach the Telegram Bot API at " + config.apiUrl()
                            + " to set the webhook: " + masker.describe(rootCause(e)), masker.redact(e));
                }
                TimeUnit.SECONDS.sleep(attempt);
            }
        }
    }

    private BotIdentity whoAmI(TelegramSender sender) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                User me = sender.execute(new GetMe());
                if (me == null || me.getId() == null) {
                    throw new IllegalStateException("Telegram answered getMe without the bot's id.");
                }
                return new BotIdentity(me.getId(), me.getUserName() == null ? "" : me.getUserName());
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && (code == 401 || code == 404)) {
                    throw new IllegalStateException("Telegram does not accept TELEGRAM_BOT_TOKEN (getMe answered "
                            + code + " " + masker.mask(e.getApiResponse()) + "); check the token from @BotFather.");
                }
                if (attempt >= GET_ME_ATTEMPTS || code != null) {
                    throw new IllegalStateException("Telegram refused getMe: " + masker.describe(e), masker.redact(e));
                }
                log.warn("Cannot reach Telegram at {} ({}); trying again.", config.apiUrl(),
                        masker.describe(rootCause(e)));
            } catch (TelegramApiException e) {
                if (attempt >= GET_ME_ATTEMPTS) {
                    throw new IllegalStateException("Cannot reach the Telegram Bot API at " + config.apiUrl() + ": "
                            + masker.describe(rootCause(e)), masker.redact(e));
                }
                log.warn("Cannot reach Telegram at {} ({}); trying again.", config.apiUrl(),
                        masker.describe(rootCause(e)));
            }
            TimeUnit.SECONDS.sleep(attempt);
        }
    }

    /** The command menu: the core's commands, with English and Chinese descriptions. */
    private void setCommandMenu(TelegramSender sender) {
        try {
            sender.execute(new SetMyCommands(menu(false)));
            SetMyCommands chinese = new SetMyCommands(menu(true));
            chinese.setLanguageCode("zh");
            sender.execute(chinese);
        } catch (TelegramApiException e) {
            log.warn("Could not set the Telegram command menu: {}", masker.describe(e));
        }
    }

    static List<org.telegram.telegrambots.meta.api.objects.commands.BotCommand> menu(boolean chinese) {
        return Arrays.stream(BotCommand.values())
                .map(c -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(
                        c.word(), c.description(chinese ? Language.ZH : Language.EN)))
                .toList();
    }

    @Override
    public boolean isConnected() {
        if (closed || !health.isConnected()) {
            return false;
        }
        WebhookServer server = webhookServer;
        return server != null ? server.isRunning() : session != null && session.isRunning();
    }

    /** Where the webhook endpoint listens ({@code http://bind:port/path}), in webhook mode once started. */
    public Optional<String> webhookLocalUrl() {
        WebhookServer server = webhookServer;
        return server == null ? Optional.empty() : Optional.of(server.localUrl());
    }

    /** The bot's Telegram identity, once started. */
    public Optional<BotIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /**
     * Stops polling, waits up to {@link TelegramTuning#shutdownGrace()} for answers in flight, then
     * releases threads and connections. Never throws; safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long startNanos = System.nanoTime();
        // end the long poll quietly: no new poll is sent, the one in flight loses its socket
        health.stopping();
        if (webhookServer != null) {
            webhookServer.close(); // no new updates: Telegram retries them on another instance
        }
        if (session != null) {
            session.stop();
        }
        pollingSockets.closeAll();
        if (pollThread != null) {
            // the poller may still be parsing its last response (the first parse of an Update is slow)
            pollThread.shutdownNow();
            if (!awaitQuietly(pollThread, config.tuning().shutdownGrace()) && pollingClient != null) {
                pollingClient.dispatcher().cancelAll();
                awaitQuietly(pollThread, Duration.ofSeconds(2));
            }
        }
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("Closing telegrambots' polling application failed: {}", masker.describe(e));
            }
        }
        if (workers != null && !workers.close(config.tuning().shutdownGrace())) {
            log.warn("Telegram answers still in flight after {} s were interrupted.",
                    config.tuning().shutdownGrace().toSeconds());
        }
        if (typingScheduler != null) {
            typingScheduler.shutdownNow();
        }
        if (pollingClient != null) {
            TelegramHttpClients.shutdown(pollingClient);
        }
        if (sendingClient != null) {
            TelegramHttpClients.shutdown(sendingClient);
        }
        log.info("Telegram adapter stopped in {} ms.", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private static boolean awaitQuietly(ScheduledExecutorService executor, Duration timeout) {
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof IOException)) {
            root = root.getCause();
        }
        return root;
    }

    private static ThreadFactory threads(String name, boolean daemon) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + (counter.incrementAndGet() > 1 ? "-" + counter.get() : ""));
            thread.setDaemon(daemon);
            return thread;
        };
    }
}
