package dev.episodebot.core.state;

/** Where the {@link SharedState} lives, for {@code /status}, {@code /health} and the logs. */
public interface StateBackend extends AutoCloseable {

    /** This process's memory: nothing is shared with other instances. */
    StateBackend LOCAL = new StateBackend() {
        @Override
        public String description() {
            return "local";
        }

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public boolean reachable() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    /** A short name without credentials, e.g. {@code local} or {@code redis://10.0.0.5:6379}. */
    String description();

    /** Whether the state is shared with other instances (when reachable). */
    boolean shared();

    /**
     * Whether the shared store answers now; while it does not, every piece of state works on this
     * instance's own copy. Always true for {@link #LOCAL}.
     */
    boolean reachable();

    /** Releases connections. Never throws. */
    @Override
    void close();
}
