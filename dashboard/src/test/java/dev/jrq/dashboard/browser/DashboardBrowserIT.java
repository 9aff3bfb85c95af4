package dev.jrq.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JrqClient;
import dev.jrq.core.WorkerStore;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import dev.jrq.dashboard.DashboardOptions;
import dev.jrq.dashboard.DashboardServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What a user sees in Chromium: a queue appearing live, a failed job whose arguments try to inject markup, a requeue
 * from the job page with its confirmation and result message, the phone-width layout, the read-only mode, and jobs
 * that Python RQ enqueued. Screenshots: {@code target/screenshots/overview.png}, {@code job.png},
 * {@code overview-mobile.png}, {@code python-job.png}, {@code registry.png}, {@code workers.png}.
 */
@ExtendWith(RedisServerExtension.class)
class DashboardBrowserIT {
    private static final String IMG_ATTACK = "<img src=x onerror=\"window.__xss=1\">";
    private static final String SCRIPT_ATTACK = "<script>window.__xss=2</script>";
    private static final String QUEUE = "browser-test";
    private static final String WORKER = "browser-test-worker";
    private static final By JOB_ROWS = By.cssSelector("#jobs-table tbody tr");

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void leavePage() {
        browser.resetWidth();
        browser.driver().get("about:blank"); // why: closes the page's event stream before its server stops
    }

    @Test
    void failedJob_requeuedFromItsPage_countsChangeLiveAndUserDataStaysText(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        DashboardServer server = start(client, false);
        try {
            browser.open(server.url());
            browser.waitForElement("the overview", By.cssSelector("#queues-table"));
            browser.waitForText("the live indicator", By.id("live"), "live"::equals);

            String id = client.queue(QUEUE).enqueue("app.render_page", IMG_ATTACK, SCRIPT_ATTACK).id();
            waitForCount(QUEUE, "queued", "1");

            failNextJob(client, "java.lang.IllegalStateException: cannot render " + SCRIPT_ATTACK
                    + "\n\tat app.Pages.render(Pages.java:42)\n\tat app.Worker.run(Worker.java:7)");
            waitForCount(QUEUE, "failed", "1");
            waitForCount(QUEUE, "queued", "0");

            browser.click(countLink(QUEUE, "failed"));
            WebElement row = browser.waitForElement("the failed job in the list",
                    By.cssSelector("#jobs-table tr[data-job-id='" + id + "']"));
            assertThat(row.getText()).contains("app.render_page", "failed",
                    "java.lang.IllegalStateException: cannot render " + SCRIPT_ATTACK);

            row.findElement(By.linkText(id)).click();
            WebElement trace = browser.waitForElement("the stack trace", By.cssSelector("pre.trace"));
            assertThat(trace.getText()).contains("cannot render " + SCRIPT_ATTACK, "at app.Pages.render(Pages.java:42)");
            assertThat(browser.textOf(By.cssSelector("pre.args")))
                    .contains("<img src=x onerror=\\\"window.__xss=1\\\">", SCRIPT_ATTACK);
            assertThat(browser.textOf(By.cssSelector(".job-title"))).contains("app.render_page", "failed");
            assertNoInjection();
            browser.screenshot("job.png");

            browser.click(By.cssSelector("button[data-action='requeue']"));
            browser.waitForElement("the confirmation", By.cssSelector("#confirm[open] #confirm-ok")).click();
            WebElement message = browser.waitForElement("the requeue's result message",
                    By.cssSelector("#status .success .status-text"));
            assertThat(message.getText()).containsIgnoringCase("requeue");
            assertThat(browser.driver().findElement(By.id("status")).getAttribute("role")).isEqualTo("status");
            browser.waitFor("the job page to show it queued",
                    d -> browser.textOf(By.cssSelector(".job-title")).contains("queued"));

            browser.click(By.cssSelector(".nav a[data-nav='overview']"));
            waitForCount(QUEUE, "failed", "0");
            waitForCount(QUEUE, "queued", "1");
            assertThat(client.queue(QUEUE).count()).isEqualTo(1);
            assertNoInjection();
            browser.screenshot("overview.png");

            browser.emulateWidth(390, 844);
            waitForCount(QUEUE, "queued", "1");
            Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth");
            Number innerWidth = (Number) browser.script("return window.innerWidth");
            assertThat(scrollWidth.intValue()).as("page width at 390 px (no horizontal overflow)")
                    .isLessThanOrEqualTo(innerWidth.intValue() + 1);
            browser.screenshot("overview-mobile.png");
        } finally {
            server.close();
        }
    }

