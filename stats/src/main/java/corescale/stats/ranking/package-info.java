/**
 * Who may be ranked and who leads: a point that lost updates, or whose benchmark says it did not
 * guard its critical section, is shown everywhere but never called fastest or best; a lead is a win
 * only when the 95% interval of the ratio of the two leaders excludes 1.
 */
package corescale.stats.ranking;
