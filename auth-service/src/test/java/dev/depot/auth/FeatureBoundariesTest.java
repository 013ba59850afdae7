package dev.depot.auth;

import dev.depot.localinfra.FeatureBoundaries;
import org.junit.jupiter.api.Test;

/** The feature packages form a graph without cycles and keep their repositories to themselves. */
class FeatureBoundariesTest {

    @Test
    void featuresDependOnEachOtherInOneDirectionAndNotOnEachOthersRepositories() {
        FeatureBoundaries.verify("dev.depot.auth");
    }
}
