package dev.depot.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.depot.contracts.accounts.v1.UserDeleted;
import dev.depot.contracts.accounts.v1.UserRegistered;
import dev.depot.contracts.mail.v1.MailRequested;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Each event, as it is written to Kafka, is accepted by the JSON Schema published for it. */
class EventSchemasTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @Test
  void accountEventsMatchTheirSchemas() {
    UUID user = UUID.randomUUID();
    Instant now = Instant.parse("2026-11-22T10:15:30.123456Z");
    assertValid(EventEnvelope.of(UserRegistered.TYPE, "/depot/auth-service", user.toString(),
        new UserRegistered(user, "alice", "alice@example.org", now), now));
    assertValid(EventEnvelope.of(UserDeleted.TYPE, "/depot/auth-service", user.toString(),
        new UserDeleted(user, now), now));
  }

  @Test
  void mailRequestsMatchTheirSchema() {
    assertValid(EventEnvelope.of(MailRequested.TYPE, "/depot/auth-service", "k",
        new MailRequested("a@example.org", "verify-email", Map.of("link", "http://x")),
        Instant.now()));
  }

  @Test
  void theSchemasRefuseWhatConsumersCouldNotRead() {
    UUID user = UUID.randomUUID();
    ObjectNode event = JSON.valueToTree(EventEnvelope.of(UserDeleted.TYPE, "/test",
        user.toString(), new UserDeleted(user, Instant.now()), Instant.now()));
    ((ObjectNode) event.get("data")).remove("userId");
    assertThat(schema(UserDeleted.TOPIC).validate(event)).isNotEmpty();
    event.put("type", UserRegistered.TOPIC);
    assertThat(schema(UserDeleted.TOPIC).validate(event)).hasSizeGreaterThanOrEqualTo(2);
  }

  private static void assertValid(EventEnvelope<?> event) {
    JsonNode json = JSON.readTree(JSON.writeValueAsString(event));
    assertThat(schema(event.type()).validate(json)).as(json.toString()).isEmpty();
  }

  private static Schema schema(String topic) {
    InputStream in = EventSchemasTest.class.getResourceAsStream("/schemas/" + topic + ".json");
    assertThat(in).as("schema of " + topic).isNotNull();
    return REGISTRY.getSchema(in);
  }
}
