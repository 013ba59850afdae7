package dev.depot.auth.session;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Failed logins allowed per account and per client address within one window. */
@ConfigurationProperties("depot.auth.login-throttle")
@Validated
public record LoginThrottleProperties(
        @DefaultValue("5") @Positive int failuresPerAccount,
        @DefaultValue("30") @Positive int failuresPerAddress,
        @DefaultValue("15m") Duration window) {}
