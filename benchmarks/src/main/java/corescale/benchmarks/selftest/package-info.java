/**
 * Benchmarks that exist to test the suite itself: for the sweep runner a fast one, one that
 * throws and one that hangs; for the counters family the bare primitives ({@code BareCounters})
 * to hold its numbers against. The sweep skips this package unless the filter names it.
 */
package corescale.benchmarks.selftest;
