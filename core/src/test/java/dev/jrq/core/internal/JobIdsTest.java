package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JobIdsTest {
    private static final int IDS_PER_THREAD = 10_000;

    @Test
    void next_isTheTextOfARandomVersion4Uuid() {
        for (int i = 0; i < 200; i++) {
            String id = JobIds.next();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.toString()).isEqualTo(id).hasSize(36);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
        }
    }

    @Test
    void next_manyIdsOnSeveralThreads_neverRepeats() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (Future<?> drawing : threads.invokeAll(List.of(() -> draw(seen), () -> draw(seen),
                    () -> draw(seen), () -> draw(seen)))) {
                drawing.get();
            }
            assertThat(seen).as("4 threads x 10,000 ids, none twice").hasSize(4 * IDS_PER_THREAD);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void next_bitsVaryInEveryRandomPosition() {
        // why: a draw that reused or skipped bytes would leave some of the 122 random bits fixed
        Set<Character> variantDigits = new HashSet<>();
        long orOfAll = 0;
        long andOfAll = -1;
        for (int i = 0; i < 1_000; i++) {
            UUID id = UUID.fromString(JobIds.next());
            long bits = id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL;
            orOfAll |= bits;
            andOfAll &= bits;
            variantDigits.add(id.toString().charAt(19));
        }
        assertThat(orOfAll).isEqualTo(0x3FFFFFFFFFFFFFFFL);
        assertThat(andOfAll).isZero();
        assertThat(variantDigits).containsExactlyInAnyOrder('8', '9', 'a', 'b');
    }

    private static Void draw(Set<String> seen) {
        for (int i = 0; i < IDS_PER_THREAD; i++) {
            seen.add(JobIds.next());
        }
        return null;
    }
}
