package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding 12: {@code HEALTH_BIND} chooses the health endpoint's address; 127.0.0.1 unless told otherwise. */
class HealthBindTest {

    @Test
    void theHealthEndpointListensOnLoopbackByDefault() throws Exception {
        // GIVEN no HEALTH_BIND WHEN the endpoint starts THEN it listens on 127.0.0.1 only
        InetAddress bind = RunCommand.healthBind(new Env(Map.of()));
        assertThat(bind.getHostAddress()).isEqualTo("127.0.0.1");
        try (HealthServer health = new HealthServer(bind, 0)) {
            assertThat(health.url()).startsWith("http://127.0.0.1:").endsWith("/health");
        }
        // AND containers can ask for every interface
        assertThat(RunCommand.healthBind(new Env(Map.of("HEALTH_BIND", "0.0.0.0"))).isAnyLocalAddress()).isTrue();
        assertThat(RunCommand.healthBind(new Env(Map.of("HEALTH_BIND", "::1"))).isLoopbackAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "300.1.1.1", "example.com", "127.0.0.1:8080"})
    void anythingButAnIpAddressIsRefusedNamingTheVariable(String value) {
        assertThatThrownBy(() -> RunCommand.healthBind(new Env(Map.of("HEALTH_BIND", value))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("HEALTH_BIND ").hasMessageContaining(value);
    }
}
