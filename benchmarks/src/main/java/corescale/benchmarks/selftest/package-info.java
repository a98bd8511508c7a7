/**
 * Benchmarks that exist to test the sweep runner itself (a fast one, one that throws, one that
 * hangs, one that waits until its test lets it go). The sweep skips this package unless the filter
 * names it.
 */
package corescale.benchmarks.selftest;
