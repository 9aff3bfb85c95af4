package dev.jrq.core.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.redisson.client.RedisException;

/**
 * One plain Redis connection spoken to in RESP2 by the calling thread itself: the request is written with one
 * socket write and the reply read on the same thread, with no hand-off to an I/O thread and back. Not
 * thread-safe; {@link DirectRedis} lends it to one caller at a time.
 *
 * <p>Replies: integers as {@code Long}, bulk strings as {@code byte[]}, arrays as {@code List<Object>}, nil as
 * {@code null}; an error reply is read whole (the connection stays usable) and thrown as Redisson's
 * {@link RedisException}, so callers see what they saw through Redisson.
 */
final class RespConnection implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] request = new byte[1024];
    private int requestLength;
    private final byte[] reply = new byte[16 * 1024];
    private int replyPosition;
    private int replyLimit;
    private long lastUsedNanos = System.nanoTime();

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects, authenticates and selects the database. */
    static RespConnection open(String host, int port, int connectTimeoutMillis, int readTimeoutMillis, String user,
                               String password, int database) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            RespConnection connection = new RespConnection(socket);
            if (password != null) {
                connection.call(user == null ? List.of(bytes("AUTH"), bytes(password))
                        : List.of(bytes("AUTH"), bytes(user), bytes(password)));
            }
            if (database != 0) {
                connection.call(List.of(bytes("SELECT"), bytes(Integer.toString(database))));
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends a command that may block in Redis up to {@code blockMillis} (BLPOP) and reads its reply, the read
     * timeout stretched by that much for this call.
     */
    Object callBlocking(List<byte[]> parts, long blockMillis) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout + blockMillis));
        try {
            return call(parts);
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    /** Sends one command (its parts as bytes) and reads its reply. */
    Object call(List<byte[]> parts) throws IOException {
        requestLength = 0;
        appendHeader('*', parts.size());
        for (byte[] part : parts) {
            appendHeader('$', part.length);
            append(part);
            append(CRLF);
        }
        out.write(request, 0, requestLength);
        out.flush();
        RedisException[] error = {null};
        Object value = read(error);
        lastUsedNanos = System.nanoTime();
        if (error[0] != null) {
            throw error[0];
        }
        return value;
    }

    /** Nanoseconds since this connection last answered a call. */
    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // why: the connection is being dropped; nothing to recover
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void appendHeader(char type, int count) {
        ensure(24);
        request[requestLength++] = (byte) type;
        int digits = 1;
        for (int rest = count / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = requestLength + digits - 1, rest = count; i >= requestLength; i--, rest /= 10) {
            request[i] = (byte) ('0' + rest % 10);
        }
        requestLength += digits;
        request[requestLength++] = '\r';
        request[requestLength++] = '\n';
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, request, requestLength, bytes.length);
        requestLength += bytes.length;
    }

    private void ensure(int more) {
        if (requestLength + more > request.length) {
            request = Arrays.copyOf(request, Math.max(request.length * 2, requestLength + more));
        }
    }

    /** Reads one reply; an error reply (also one nested in an array) is noted in {@code error}, not thrown. */
    private Object read(RedisException[] error) throws IOException {
        int type = readByte();
        switch (type) {
            case ':':
                return readLong();
            case '$': {
                long length = readLong();
                return length < 0 ? null : readBulk((int) length);
            }
            case '*': {
                long count = readLong();
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    items.add(read(error));
                }
                return items;
            }
            case '+':
                return readLine();
            case '-': {
                String message = readLine();
                if (error[0] == null) {
                    error[0] = new RedisException(message);
                }
                return null;
            }
            default:
                throw new IOException("not a RESP reply from Redis (type byte " + type + ")");
        }
    }

    private int readByte() throws IOException {
        if (replyPosition == replyLimit) {
            fill();
        }
        return reply[replyPosition++];
    }

    private long readLong() throws IOException {
        long value = 0;
        boolean negative = false;
        int b = readByte();
        if (b == '-') {
            negative = true;
            b = readByte();
        }
        while (b != '\r') {
            value = value * 10 + (b - '0');
            b = readByte();
        }
        readByte(); // '\n'
        return negative ? -value : value;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = readByte()) != '\r') {
            line.append((char) b);
        }
        readByte();
        return line.toString();
    }

    private byte[] readBulk(int length) throws IOException {
        byte[] value = new byte[length];
        int copied = 0;
        while (copied < length) {
            if (replyPosition == replyLimit) {
                fill();
            }
            int chunk = Math.min(length - copied, replyLimit - replyPosition);
            System.arraycopy(reply, replyPosition, value, copied, chunk);
            replyPosition += chunk;
            copied += chunk;
        }
        readByte();
        readByte();
        return value;
    }

    private void fill() throws IOException {
        int count = in.read(reply, 0, reply.length);
        if (count < 0) {
            throw new EOFException("Redis closed the connection");
        }
        replyPosition = 0;
        replyLimit = count;
    }
}
