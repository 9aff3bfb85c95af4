package dev.jrq.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/** The API's JSON: written with one mapper, user data always as JSON strings, never HTML. */
final class Json {
    static final JsonMapper MAPPER = new JsonMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static void respond(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(write(body));
    }

    static void respond(Context ctx, Object body) {
        respond(ctx, 200, body);
    }

    /**
     * The request body as a JSON object; an empty body is an empty object.
     *
     * @throws HttpError 400 when the body is not a JSON object, saying where it went wrong
     */
    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            throw HttpError.badRequest("the body must be a JSON object");
        }
        return node;
    }
}