    @Test
    void registryAndHeader_pageFilterBulkActionsFindAndEnqueue_showTheirResults(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        for (int i = 0; i < 27; i++) {
            client.queue(QUEUE).enqueue("app.common", i);
        }
        for (int i = 0; i < 3; i++) {
            client.queue(QUEUE).enqueue("app.special", i);
        }
        for (int i = 0; i < 30; i++) {
            failNextJob(client, "java.lang.RuntimeException: attempt " + i);
        }
        DashboardServer server = start(client, false);
        try {
            browser.open(server.url() + "#/queues/" + QUEUE + "/failed?perPage=10");
            browser.waitFor("ten rows on page 1 of 3", d -> d.findElements(JOB_ROWS).size() == 10
                    && "page 1 of 3".equals(browser.textOf(By.cssSelector(".pager .page-of"))));
            browser.click(By.cssSelector(".pager a[aria-label='Next page']"));
            browser.waitFor("page 2 of 3", d -> "page 2 of 3".equals(browser.textOf(By.cssSelector(".pager .page-of"))));

            WebElement filter = browser.driver().findElement(By.id("job-name-filter"));
            filter.sendKeys("special" + Keys.ENTER);
            browser.waitFor("the three app.special jobs", d -> d.findElements(JOB_ROWS).size() == 3);
            browser.click(By.cssSelector("#jobs-table thead input[type='checkbox']"));
            WebElement requeueSelected = browser.waitForElement("the requeue button counting 3",
                    By.xpath("//button[normalize-space()='Requeue selected (3)']"));
            requeueSelected.click();
            assertThat(browser.waitForElement("the bulk requeue result", By.cssSelector("#status .success .status-text"))
                    .getText()).contains("Requeued 3 jobs");
            browser.waitFor("the failed tab to count 27",
                    d -> "27".equals(browser.textOf(By.cssSelector(".tab.active .tab-count"))));

            browser.click(By.linkText("Clear"));
            browser.waitFor("ten rows again", d -> d.findElements(JOB_ROWS).size() == 10);
            browser.screenshot("registry.png");
            browser.click(By.xpath("//button[normalize-space()='Delete all']"));
            WebElement confirm = browser.waitForElement("the delete-all confirmation", By.cssSelector("#confirm[open]"));
            assertThat(confirm.getText()).contains("Delete all 27 failed jobs");
            browser.click(By.id("confirm-ok"));
            assertThat(browser.waitForElement("the delete-all result", By.cssSelector("#status .success .status-text"))
                    .getText()).contains("Deleted 27 jobs");
            browser.waitForElement("the empty list", By.xpath("//p[contains(., 'No failed jobs in this queue.')]"));
            assertThat(client.queue(QUEUE).count()).isEqualTo(3);

            WebElement find = browser.driver().findElement(By.id("find-job-id"));
            find.sendKeys("no-such-job" + Keys.ENTER);
            assertThat(browser.waitForElement("the not-found message", By.id("job-not-found")).getText())
                    .isEqualTo("No job with id no-such-job.");

            browser.click(By.id("enqueue-toggle"));
            WebElement form = browser.waitForElement("the enqueue form", By.id("enqueue-form"));
            form.findElement(By.name("queue")).sendKeys("web-queue");
            form.findElement(By.name("name")).sendKeys("app.hello");
            WebElement args = form.findElement(By.name("args"));
            args.clear();
            args.sendKeys("[1, ");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            assertThat(browser.waitForElement("the JSON error", By.cssSelector("[data-error-for='args']")).getText())
                    .startsWith("Not valid JSON");
            assertThat(client.queue("web-queue").count()).isZero();
            args.clear();
            args.sendKeys("[1, \"<b>x</b>\"]");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            String enqueued = browser.waitForElement("the enqueue result", By.cssSelector("#status .success .status-text"))
                    .getText();
            assertThat(enqueued).startsWith("Enqueued job ").endsWith(" to queue web-queue");
            assertThat(client.queue("web-queue").count()).isEqualTo(1);
            assertThat(client.queue("web-queue").jobIds(0, 1).get(0)).isEqualTo(
                    browser.driver().findElement(By.cssSelector("#status a")).getText());
        } finally {
            server.close();
        }
    }

