package dev.depot.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void ticketsInPathsAreRedacted() {
        assertThat(AccessLog.redact("/dl/v1.eyJvcCI6IkRPV05MT0FEIn0.c2lnbmF0dXJl"))
                .isEqualTo("/dl/v1.<ticket>");
        assertThat(AccessLog.redact("/api/me")).isEqualTo("/api/me");
    }
}
