package dev.jrq.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The order in which a slot tries its queues, as RQ's {@code --dequeue-strategy}. */
public enum DequeueStrategy {
    /** The queues in the order given, highest priority first (RQ's {@code default}). */
    DEFAULT,
    /** After taking a job from a queue, start the next search at the queue after it (RQ's {@code round_robin}). */
    ROUND_ROBIN,
    /** A new random order for every search (RQ's {@code random}). */
    RANDOM;

    /** The strategy named as on RQ's command line: {@code default}, {@code round_robin} or {@code random}. */
    public static DequeueStrategy fromCliName(String name) {
        for (DequeueStrategy strategy : values()) {
            if (strategy.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown dequeue strategy '" + name
                + "'; expected default, round_robin or random");
    }

    /** The queues in the order to try them, given where the last job came from ({@code -1} for none). */
    List<String> order(List<String> queues, int lastTakenIndex) {
        return switch (this) {
            case DEFAULT -> queues;
            case ROUND_ROBIN -> {
                int start = (lastTakenIndex + 1) % queues.size();
                List<String> rotated = new ArrayList<>(queues.subList(start, queues.size()));
                rotated.addAll(queues.subList(0, start));
                yield rotated;
            }
            case RANDOM -> {
                List<String> shuffled = new ArrayList<>(queues);
                Collections.shuffle(shuffled, ThreadLocalRandom.current());
                yield shuffled;
            }
        };
    }
}
