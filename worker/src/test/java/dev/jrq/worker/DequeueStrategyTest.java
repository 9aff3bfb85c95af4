package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DequeueStrategyTest {
    private static final List<String> QUEUES = List.of("a", "b", "c");

    @Test
    void default_keepsThePriorityOrder() {
        assertThat(DequeueStrategy.DEFAULT.order(QUEUES, 1)).containsExactly("a", "b", "c");
    }

    @Test
    void roundRobin_startsAfterTheQueueOfTheLastJob() {
        assertThat(DequeueStrategy.ROUND_ROBIN.order(QUEUES, -1)).containsExactly("a", "b", "c");
        assertThat(DequeueStrategy.ROUND_ROBIN.order(QUEUES, 0)).containsExactly("b", "c", "a");
        assertThat(DequeueStrategy.ROUND_ROBIN.order(QUEUES, 2)).containsExactly("a", "b", "c");
    }

    @Test
    void random_triesEveryQueue() {
        assertThat(DequeueStrategy.RANDOM.order(QUEUES, 0)).containsExactlyInAnyOrderElementsOf(QUEUES);
    }

    @Test
    void fromCliName_readsRqsNames_andRefusesOthers() {
        assertThat(DequeueStrategy.fromCliName("round_robin")).isEqualTo(DequeueStrategy.ROUND_ROBIN);
        assertThat(DequeueStrategy.fromCliName("random")).isEqualTo(DequeueStrategy.RANDOM);
        assertThatThrownBy(() -> DequeueStrategy.fromCliName("fifo"))
                .hasMessage("unknown dequeue strategy 'fifo'; expected default, round_robin or random");
    }
}
