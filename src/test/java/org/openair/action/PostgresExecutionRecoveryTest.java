package org.openair.action;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openair.store.PostgresProfile;

/**
 * The durable executor's cases again on PostgreSQL, whose read-committed transactions run side by
 * side where H2's wait more often: the race between two actions finishing at once first showed
 * there.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(
    named = PostgresProfile.URL_VARIABLE,
    matches = "jdbc:postgresql:.+",
    disabledReason = "no PostgreSQL: set OPENAIR_TEST_POSTGRES_URL or run .ci/run")
class PostgresExecutionRecoveryTest extends ExecutionRecoveryTest {}
