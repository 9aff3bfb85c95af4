package dev.jrq.examples;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.JrqCoreModule;
import dev.jrq.core.JrqSettings;
import dev.jrq.core.RedisConfig;
import dev.jrq.examples.jobs.CountVisit;
import dev.jrq.worker.Worker;
import dev.jrq.worker.WorkerModule;
import dev.jrq.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The README's first command: finds a Redis (or starts an embedded one), starts a worker on {@code default},
 * enqueues the seed's jobs and prints what they returned, then keeps the worker running for more jobs until
 * Ctrl-C. With {@code --once} it stops after the jobs instead.
 *
 * <pre>{@code
 * java -jar examples/target/jrq-demo.jar
 * }</pre>
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean once = List.of(args).contains("--once");
        EmbeddedRedis redis = EmbeddedRedis.findOrStart();
        System.out.println("Redis: " + redis.url() + (redis.isEmbedded() ? " (embedded, started for this demo)" : ""));
        Injector injector = Guice.createInjector(new JrqCoreModule(JrqSettings.of(RedisConfig.fromUrl(redis.url()))),
                new WorkerModule(new WorkerOptions("jrq-demo", List.of("default"), 2, false, null)));
        JrqClient client = injector.getInstance(JrqClient.class);
        Worker worker = injector.getInstance(Worker.class);
        Runnable stopAll = once(() -> {
            worker.stop(Duration.ofSeconds(30));
            injector.getInstance(Key.get(JrqClient.class, Names.named("timers"))).close();
            client.close();
            redis.close();
            System.out.println("Demo stopped.");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(stopAll, "jrq-demo-stop"));
        worker.start();
        System.out.println(Producer.run(client, "Hello from JRQ", Duration.ofSeconds(30)));
        for (int i = 0; i < 3; i++) {
            Job visit = client.queue("default").enqueue(CountVisit.class);
            System.out.println("counter.visit -> visitor no. " + visit.waitForResult(Duration.ofSeconds(30)));
        }
        if (once) {
            stopAll.run();
            return;
        }
        System.out.println("The worker keeps running on queue 'default' at " + redis.url() + ". From Python: "
                + "Queue('default', connection=Redis.from_url('" + redis.url() + "'), serializer=JSONSerializer)"
                + ".enqueue('test_job.i_am_a_job', 7). Ctrl-C stops.");
        new CountDownLatch(1).await(); // why: the shutdown hook stops everything on Ctrl-C
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }
}
