package dev.jrq.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's instrument: one plain RESP connection, apart from JRQ's own, for server commands that name no
 * key ({@code INFO}, {@code FLUSHDB}, {@code DBSIZE}, {@code ECHO}, {@code MONITOR}). It counts what it sends, so a
 * phase can take its own commands out of Redis' counters.
 */
final class RedisAdmin implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long sent;

    private RedisAdmin(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to the server of a {@code redis://[user:password@]host[:port][/db]} URL and selects its db. */
    static RedisAdmin connect(String url) {
        URI uri = URI.create(url.trim());
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the benchmark needs a plain redis://host:port[/db] URL; was " + url);
        }
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 5000);
            RedisAdmin admin = new RedisAdmin(socket);
            admin.authenticate(uri.getRawUserInfo());
            String path = uri.getPath();
            if (path != null && path.length() > 1) {
                admin.call("SELECT", path.substring(1));
            }
            return admin;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + uri.getHost() + ":" + uri.getPort(), e);
        }
    }

    /** {@code INFO} of the given sections, as Redis writes it. */
    String info(String... sections) {
        String[] command = new String[sections.length + 1];
        command[0] = "INFO";
        System.arraycopy(sections, 0, command, 1, sections.length);
        return (String) call(command);
    }

    void flushDb() {
        call("FLUSHDB");
    }

    long dbSize() {
        return (Long) call("DBSIZE");
    }

    /** {@code used_memory} of {@code INFO memory}: bytes Redis' allocator holds for data and overhead. */
    long usedMemory() {
        for (String line : info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    /** Redis' {@code maxmemory} in bytes, 0 for no limit. */
    long maxMemory() {
        List<?> reply = (List<?>) call("CONFIG", "GET", "maxmemory");
        return reply.size() < 2 ? 0 : Long.parseLong((String) reply.get(1));
    }

    /** How many commands this connection has sent. */
    long sent() {
        return sent;
    }

    /** This connection's local port, by which Redis names it ({@code ip:port}) in {@code MONITOR} and client lists. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Sends a command and reads its reply: a String, Long, List or {@code null}; a Redis error throws. */
    synchronized Object call(String... command) {
        try {
            write(command);
            sent++;
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not answer " + command[0], e);
        }
    }

    /** Turns this connection into a {@code MONITOR} feed; read it with {@link #readLine()}. */
    void monitor() {
        Object reply = call("MONITOR");
        if (!"OK".equals(reply)) {
            throw new IllegalStateException("MONITOR answered " + reply);
        }
    }

    /** The next line of a {@code MONITOR} feed, without its {@code +} and line end; {@code null} at its end. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int start = bytes.length > 0 && bytes[0] == '+' ? 1 : 0;
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, start, Math.max(0, end - start), StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // why: closing a finished instrument connection; nothing to recover
        }
    }

    private void authenticate(String userInfo) {
        if (userInfo == null || userInfo.isEmpty()) {
            return;
        }
        int colon = userInfo.indexOf(':');
        String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        String user = colon <= 0 ? null : decode(userInfo.substring(0, colon));
        if (user == null) {
            call("AUTH", password);
        } else {
            call("AUTH", user, password);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void write(String... command) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            buffer.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes(bytes);
            buffer.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(buffer.toByteArray());
        out.flush();
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = readRawLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IllegalStateException("Redis refused the command: " + line);
            case ':':
                return Long.parseLong(line);
            case '$':
                return readBulk(Integer.parseInt(line));
            case '*':
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            default:
                throw new IOException("not a RESP reply: " + (char) type + line);
        }
    }

    private String readBulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private String readRawLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\r') {
            if (b == -1) {
                throw new IOException("connection closed");
            }
            line.append((char) b);
        }
        in.read();
        return line.toString();
    }
}
