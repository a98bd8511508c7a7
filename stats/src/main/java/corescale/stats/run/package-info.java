/** A run folder's own description, {@code run.json}: one record, read and written in one place. */
package corescale.stats.run;
