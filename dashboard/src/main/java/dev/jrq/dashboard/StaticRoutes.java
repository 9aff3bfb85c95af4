package dev.jrq.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The front end, from the jar: {@code /} is {@code dev/jrq/dashboard/static/index.html}, {@code /static/*} the files
 * beside it, {@code /webjars/*} the WebJars on the class path (uPlot). Paths are checked before any lookup: no
 * {@code ..}, no backslash, only plain file-name characters.
 */
final class StaticRoutes {
    private static final String STATIC_ROOT = "dev/jrq/dashboard/static/";
    private static final String WEBJARS_ROOT = "META-INF/resources/webjars/";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_.@+-]+(/[A-Za-z0-9_.@+-]+)*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "json", "application/json; charset=utf-8", "map", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, STATIC_ROOT + "index.html"));
        routes.get("/static/<path>", ctx -> serve(ctx, STATIC_ROOT + checked(ctx.pathParam("path"))));
        routes.get("/webjars/<path>", ctx -> serve(ctx, WEBJARS_ROOT + checked(ctx.pathParam("path"))));
    }

    private static String checked(String path) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            throw HttpError.notFound("no such file: " + path);
        }
        return path;
    }

    private static void serve(Context ctx, String resource) throws IOException {
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        ClassLoader loader = StaticRoutes.class.getClassLoader();
        try (InputStream in = type == null ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw HttpError.notFound("no such file: " + resource.substring(resource.lastIndexOf('/') + 1));
            }
            ctx.contentType(type).result(in.readAllBytes());
        }
    }
}
