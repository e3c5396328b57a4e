package dev.episodebot.core.bot;

import dev.episodebot.core.Connection;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.answer.DictionaryQueryTranslator;
import dev.episodebot.core.answer.EvidenceFinder;
import dev.episodebot.core.answer.LlmAnswers;
import dev.episodebot.core.answer.LlmStep;
import dev.episodebot.core.answer.QueryTranslator;
import dev.episodebot.core.answer.QuestionAnswerer;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.llm.ChatModels;
import dev.episodebot.core.llm.CircuitBreaker;
import dev.episodebot.core.llm.ContextAssembler;
import dev.episodebot.core.llm.GuardedChatModel;
import dev.episodebot.core.llm.LlmAnswerer;
import dev.episodebot.core.llm.LlmQueryRewriter;
import dev.episodebot.core.embedding.EmbeddingModelProvider;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.EmbeddingModels;
import dev.episodebot.core.embedding.TokenCounter;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.EpisodeDeriver;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.overview.EpisodeOverviews;
import dev.episodebot.core.overview.KeyValueSummaryCache;
import dev.episodebot.core.overview.LlmOutlineWriter;
import dev.episodebot.core.overview.OutlineDeriver;
import dev.episodebot.core.refresh.KnowledgeWatcher;
import dev.episodebot.core.state.SharedState;
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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The core, wired from a {@link CoreConfig}: knowledge base, answering pipeline (with the LLM when
 * configured), conversation memory, feedback and the {@link EpisodeBot} that adapters call, on a
 * {@link SharedState} (this process's memory unless the composition root gives it one shared by
 * several instances). The composition root ({@code bot-app}) creates one and hands {@link #bot()},
 * {@link #feedback()} and {@link #state()} to the adapters.
 */
public final class BotCore implements AutoCloseable {

    /** How long after the watcher starts every file's content is compared once. */
    static final Duration CONTENT_CHECK_AFTER_START = Duration.ofSeconds(3);

    private final CoreConfig config;
    private final SharedState state;
    private final KnowledgeBase knowledge;
    private final KnowledgeLoader loader;
    private final ShownText shown;
    private final QuestionAnswerer answerer;
    private final EpisodeOverviews overviews;
    private final DefaultEpisodeBot bot;
    private final FileFeedbackRecorder feedback;
    private final ExecutorService embeddingExecutor;
    private final GuardedChatModel llmModel;
    private final TokenCounter contextTokens;
    private final ContextAssembler contextAssembler;
    private final java.util.concurrent.CompletableFuture<DictionaryQueryTranslator> dictionary =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean dictionaryStarted = new java.util.concurrent.atomic.AtomicBoolean();

    private BotCore(CoreConfig config, EmbeddingModelProvider models, ChatModel chatModel, Clock clock,
            SharedState state, Supplier<List<Connection>> connections) {
        this.config = config;
        this.state = state;
        this.embeddingExecutor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                daemonThreads("embedding"));
        EmbeddingModelProvider provider = models != null ? models
                : spec -> EmbeddingModels.create(spec, embeddingExecutor,
                        config.cacheDir() == null ? null : config.cacheDir().resolve("models"));
        SecretRedactor.register(config.secrets()); // the log layout masks them too
        this.loader = new KnowledgeLoader(new KnowledgeReader(config.maxFileBytes()));
        this.knowledge = new KnowledgeBase(config.knowledgeDir(), config.cacheDir(), config.embeddingModel(), loader,
                provider, derivers());
        if (models == null) {
            knowledge.preload(); // the real model takes a second or more to load: start now
        }
        // the prompt's transcript part is measured with the shipped bge tokenizer, whatever the embedding model
        this.contextTokens = new TokenCounter(EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q);
        this.contextAssembler = new ContextAssembler(contextTokens, config.llm().contextTokens(),
                OutlineDeriver::keyLines);
        ChatModel chat = chatModel != null ? chatModel : ChatModels.create(config.llm());
        LlmQueryRewriter rewriter = null;
        LlmStep llm = null;
        LlmOutlineWriter outlines = null;
        if (chat != null) {
            // as many LLM calls at once as questions are answered at once; a question waiting for a
            // call slot does not spend its LLM time
            this.llmModel = new GuardedChatModel(chat, chatModel != null ? null : ChatModels.createStreaming(config.llm()),
                    config.llm().timeout(), config.maxInFlight(), new CircuitBreaker(3, Duration.ofSeconds(30), clock),
                    config.maxAnswerChars(), config.secrets());
            rewriter = new LlmQueryRewriter(llmModel);
            llm = new LlmAnswers(contextAssembler, new LlmAnswerer(llmModel));
            outlines = new LlmOutlineWriter(llmModel, config.llm().model(), new KeyValueSummaryCache(state.cache()),
                    contextAssembler);
        } else {
            this.llmModel = null;
        }
        // the dictionary (half a second to read) loads while the knowledge is indexed; only
        // cross-language questions wait for it
        EpisodeOverviews overviews = new EpisodeOverviews(knowledge, outlines, config.llm().timeout());
        this.overviews = overviews;
        this.answerer = new QuestionAnswerer(knowledge, EvidenceFinder.Thresholds.defaults(),
                QueryTranslator.lazy(this::dictionary), rewriter, llm, config.llm().timeout(),
                overviews::overview);
        this.feedback = new FileFeedbackRecorder(config.dataDir(), clock, state.answers());
        Map<Path, String> folders = new HashMap<>();
        folders.put(config.knowledgeDir(), "KNOWLEDGE_DIR");
        folders.put(config.cacheDir(), "CACHE_DIR");
        folders.put(config.dataDir(), "DATA_DIR");
        this.shown = new ShownText(config.secrets(), folders);
        this.bot = new DefaultEpisodeBot(knowledge, answerer, new ConversationMemories(state.conversations()), feedback,
                config.admins(), new DefaultEpisodeBot.Limits(config.maxQuestionChars(), config.rateLimitPerMinute(),
                        config.maxInFlight(), config.maxQueued()), state.rateLimiter(), state.backend(), connections,
                this::reloadEverything, shown, overviews);
    }

    /** Builds the core, on its own (state in this process), and indexes the knowledge folder (blocking). */
    public static BotCore start(CoreConfig config) {
        Clock clock = Clock.systemUTC();
        return start(config, SharedState.inMemory(config.rateLimitPerMinute(), clock), List::of, clock);
    }

    /**
     * Builds the core on {@code state} (which the caller closes after the core) and indexes the
     * knowledge folder (blocking).
     *
     * @param connections the adapters' connections, for {@code /status}
     */
    public static BotCore start(CoreConfig config, SharedState state, Supplier<List<Connection>> connections,
            Clock clock) {
        BotCore core = new BotCore(config, null, null, clock, state, connections);
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
        return create(config, models, chatModel, clock, SharedState.inMemory(config.rateLimitPerMinute(), clock));
    }

    /**
     * Builds the core on {@code state} (which the caller closes after the core) without indexing yet.
     *
     * @param models creates the embedding model (null: the real in-process models)
     * @param chatModel the LLM (null: from {@code config.llm()})
     */
    public static BotCore create(CoreConfig config, EmbeddingModelProvider models, ChatModel chatModel, Clock clock,
            SharedState state) {
        return new BotCore(config, models, chatModel, clock, state, List::of);
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

    /** The state this core keeps (the adapters take their delivery ledger from it). */
    public SharedState state() {
        return state;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public QuestionAnswerer answerer() {
        return answerer;
    }

    /** Outlines, summaries and line search over the knowledge. */
    public EpisodeOverviews overviews() {
        return overviews;
    }

    /** The values every episode gets at index time (its outline); the bench builds its index with the same. */
    public static List<EpisodeDeriver> derivers() {
        return List.of(new OutlineDeriver());
    }

    /**
     * Assembles the transcript part of an LLM prompt within {@code LLM_CONTEXT_TOKENS}: for a
     * question, and for anything else that prompts with transcript text (summaries, section titles).
     */
    public ContextAssembler contextAssembler() {
        return contextAssembler;
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
        if (llmModel != null) {
            llmModel.close();
        }
        contextTokens.close();
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
