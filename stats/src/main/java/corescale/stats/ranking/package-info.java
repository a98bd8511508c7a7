/**
 * Who may be ranked and who leads: a point that lost updates, that did not guard its critical
 * section, that is above its bound, held back by the service or measured by one fork is shown
 * everywhere but never called fastest or best ({@link corescale.stats.ranking.Eligibility}); a lead is
 * called only when its leader's lead over every other ranked point is a discovery among all the
 * report's leads ({@link corescale.stats.ranking.Leads}); a point held back by the service may still
 * be called faster than every ranked point, as at least that fast ({@link corescale.stats.ranking.HeldBackAhead}).
 */
package corescale.stats.ranking;
