package dev.jrq.dashboard;

/**
 * A request the API refuses, with the HTTP status and one line saying what was wrong; sent as
 * {@code {"error": "..."}}.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static HttpError conflict(String message) {
        return new HttpError(409, message);
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, message);
    }
}
