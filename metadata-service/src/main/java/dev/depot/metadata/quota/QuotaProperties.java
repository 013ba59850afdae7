package dev.depot.metadata.quota;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Storage limits.
 *
 * @param defaultLimit what a new account may store until an administrator sets its own limit
 * @param admins usernames allowed to set other users' limits
 */
@ConfigurationProperties("depot.quota")
@Validated
public record QuotaProperties(
        @DefaultValue("10GB") DataSize defaultLimit,
        @DefaultValue Set<String> admins) {}
