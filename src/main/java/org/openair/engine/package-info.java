/**
 * The rule engine: compiles and lints {@code rules/*.drl} into immutable rule sets, reloads them,
 * and runs one investigation per Drools session with provenance on everything rules derive. The
 * only package that imports Drools; plain Java with no Quarkus or CDI, so the service, the CLI and
 * tests use it alike.
 */
package org.openair.engine;
