package dev.jrq.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A test's server-sent-events client: reads {@code /api/events} on a thread of its own, event by event. */
final class EventStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final HttpHeaders headers;
    private final int status;
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.lines = response.body();
        this.headers = response.headers();
        this.status = response.statusCode();
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(String baseUrl, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/events"))
                .header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    String header(String name) {
        return String.join(", ", headers.allValues(name));
    }

    /** The next event of this type whose data matches, skipping others; fails after {@code timeout}. */
    Event next(String type, Predicate<JsonNode> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + type + "' event as expected within " + timeout);
            }
            if (event.type().equals(type) && matches.test(event.data())) {
                return event;
            }
        }
    }

    /** Every event received for {@code period} (waits that long). */
    java.util.List<Event> during(Duration period) throws InterruptedException {
        java.util.List<Event> received = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + period.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null) {
                received.add(event);
            }
        }
        return received;
    }

    private void read() {
        String type = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(type, Api.JSON.readTree(data.toString())));
                    type = "message";
                    data.setLength(0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }

    /** One event: its name and its JSON data. */
    record Event(String type, JsonNode data) {
    }
}
