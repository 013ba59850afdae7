package dev.depot.auth.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long the links sent by email work. */
@ConfigurationProperties("depot.auth.links")
record LinkProperties(
        @DefaultValue("48h") Duration verifyEmailTtl,
        @DefaultValue("30m") Duration resetPasswordTtl) {}
