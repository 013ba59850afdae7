package dev.depot.kit.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The secret behind signed data-plane tickets, shared by metadata-service (which signs) and the
 * upload and download services (which verify).
 *
 * @param secret HMAC secret, at least 32 bytes
 */
@ConfigurationProperties("depot.tickets")
@Validated
public record TicketProperties(@NotBlank @Size(min = 32) String secret) {}
