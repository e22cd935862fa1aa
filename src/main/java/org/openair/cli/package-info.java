/**
 * The command line: {@code rules check}, {@code rules test} and {@code backtest}. Plain Java over
 * the engine and intake: it starts no server and needs no database, so {@link org.openair.Main}
 * runs it before Quarkus starts.
 */
package org.openair.cli;
