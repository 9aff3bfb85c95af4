package dev.jrq.examples;

import dev.jrq.api.JobRequest;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.Schedule;
import dev.jrq.core.ScheduleStore;
import dev.jrq.core.ScheduleTrigger;
import dev.jrq.examples.jobs.CountVisit;
import dev.jrq.examples.jobs.IAmAJob;
import dev.jrq.examples.jobs.SendWelcomeEmail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The jobs the demo enqueues, and what it prints about them. */
final class DemoJobs {
    /** The recurring schedule the demo saves while it runs (and removes when it stops). */
    static final String SCHEDULE = "jrq-demo-tick";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final JrqClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoJobs(JrqClient client) {
        this.client = client;
    }

    /** The seed's walkthrough: the test job and three visits, each waited for, then the app's front page. */
    void runSeedJobs(PageVisitApp app) {
        System.out.println(Producer.run(client, "Hello from JRQ", WAIT));
        for (int i = 0; i < 3; i++) {
            Job visit = client.queue(DemoServices.QUEUE).enqueue(CountVisit.class);
            System.out.println("counter.visit -> visitor no. " + visit.waitForResult(WAIT));
        }
        System.out.println("GET " + app.url() + " -> " + get(app.url()));
    }

    /**
     * Something for the dashboard: a welcome mail, two visits through the app, a job due in 10 s and a
     * recurring one every 30 s. Returns how to undo the last (its schedule is removed when the demo stops).
     */
    AutoCloseable enqueueShowcase(PageVisitApp app) {
        Job mail = client.queue(DemoServices.QUEUE).enqueue(SendWelcomeEmail.class, "ada@example.com", "Ada");
        System.out.println("email.send_welcome -> " + mail.waitForResult(WAIT) + " (the mail is in the log above)");
        for (int i = 0; i < 2; i++) {
            System.out.println("GET " + app.url() + "visit -> " + get(app.url() + "visit"));
        }
        Job later = client.queue(DemoServices.QUEUE).enqueueIn(Duration.ofSeconds(10),
                JobRequest.of(IAmAJob.class, "scheduled 10 s after the start"));
        System.out.println("Scheduled job " + later.id() + " for 10 s from now");
        ScheduleStore schedules = ScheduleStore.of(client);
        schedules.save(Schedule.of(SCHEDULE, DemoServices.QUEUE, ScheduleTrigger.every(Duration.ofSeconds(30)),
                JobRequest.of(IAmAJob.class, "tick")));
        System.out.println("Recurring schedule " + SCHEDULE + ": test_job.i_am_a_job('tick') every 30 s");
        return () -> schedules.remove(SCHEDULE);
    }

    private String get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + url, e);
        }
    }
}
