package dev.jrq.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A test's HTTP client for one dashboard: GETs and POSTs with chosen headers, bodies read as JSON. */
final class Api {
    static final JsonMapper JSON = new JsonMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final List<String> defaultHeaders = new ArrayList<>();

    Api(String base) {
        this.base = base;
    }

    /** This client with a header sent on every request. */
    Api withHeader(String name, String value) {
        Api copy = new Api(base);
        copy.defaultHeaders.addAll(defaultHeaders);
        copy.defaultHeaders.add(name);
        copy.defaultHeaders.add(value);
        return copy;
    }

    Response get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** A POST as the dashboard's own page sends it: JSON body and {@code X-Requested-By: jrq}. */
    Response post(String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Requested-By", "jrq", "Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return postRaw(path, body, all.toArray(String[]::new));
    }

    /** A POST with exactly these headers. */
    Response postRaw(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body))
                .build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < defaultHeaders.size(); i += 2) {
            builder.header(defaultHeaders.get(i), defaultHeaders.get(i + 1));
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers, body. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(", ", entry.getValue())).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
