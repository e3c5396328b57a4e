package dev.episodebot.core.bot;

import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.answer.DictionaryQueryTranslator;
import dev.episodebot.core.answer.EvidenceFinder;
import dev.episodebot.core.answer.QueryTranslator;
import dev.episodebot.core.answer.QuestionAnswerer;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.llm.ChatModels;
import dev.episodebot.core.llm.CircuitBreaker;
import dev.episodebot.core.llm.GuardedChatModel;
import dev.episodebot.core.llm.LlmAnswerer;
import dev.episodebot.core.llm.LlmQueryRewriter;
import dev.episodebot.core.embedding.EmbeddingModelProvider;
import dev.episodebot.core.embedding.EmbeddingModels;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.refresh.KnowledgeWatcher;
import dev.episodebot.core.index.RefreshReport;
import dev.langchain4j.model.chat.ChatModel;
import dev.episodebot.core.support.SecretRedactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core, wired from a {@link CoreConfig}: knowledge base, answering pipeline (with the LLM when
 * configured), conversation memory, feedback and the {@link EpisodeBot} that adapters call.
 * The composition root ({@code bot-app}) creates one and hands {@link #bot()} and
 * {@link #feedback()} to the adapters.
 */
public final class BotCore implements AutoCloseable {

    /** How long after the watcher starts every file's content is compared once. */
    static final Duration CONTENT_CHECK_AFTER_START = Duration.ofSeconds(3);

    private final CoreConfig config;
    private final KnowledgeBase knowledge;
    private final KnowledgeLoader loader;
    private final ShownText shown;
    private final QuestionAnswerer answerer;
    private final DefaultEpisodeBot bot;
    private final FileFeedbackRecorder feedback;
    private final ExecutorService embeddingExecutor;
    private final ExecutorService llmExecutor;
    private final java.util.concurrent.CompletableFuture<DictionaryQueryTranslator> dictionary =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean dictionaryStarted = new java.util.concurrent.atomic.AtomicBoolean();

    private BotCore(CoreConfig config, EmbeddingModelProvider models, ChatModel chatModel, Clock clock) {
        this.config = config;
        this.embeddingExecutor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                daemonThreads("embedding"));
        EmbeddingModelProvider provider = models != null ? models
                : spec -> EmbeddingModels.create(spec, embeddingExecutor,
                        config.cacheDir() == null ? null : config.cacheDir().resolve("models"));
        SecretRedactor.register(config.secrets()); // the log layout masks them too
        this.loader = new KnowledgeLoader(new KnowledgeReader(config.maxFileBytes()));
        this.knowledge = new KnowledgeBase(config.knowledgeDir(), config.cacheDir(), config.embeddingModel(), loader,
                provider, List.of());
        if (models == null) {
            knowledge.preload(); // the real model takes a second or more to load: start now
        }
        ChatModel chat = chatModel != null ? chatModel : ChatModels.create(config.llm());
        LlmQueryRewriter rewriter = null;
        LlmAnswerer llm = null;
        if (chat != null) {
            this.llmExecutor = new ThreadPoolExecutor(0, Math.max(4, config.maxInFlight() * 2), 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(Math.max(16, config.maxQueued())), daemonThreads("llm"));
            GuardedChatModel guarded = new GuardedChatModel(chat, config.llm().timeout(), llmExecutor,
                    new CircuitBreaker(3, Duration.ofSeconds(30), clock), config.maxAnswerChars(), config.secrets());
            rewriter = new LlmQueryRewriter(guarded);
            llm = new LlmAnswerer(guarded);
        } else {
            this.llmExecutor = null;
        }
        // the dictionary (half a second to read) loads while the knowledge is indexed; only
        // cross-language questions wait for it
        this.answerer = new QuestionAnswerer(knowledge, EvidenceFinder.Thresholds.defaults(),
                QueryTranslator.lazy(this::dictionary), rewriter, llm, config.llm().timeout());
        this.feedback = new FileFeedbackRecorder(config.dataDir(), clock);
        Map<Path, String> folders = new HashMap<>();
        folders.put(config.knowledgeDir(), "KNOWLEDGE_DIR");
        folders.put(config.cacheDir(), "CACHE_DIR");
        folders.put(config.dataDir(), "DATA_DIR");
        this.shown = new ShownText(config.secrets(), folders);
        this.bot = new DefaultEpisodeBot(knowledge, answerer, new ConversationMemories(1000, 12), feedback,
                config.admins(), new DefaultEpisodeBot.Limits(config.maxQuestionChars(), config.rateLimitPerMinute(),
                        config.maxInFlight(), config.maxQueued()), clock, this::reloadEverything, shown);
    }

    /** Builds the core and indexes the knowledge folder (blocking). */
    public static BotCore start(CoreConfig config) {
        BotCore core = create(config, null, null, Clock.systemUTC());
        core.refresh(IndexingListener.none());
        return core;
    }

    /**
     * Builds the core without indexing yet.
     *
     * @param models creates the embedding model (null: the real in-process models)
     * @param chatModel the LLM (null: from {@code config.llm()})
     */
    public static BotCore create(CoreConfig config, EmbeddingModelProvider models, ChatModel chatModel, Clock clock) {
        return new BotCore(config, models, chatModel, clock);
    }

    /**
     * Watches the knowledge folder and refreshes when it changes (debounced); once, a few seconds
     * after it starts, compares every file's content. Close the returned watcher to stop.
     */
    public KnowledgeWatcher watchKnowledge(Duration quiet, Duration maxDelay) throws java.io.IOException {
        KnowledgeWatcher watcher = new KnowledgeWatcher(config.knowledgeDir(), quiet, maxDelay,
                () -> knowledge.refresh(IndexingListener.none()));
        // a start compares sizes and times (fast); a few seconds later every file's content is
        // compared once, so an edit made while the bot was down that kept both is read too
        watcher.runOnce(CONTENT_CHECK_AFTER_START, this::reloadEverything);
        return watcher;
    }

    /** {@code /reload}: re-reads every file (content, not only size and time), then refreshes. */
    private void reloadEverything() {
        loader.checkContentOnNextLoad();
        knowledge.refresh(IndexingListener.none());
    }

    /**
     * What every text shown to a user or the console goes through (the bot's replies already
     * did): no control or bidi characters, no secret, no absolute path of the bot's folders.
     */
    public ShownText shownText() {
        return shown;
    }

    /** Re-reads the knowledge folder and swaps the new index in. */
    public RefreshReport refresh(IndexingListener listener) {
        RefreshReport report = knowledge.refresh(listener);
        startDictionaryLoad(); // once the knowledge is in, on a low-priority thread
        return report;
    }

    /**
     * The English-to-Chinese dictionary (half a second to read): loaded in the background after the
     * first refresh, on a low-priority thread, so it does not compete with indexing; a cross-language
     * question before that loads it.
     */
    private DictionaryQueryTranslator dictionary() {
        startDictionaryLoad();
        return dictionary.join();
    }

    private void startDictionaryLoad() {
        if (dictionaryStarted.compareAndSet(false, true)) {
            Thread thread = daemonThreads("dictionary-load").newThread(() -> {
                try {
                    dictionary.complete(DictionaryQueryTranslator.load());
                } catch (RuntimeException | Error e) {
                    dictionary.completeExceptionally(e);
                }
            });
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    public EpisodeBot bot() {
        return bot;
    }

    public FeedbackRecorder feedback() {
        return feedback;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public QuestionAnswerer answerer() {
        return answerer;
    }

    public CoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        knowledge.close();
        embeddingExecutor.shutdown();
        try {
            // let embeddings in progress end: native inference outliving the core can crash the process at exit
            if (!embeddingExecutor.awaitTermination(30, TimeUnit.SECONDS)) {
                embeddingExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            embeddingExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (llmExecutor != null) {
            llmExecutor.shutdownNow();
        }
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