    @Test
    void workersPage_suspendAndResume_bannerFollows(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.workerStore().register("box-1.4242.slot-0", List.of(QUEUE), Map.of(
                "hostname", "box-1", "pid", "4242", "state", "idle"));
        DashboardServer server = start(client, false);
        try {
            browser.open(server.url() + "#/workers");
            assertThat(browser.waitForText("the worker's row",
                    By.cssSelector("#workers-table tr[data-worker='box-1.4242.slot-0']"), text -> !text.isEmpty()))
                    .contains("box-1", "4242", QUEUE, "idle");
            browser.click(By.xpath("//button[normalize-space()='Suspend all workers']"));
            browser.waitForElement("the suspend confirmation", By.cssSelector("#confirm[open] #confirm-ok")).click();
            browser.waitForText("the suspended banner", By.id("banner"), text -> text.contains("suspended"));
            assertThat(client.workerControl().isSuspended()).isTrue();
            browser.screenshot("workers.png");
            browser.click(By.xpath("//div[@id='banner']//button[normalize-space()='Resume workers']"));
            browser.waitFor("the banner to go", d -> !d.findElement(By.id("banner")).isDisplayed());
            assertThat(client.workerControl().isSuspended()).isFalse();
        } finally {
            server.close();
        }
    }

    @Test
    void readOnlyDashboard_everyPage_showsNoActionControls(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        String id = client.queue(QUEUE).enqueue("app.render_page", 1).id();
        failNextJob(client, "java.lang.RuntimeException: boom\n\tat app.Pages.render(Pages.java:1)");
        client.queue(QUEUE).enqueue("app.render_page", 2);
        DashboardServer server = start(client, true);
        try {
            browser.open(server.url());
            waitForCount(QUEUE, "failed", "1");
            assertNoActions("overview");

            browser.open(server.url() + "#/queues/" + QUEUE + "/failed");
            browser.waitForElement("the failed list", By.cssSelector("#jobs-table tr[data-job-id='" + id + "']"));
            assertNoActions("failed list");
            assertThat(browser.driver().findElements(By.cssSelector("#jobs-table input[type='checkbox']"))).isEmpty();

            browser.open(server.url() + "#/queues/" + QUEUE + "/queued");
            browser.waitForElement("the queued list", By.cssSelector("#jobs-table tbody tr"));
            assertNoActions("queued list");

            browser.open(server.url() + "#/jobs/" + id);
            browser.waitForElement("the job page", By.cssSelector("pre.trace"));
            assertNoActions("job page");

            browser.open(server.url() + "#/workers");
            browser.waitForElement("the workers page", By.cssSelector("#view h1"));
            assertNoActions("workers page");
        } finally {
            server.close();
        }
    }

