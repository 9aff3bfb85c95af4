package dev.jrq.bench;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts, under {@code MONITOR}, the commands that clients send (each one a round trip unless pipelined) apart
 * from those that Lua scripts run inside Redis, which {@code INFO} counts alike. MONITOR slows Redis down, so an
 * audited phase gives round trips only, never rates or CPU.
 */
final class CommandAudit {
    private static final String MARKER = "jrq-bench-audit-end";

    private final RedisAdmin feed;
    private final String ownAddressSuffix;
    private final Map<String, Long> sent = new TreeMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private long insideScripts;

    private CommandAudit(RedisAdmin feed, int ownPort) {
        this.feed = feed;
        this.ownAddressSuffix = ":" + ownPort + "]";
    }

    /** Starts a MONITOR feed on a connection of its own; the commands of {@code own} are left out. */
    static CommandAudit start(String url, RedisAdmin own) {
        RedisAdmin feed = RedisAdmin.connect(url);
        feed.monitor();
        CommandAudit audit = new CommandAudit(feed, own.localPort());
        Thread reader = new Thread(audit::read, "jrq-bench-monitor");
        reader.setDaemon(true);
        reader.start();
        return audit;
    }

    /** Stops the feed once it has shown everything sent before this call. */
    RoundTrips stop(RedisAdmin own) throws InterruptedException {
        own.call("ECHO", MARKER);
        if (!ended.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the MONITOR feed did not catch up within 60 s");
        }
        feed.close();
        synchronized (this) {
            return new RoundTrips(sent, insideScripts);
        }
    }

    private void read() {
        try {
            String line;
            while ((line = feed.readLine()) != null) {
                if (line.contains(MARKER)) {
                    break;
                }
                count(line);
            }
        } catch (IOException e) {
            // why: the feed is closed by stop(); anything else leaves the audit short, which stop() reports
        } finally {
            ended.countDown();
        }
    }

    /** {@code 1700000000.123456 [0 127.0.0.1:54321] "evalsha" "..."}, or {@code [0 lua]} inside a script. */
    private synchronized void count(String line) {
        int open = line.indexOf('[');
        int close = line.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            return;
        }
        String client = line.substring(open + 1, close + 1);
        if (client.endsWith(" lua]")) {
            insideScripts++;
            return;
        }
        if (client.endsWith(ownAddressSuffix)) {
            return;
        }
        int quote = line.indexOf('"', close);
        int end = line.indexOf('"', quote + 1);
        if (quote > 0 && end > quote) {
            sent.merge(line.substring(quote + 1, end).toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        }
    }

    /**
     * What clients sent in an audited window.
     *
     * @param byCommand     commands sent by clients, by name
     * @param insideScripts commands Lua scripts ran inside Redis
     */
    record RoundTrips(Map<String, Long> byCommand, long insideScripts) {
        RoundTrips {
            byCommand = Map.copyOf(byCommand);
        }

        /** These counts without the benchmark's own probes (by command name). */
        RoundTrips withoutOwn(Map<String, Long> own) {
            Map<String, Long> left = new TreeMap<>(byCommand);
            own.forEach((name, count) -> left.computeIfPresent(name, (key, value) -> value - count == 0 ? null
                    : value - count));
            return new RoundTrips(left, insideScripts);
        }

        long sent() {
            return byCommand.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
