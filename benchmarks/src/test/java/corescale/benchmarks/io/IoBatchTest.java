package corescale.benchmarks.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The in-flight figure the io bound (concurrency / delay) is made of. */
class IoBatchTest {

    @Test
    void aBatchThatDividesIntoWholeRoundsKeepsItsLimitInFlight() {
        assertEquals(2.0, IoBatch.meanInFlight(200, 2));   // 100 rounds of 2
        assertEquals(1.0, IoBatch.meanInFlight(1000, 1));  // 1000 rounds of 1
        assertEquals(200.0, IoBatch.meanInFlight(200, 200)); // one round: every request at once
    }

    @Test
    void aBatchWithAPartRoundHasFewerInFlightOnAverage() {
        assertEquals(40.0, IoBatch.meanInFlight(200, 48));        // 48, 48, 48, 48, 8: 5 rounds
        assertEquals(200.0 / 67, IoBatch.meanInFlight(200, 3));   // 66 rounds of 3 and one of 2
    }
}
