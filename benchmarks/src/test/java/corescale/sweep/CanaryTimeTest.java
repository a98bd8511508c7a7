package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What the plan counts for a canary reading grows with the chain the machine's cache calls for. */
class CanaryTimeTest {

    @Test
    void aReadingIs8SecondsWithTheSmallestChainAnd4MoreForEachGiBBeyond() {
        assertEquals(Duration.ofSeconds(8), CanaryRecorder.time(64L << 20));
        // 1 GiB is 960 MiB beyond 64: 4 s × 960/1024 = 3.75 s more (11.6 s measured on a 300 MiB L3).
        assertEquals(Duration.ofMillis(11_750), CanaryRecorder.time(1L << 30));
        assertEquals(Duration.ofSeconds(8), CanaryRecorder.time(0), "no smaller than the smallest chain's");
    }
}
