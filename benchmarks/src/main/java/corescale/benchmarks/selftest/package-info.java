/**
 * Benchmarks that exist to test the sweep runner itself (a fast one, one that throws, one that
 * hangs). The sweep skips this package unless the filter names it.
 */
package corescale.benchmarks.selftest;
