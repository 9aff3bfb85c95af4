package dev.jrq.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * How a dashboard listens, who may use it, and how often it polls Redis.
 *
 * <pre>{@code
 * DashboardOptions options = DashboardOptions.builder().bind("0.0.0.0").port(9181)
 *         .username("ops").password(System.getenv("JRQ_DASHBOARD_PASSWORD")).readOnly(true).build();
 * }</pre>
 *
 * @param bind         the address to listen on, {@code 127.0.0.1} by default
 * @param port         the port, {@code 9181} by default; 0 picks a free one
 * @param username     the basic-auth user name, {@code null} for none (needs {@code password})
 * @param password     the basic-auth password, {@code null} for none
 * @param token        a bearer token ({@code Authorization: Bearer <token>}), {@code null} for none
 * @param readOnly     refuse every action (403) and tell the UI to hide them
 * @param insecure     allow listening off loopback without credentials
 * @param pollInterval how often the shared poller reads Redis while anyone watches; at least 250 ms
 */
public record DashboardOptions(String bind, int port, String username, String password, String token,
                               boolean readOnly, boolean insecure, Duration pollInterval) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9181;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(250);

    public DashboardOptions {
        bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535; was " + port);
        }
        username = blankToNull(username);
        password = blankToNull(password);
        token = blankToNull(token);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("basic auth needs both a username and a password");
        }
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("the poll interval must be at least 250ms; was "
                    + pollInterval.toMillis() + "ms");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether requests must carry credentials (basic auth or the token). */
    public boolean requiresCredentials() {
        return username != null || token != null;
    }

    /**
     * Why these options must not be served, or empty when they may: listening off loopback without credentials
     * and without {@code insecure} would hand every action to anyone who can reach the port.
     */
    public Optional<String> exposureProblem() {
        if (requiresCredentials() || insecure || isLoopback(bind)) {
            return Optional.empty();
        }
        return Optional.of("refusing to listen on " + bind + " without credentials: pass --username and "
                + "--password (or JRQ_DASHBOARD_USERNAME/JRQ_DASHBOARD_PASSWORD), or --token (JRQ_DASHBOARD_TOKEN), "
                + "or --insecure to serve it to anyone who can reach it");
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Builds {@link DashboardOptions}; unset settings take their defaults. */
    public static final class Builder {
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private String username;
        private String password;
        private String token;
        private boolean readOnly;
        private boolean insecure;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;

        private Builder() {
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public DashboardOptions build() {
            return new DashboardOptions(bind, port, username, password, token, readOnly, insecure, pollInterval);
        }
    }
}
