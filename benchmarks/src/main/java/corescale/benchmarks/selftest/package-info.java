/**
 * Benchmarks that exist to test the suite itself: for the sweep runner a fast one, one that
 * throws, one that hangs and one that waits until its test lets it go; for the counters family the
 * bare primitives ({@code BareCounters}) to hold its numbers against. The sweep skips this package
 * unless the filter names it.
 */
package corescale.benchmarks.selftest;