    @Test
    void jobsEnqueuedByPythonRq_jobPage_showsArgumentsOrThePickleSize(TestRedis redis) throws Exception {
        List<String> ids = enqueueFromPython(redis.url());
        String jsonJob = ids.get(0);
        String pickledJob = ids.get(1);
        JrqClient client = redis.newClient();
        DashboardServer server = start(client, false);
        try {
            browser.open(server.url() + "#/jobs/" + jsonJob);
            WebElement args = browser.waitForElement("the Python job's args", By.cssSelector("pre.args"));
            assertThat(args.getText()).contains("2", "3");
            assertThat(browser.textOf(By.cssSelector("pre.kwargs"))).contains("\"label\": \"<b>sum</b>\"");
            assertThat(browser.textOf(By.cssSelector(".job-title"))).contains("myapp.tasks.add", "queued");
            assertThat(browser.textOf(By.cssSelector("dl.fields"))).contains("py-json", "myapp.tasks.add(2, 3");
            assertNoInjection();
            browser.screenshot("python-job.png");

            browser.open(server.url() + "#/jobs/" + pickledJob);
            WebElement notice = browser.waitForElement("the undecodable payload notice",
                    By.cssSelector(".payload-undecoded"));
            assertThat(notice.getText()).contains("pickle payload", "bytes", "cannot be decoded in Java");
            assertThat(browser.textOf(By.cssSelector(".job-title"))).contains("queued");

            browser.open(server.url() + "#/queues/py-json/queued");
            assertThat(browser.waitForElement("the Python job in its queue",
                    By.cssSelector("#jobs-table tr[data-job-id='" + jsonJob + "']")).getText()).contains("myapp.tasks.add");
        } finally {
            server.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static DashboardServer start(JrqClient client, boolean readOnly) {
        return DashboardServer.start(client, DashboardOptions.builder()
                .port(0)
                .readOnly(readOnly)
                .pollInterval(Duration.ofMillis(250))
                .build());
    }

    /** Takes the next job of {@link #QUEUE} as a worker would and records that it failed with {@code error}. */
    private static void failNextJob(JrqClient client, String error) throws InterruptedException {
        WorkerStore store = client.workerStore();
        ClaimedJob job = store.take(WORKER, List.of(QUEUE), Duration.ZERO).claimed()
                .orElseThrow(() -> new AssertionError("no job to take in " + QUEUE));
        assertThat(store.finishFailure(WORKER, job, error, Duration.ofMillis(12)))
                .isEqualTo(WorkerStore.FailureOutcome.FAILED);
    }

    private static By countLink(String queue, String registry) {
        return By.cssSelector("#queues-table tr[data-queue='" + queue + "'] td[data-registry='" + registry + "'] a");
    }

    private static void waitForCount(String queue, String registry, String count) {
        browser.waitFor(registry + " count of " + queue + " to be " + count + " on the overview",
                d -> count.equals(browser.textOf(countLink(queue, registry))));
    }

    /** Nothing from the job's data ran or became markup, and the page broke no CSP rule. */
    private static void assertNoInjection() {
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.driver().findElements(By.cssSelector("#view img, #view script, #status img"))).isEmpty();
        assertThat((List<?>) browser.script("return window.__cspViolations")).as("CSP violations").isEmpty();
    }

    private static void assertNoActions(String page) {
        List<String> shown = browser.driver().findElements(By.cssSelector("button, .action, [data-action]")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .filter(text -> text.matches("(?i).*(requeue|delete|cancel|stop|empty|suspend|resume|shut|enqueue).*"))
                .toList();
        assertThat(shown).as("action controls on the read-only " + page).isEmpty();
    }

    /** Enqueues with Debian's Python RQ: one job with RQ's JSONSerializer, one pickled; returns their ids. */
    private static List<String> enqueueFromPython(String redisUrl) throws IOException, InterruptedException {
        String python = "/usr/bin/python3";
        if (!pythonHasRq(python)) {
            String reason = python + " cannot import rq; install it with: apt-get install python3-rq";
            if ("1".equals(System.getenv("JRQ_REQUIRE_PYTHON_RQ"))) {
                fail(reason);
            }
            System.out.println("[jrq-test] SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        String code = String.join("\n",
                "import sys",
                "from redis import Redis",
                "from rq import Queue",
                "from rq.serializers import JSONSerializer",
                "redis = Redis.from_url(sys.argv[1])",
                "json_job = Queue('py-json', connection=redis, serializer=JSONSerializer)"
                        + ".enqueue('myapp.tasks.add', 2, 3, label='<b>sum</b>')",
                "pickled = Queue('py-pickle', connection=redis).enqueue('myapp.tasks.add', 4, 5)",
                "print(json_job.id)",
                "print(pickled.id)");
        Process process = new ProcessBuilder(python, "-c", code, redisUrl).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python output:\n" + output).isZero();
        List<String> ids = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertThat(ids).as("python output:\n" + output).hasSize(2);
        return ids;
    }

    private static boolean pythonHasRq(String python) throws IOException, InterruptedException {
        if (!new java.io.File(python).canExecute()) {
            return false;
        }
        Process process = new ProcessBuilder(python, "-c", "import rq").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
