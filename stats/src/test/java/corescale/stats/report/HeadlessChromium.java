package corescale.stats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol (a WebSocket on loopback, JSON
 * messages read with Jackson): opens a page, collects what the page reports as an error, and
 * evaluates the test's own script in it. The page under test is never changed.
 *
 * <p>Found as {@code $CHROMIUM} or as {@code chromium}, {@code chromium-browser} or
 * {@code google-chrome} on the PATH.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Every event received, in order; guarded by itself. */
    private final List<JsonNode> events = new ArrayList<>();

    /** The browser, if one is installed. */
    static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser with a fresh profile in {@code profile} and a window of the given size. */
    static HeadlessChromium start(Path exe, Path profile, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Path log = profile.resolve("chromium.log");
        Process p = new ProcessBuilder(exe.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // Chromium writes the port it chose and the browser's WebSocket path into the profile.
            Path active = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<String> lines = List.of();
            while (lines.size() < 2) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("Chromium gave no DevTools port (exit " + (p.isAlive() ? "none" : p.exitValue())
                            + "):\n" + tail(log));
                }
                Thread.sleep(50);
                lines = Files.exists(active) ? Files.readAllLines(active, StandardCharsets.UTF_8) : List.of();
            }
            URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
            return new HeadlessChromium(p, log, ws);
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private HeadlessChromium(Process process, Path log, URI ws) throws IOException {
        this.process = process;
        this.log = log;
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(ws, new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("cannot connect to Chromium at " + ws + ": " + e + "\n" + tail(log), e);
        }
    }

    /** Opens {@code url} in a new tab and waits for its load event. */
    Page open(URI url) throws IOException {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        Page page = new Page(session);
        call(session, "Page.enable", Map.of());
        call(session, "Runtime.enable", Map.of());
        call(session, "Log.enable", Map.of());
        JsonNode nav = call(session, "Page.navigate", Map.of("url", url.toString()));
        if (nav.hasNonNull("errorText")) {
            throw new IOException("navigation to " + url + " failed: " + nav.get("errorText").asText());
        }
        awaitEvent(session, "Page.loadEventFired");
        return page;
    }

    /** One tab. */
    final class Page {
        private final String session;

        private Page(String session) {
            this.session = session;
        }

        /** Lays the page out for a window of this size, as a narrower browser window would. */
        void viewport(int width, int height) throws IOException {
            call(session, "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        }

        /**
         * Evaluates {@code expression} in the page (a promise is awaited) and returns its value as
         * JSON; an exception thrown by the expression fails here, and is not one of the page's errors.
         */
        JsonNode eval(String expression) throws IOException {
            JsonNode r = call(session, "Runtime.evaluate",
                    Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            if (r.has("exceptionDetails")) {
                throw new IOException("the test's script failed: " + r.get("exceptionDetails") + "\nscript: " + expression);
            }
            return r.path("result").path("value");
        }

        /**
         * What the page reported as an error so far: uncaught exceptions, console.error and
         * console.assert, and the browser's own error entries (a resource that failed to load, a
         * blocked request, a violation).
         */
        List<String> errors() {
            List<String> out = new ArrayList<>();
            synchronized (events) {
                for (JsonNode e : events) {
                    if (!session.equals(e.path("sessionId").asText())) {
                        continue;
                    }
                    JsonNode p = e.path("params");
                    switch (e.path("method").asText()) {
                        case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
                        case "Runtime.consoleAPICalled" -> {
                            String type = p.path("type").asText();
                            if (type.equals("error") || type.equals("assert")) {
                                out.add("console." + type + ": " + p.path("args"));
                            }
                        }
                        case "Log.entryAdded" -> {
                            if (p.path("entry").path("level").asText().equals("error")) {
                                out.add("log: " + p.path("entry"));
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            return out;
        }
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws IOException {
        int id = nextId.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            synchronized (socket) {
                socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IOException(method + " failed: " + r.get("error"));
            }
            return r.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted", e);
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(method + ": " + e + "\n" + tail(log), e);
        } finally {
            pending.remove(id);
        }
    }

    private void awaitEvent(String session, String method) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (events) {
            while (events.stream().noneMatch(e -> method.equals(e.path("method").asText())
                    && session.equals(e.path("sessionId").asText()))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IOException("no " + method + " within " + TIMEOUT + "\n" + tail(log));
                }
                try {
                    events.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for " + method, e);
                }
            }
        }
    }

    /** Gathers a message's parts, then completes the call it answers or records the event. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(parts.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.get(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        synchronized (events) {
                            events.add(msg);
                            events.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                parts.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Asks the browser to close, and stops it if it has not within 10 s. */
    @Override
    public void close() {
        try {
            synchronized (socket) {
                socket.sendText("{\"id\":" + nextId.incrementAndGet() + ",\"method\":\"Browser.close\"}", true)
                        .get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // Stopped below.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
