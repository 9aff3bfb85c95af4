package dev.jrq.dashboard;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before every route, static files and {@code /metrics} included: sets the security headers, checks
 * credentials (basic auth and/or a bearer token, compared in constant time), and for actions (every POST) the CSRF
 * rules and the read-only mode.
 *
 * <p>CSRF: an action must carry {@code X-Requested-By} (any non-empty value; a browser cannot send it cross-site
 * without a CORS preflight, which this server never answers) and, when present, {@code Sec-Fetch-Site} must be
 * {@code same-origin} or {@code none} and {@code Origin} must be the request's own scheme and host.
 */
final class SecurityFilter {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'";
    private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");

    private final DashboardOptions options;
    private final byte[] basicDigest;
    private final byte[] tokenDigest;

    SecurityFilter(DashboardOptions options) {
        this.options = options;
        this.basicDigest = options.username() == null ? null
                : digest(options.username() + ":" + options.password());
        this.tokenDigest = options.token() == null ? null : digest(options.token());
    }

    void handle(Context ctx) {
        addHeaders(ctx);
        authenticate(ctx);
        if ("POST".equals(ctx.method().name())) {
            checkSameOrigin(ctx);
            if (options.readOnly()) {
                throw HttpError.forbidden("read-only dashboard: actions are disabled");
            }
        }
    }

    private static void addHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (!ctx.path().equals("/api/events")) { // why: the event stream sets its own Cache-Control: no-cache
            ctx.header("Cache-Control", "no-store");
        }
    }

    private void authenticate(Context ctx) {
        if (!options.requiresCredentials()) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            int space = authorization.indexOf(' ');
            String scheme = space < 0 ? authorization : authorization.substring(0, space);
            String value = space < 0 ? "" : authorization.substring(space + 1).strip();
            if (tokenDigest != null && scheme.equalsIgnoreCase("Bearer") && matches(tokenDigest, value)) {
                return;
            }
            if (basicDigest != null && scheme.equalsIgnoreCase("Basic") && matches(basicDigest, decodeBasic(value))) {
                return;
            }
        }
        ctx.header("WWW-Authenticate", basicDigest != null ? "Basic realm=\"JRQ\", charset=\"UTF-8\""
                : "Bearer realm=\"JRQ\"");
        throw new HttpError(401, authorization == null ? "credentials required" : "wrong credentials");
    }

    private static void checkSameOrigin(Context ctx) {
        String requestedBy = ctx.header("X-Requested-By");
        if (requestedBy == null || requestedBy.isBlank()) {
            throw HttpError.forbidden("cross-site request refused: actions need the header X-Requested-By "
                    + "(any value, e.g. jrq)");
        }
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCH.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            throw HttpError.forbidden("cross-site request refused: Sec-Fetch-Site is " + fetchSite);
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, ctx)) {
            throw HttpError.forbidden("cross-site request refused: Origin " + origin + " is not this dashboard");
        }
    }

    private static boolean sameOrigin(String origin, Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        String scheme = forwarded != null ? forwarded.split(",")[0].strip() : ctx.scheme();
        String host = ctx.header("Host");
        try {
            URI uri = URI.create(origin);
            String given = uri.getScheme() + "://" + uri.getRawAuthority();
            return host != null && given.equalsIgnoreCase(scheme + "://" + host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String decodeBasic(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean matches(byte[] expectedDigest, String given) {
        // why: digests have one length, so the comparison takes the same time whatever the guess
        return MessageDigest.isEqual(expectedDigest, digest(given));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
