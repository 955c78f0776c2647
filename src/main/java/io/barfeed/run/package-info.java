/** A run's life: its turn, its state (only {@link io.barfeed.run.Runs} writes it), its totals and summary, the
 * once-run that exits with its code. */
package io.barfeed.run;
