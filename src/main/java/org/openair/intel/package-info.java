/**
 * Threat intelligence: indicators read from STIX 2.1, MISP, warning-list, plain-list and CSV feeds
 * or posted in bulk, stored durably, held in an immutable in-memory index swapped atomically on
 * refresh, matched against messages (links, attachment hashes, sender, sender IP) into {@link
 * org.openair.domain.IntelHit} and {@link org.openair.domain.AllowListHit} facts, and retro-hunted
 * over delivered mail when new indicators arrive.
 */
package org.openair.intel;
