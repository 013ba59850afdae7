package dev.depot.download;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signed download links against a real S3 server. */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DownloadServiceTest {

  @LocalServerPort
  int port;

  @Autowired
  TicketCodec tickets;

  @Autowired
  MinioClient s3;

  private Ticket ticket(Ticket.Operation operation, Instant expires) {
    return new Ticket(operation, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID(), 0, null, expires, new Ticket.Delivery("hello.txt", "text/plain", false));
  }

  private HttpResponse<String> download(String token) throws Exception {
    return new ServiceClient(port).get("/dl/" + token, null);
  }

  @Test
  void streamsTheVersionATicketNames() throws Exception {
    Ticket granted = ticket(Ticket.Operation.DOWNLOAD, Instant.now().plusSeconds(600));
    byte[] content = "hello, depot".getBytes();
    s3.putObject(PutObjectArgs.builder()
        .bucket(TestInfra.variables().get("DEPOT_S3_BUCKET"))
        .object(ObjectKeys.blob(granted.blobId()))
        .stream(new ByteArrayInputStream(content), (long) content.length, null).build());
    HttpResponse<String> response = download(tickets.sign(granted));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello, depot");
    assertThat(response.headers().firstValue("ETag")).hasValue("\"" + granted.blobId() + "\"");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void aMissingObjectIsA404Problem() throws Exception {
    String token = tickets.sign(ticket(Ticket.Operation.DOWNLOAD, Instant.now().plusSeconds(60)));
    assertProblem(download(token), 404, "OBJECT_NOT_FOUND");
  }

  @Test
  void forgedExpiredAndWrongOperationTicketsAreRefused() throws Exception {
    TicketCodec foreign = new TicketCodec("a-secret-that-depot-never-uses-12345", Clock.systemUTC());
    assertProblem(download(foreign.sign(ticket(Ticket.Operation.DOWNLOAD,
        Instant.now().plusSeconds(60)))), 403, "TICKET_INVALID");
    assertProblem(download(tickets.sign(ticket(Ticket.Operation.DOWNLOAD,
        Instant.now().minusSeconds(1)))), 403, "TICKET_EXPIRED");
    assertProblem(download(tickets.sign(ticket(Ticket.Operation.UPLOAD,
        Instant.now().plusSeconds(60)))), 403, "TICKET_INVALID");
    assertProblem(download("garbage"), 403, "TICKET_INVALID");
  }

  @Test
  void composeAndConfigurationAgree() {
    assertThat(ComposeContract.check(ComposeContract.composeFile(), "download-service",
        getClass().getClassLoader())).isEmpty();
  }
}
