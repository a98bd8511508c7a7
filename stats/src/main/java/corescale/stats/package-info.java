/** Statistics of benchmark results; knows the file formats, not JMH's runner. */
package corescale.stats;
