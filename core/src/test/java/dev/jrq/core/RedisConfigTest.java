package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.TransportMode;

class RedisConfigTest {

    @Test
    void fromUrl_hostOnly_defaultPortAndDatabaseZero() {
        RedisConfig config = RedisConfig.fromUrl("redis://cache.internal");
        assertThat(server(config).getAddress()).isEqualTo("redis://cache.internal:6379");
        assertThat(server(config).getDatabase()).isZero();
        assertThat(server(config).getPassword()).isNull();
        assertThat(config.description()).isEqualTo("redis://cache.internal:6379/0");
    }

    @Test
    void fromUrl_portAndDatabase_used() {
        RedisConfig config = RedisConfig.fromUrl("redis://127.0.0.1:6380/2");
        assertThat(server(config).getAddress()).isEqualTo("redis://127.0.0.1:6380");
        assertThat(server(config).getDatabase()).isEqualTo(2);
    }

    @Test
    void fromUrl_rediss_keepsTlsScheme() {
        assertThat(server(RedisConfig.fromUrl("rediss://secure.example:6390")).getAddress())
                .isEqualTo("rediss://secure.example:6390");
    }

    @Test
    void fromUrl_passwordOnly_setsPasswordNotUser() {
        SingleServerConfig server = server(RedisConfig.fromUrl("redis://:s3cret@127.0.0.1:6379"));
        assertThat(server.getPassword()).isEqualTo("s3cret");
        assertThat(server.getUsername()).isNull();
    }

    @Test
    void fromUrl_userAndPassword_setsBoth() {
        SingleServerConfig server = server(RedisConfig.fromUrl("redis://app:s3cret@127.0.0.1:6379/1"));
        assertThat(server.getUsername()).isEqualTo("app");
        assertThat(server.getPassword()).isEqualTo("s3cret");
    }

    @Test
    void fromUrl_percentEncodedPassword_decodedButPlusKept() {
        SingleServerConfig server = server(RedisConfig.fromUrl("redis://:p%40ss+word%3A1@127.0.0.1"));
        assertThat(server.getPassword()).isEqualTo("p@ss+word:1");
    }

    @Test
    void description_withPassword_leavesThePasswordOut() {
        RedisConfig config = RedisConfig.fromUrl("redis://app:s3cret@127.0.0.1:6379/1");
        assertThat(config.description()).isEqualTo("redis://127.0.0.1:6379/1").doesNotContain("s3cret");
        assertThat(config).hasToString("redis://127.0.0.1:6379/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:6379", "127.0.0.1:6379", "redis://", "redis:///0",
            "redis://127.0.0.1:6379/abc", "redis://127.0.0.1:6379/-1", "redis://bad host:6379"})
    void fromUrl_malformed_messageNamesTheUrlAndTheExpectedForm(String url) {
        assertThatThrownBy(() -> RedisConfig.fromUrl(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + url + "'")
                .hasMessageContaining("expected redis://");
    }

    @Test
    void fromUrl_blankOrNull_saysWhatIsExpected() {
        for (String url : new String[] {null, " "}) {
            assertThatThrownBy(() -> RedisConfig.fromUrl(url))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("no Redis URL given; expected redis://[user:password@]host[:port][/db]");
        }
    }

    @Test
    void fromYaml_missingFile_namesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("redisson.yaml");
        assertThatThrownBy(() -> RedisConfig.fromYaml(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void fromYaml_notRedissonYaml_namesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("redisson.yaml"), "this: [is not: redisson");
        assertThatThrownBy(() -> RedisConfig.fromYaml(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not Redisson YAML");
    }

    @Test
    void fromYaml_singleServer_describedByItsFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("redisson.yaml"),
                "singleServerConfig:\n  address: \"redis://127.0.0.1:6379\"\n  database: 3\n");
        RedisConfig config = RedisConfig.fromYaml(file);
        assertThat(server(config).getDatabase()).isEqualTo(3);
        assertThat(config.description()).contains(file.toString());
    }

    private static SingleServerConfig server(RedisConfig config) {
        return config.redissonConfig().useSingleServer();
    }

    @Test
    void withMinimumPoolSize_growsThePool_neverShrinksIt() {
        RedisConfig config = RedisConfig.fromUrl("redis://127.0.0.1:6379");
        assertThat(config.withMinimumPoolSize(100).redissonConfig().useSingleServer().getConnectionPoolSize())
                .isEqualTo(100);
        assertThat(config.withMinimumPoolSize(8).redissonConfig().useSingleServer().getConnectionPoolSize())
                .isEqualTo(64);
        assertThat(config.redissonConfig().useSingleServer().getConnectionPoolSize()).as("unchanged").isEqualTo(64);
    }

    @Test
    void fromYaml_clusterServersConfig_refusedUpFrontSayingWhatToUseInstead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("redisson.yaml"), """
                clusterServersConfig:
                  nodeAddresses:
                    - "redis://127.0.0.1:7000"
                    - "redis://127.0.0.1:7001"
                    - "redis://127.0.0.1:7002"
                """);
        assertThatThrownBy(() -> RedisConfig.fromYaml(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Redis Cluster is not supported: RQ's layout spreads one job's keys over hash "
                        + "slots and JRQ changes them in one script; use a single primary with replicas or Sentinel");
    }

    @Test
    void fromUrl_onLinuxX86_64_talksThroughNativeEpoll() {
        boolean linuxX86 = System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        Assumptions.assumeTrue(linuxX86, () -> "the shipped epoll library is for Linux on x86-64; this is "
                + System.getProperty("os.name") + " on " + System.getProperty("os.arch") + ", which uses NIO");

        assertThat(RedisConfig.fromUrl("redis://127.0.0.1:6379").redissonConfig().getTransportMode())
                .isEqualTo(TransportMode.EPOLL);
    }
}
