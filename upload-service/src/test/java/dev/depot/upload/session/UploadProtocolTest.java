package dev.depot.upload.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.uploads.v1.UploadAbandoned;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.kit.problem.DepotException;
import dev.depot.kit.problem.ProblemCode;
import dev.depot.upload.UploadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The tus rules of {@link UploadService}, on sessions and a store in memory. */
class UploadProtocolTest {

    private final InMemoryUploads uploads = new InMemoryUploads();
    private final UploadService service = uploads.service;

    @Test
    void creationKeepsToTheTicketAndToOneUploadPerTicket() {
        Ticket ticket = uploads.ticket(100, null);
        assertThat(problem(() -> open(ticket, 101, null), UploadProblem.TOO_LARGE)
                        .properties())
                .containsEntry("maxBytes", 100L);
        assertThat(problem(() -> open(ticket, 99, null), UploadProblem.LENGTH_MISMATCH)
                        .properties())
                .containsEntry("expectedLength", 100L);
        Ticket huge = uploads.ticket(InMemoryUploads.MAX_SIZE + 1, null);
        assertThat(problem(() -> open(huge, huge.maxBytes(), null), UploadProblem.TOO_LARGE)
                        .properties())
                .containsEntry("maxBytes", InMemoryUploads.MAX_SIZE);

        UploadSession first = open(ticket, 100, "filename YS50eHQ=");
        assertThat(first.stored()).isZero();
        assertThat(first.metadata()).isEqualTo("filename YS50eHQ=");
        assertThat(first.expiresAt()).isEqualTo(uploads.clock.instant().plus(InMemoryUploads.SESSION_TTL));
        assertThat(problem(() -> open(ticket, 100, null), UploadProblem.UPLOAD_EXISTS)
                        .properties())
                .containsEntry("location", "/api/uploads/" + first.id());
    }

    @Test
    void anUploadEndsWhenItsTicketDoesIfThatIsSooner() {
        Ticket soon = new Ticket(
                Ticket.Operation.UPLOAD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                10,
                null,
                uploads.clock.instant().plus(Duration.ofHours(1)),
                null);
        assertThat(open(soon, 10, null).expiresAt()).isEqualTo(soon.expiresAt());
    }

    @Test
    void bytesAreTakenOnlyAtTheOffsetStoredSoFar() {
        UploadSession session = create(10);
        assertThat(write(session.id(), 0, "abc").stored()).isEqualTo(3);
        for (long wrong : new long[] {0, 1, 4, 10}) {
            assertThat(problem(() -> write(session.id(), wrong, "d"), UploadProblem.OFFSET_MISMATCH)
                            .properties())
                    .containsEntry("expectedOffset", 3L);
        }
        assertThat(held(session)).isEqualTo("abc");
        assertThat(service.get(session.id()).stored()).isEqualTo(3);
    }

    @Test
    void aRequestTakesNoMoreThanTheRoomLeftAndNothingOfALargerOne() {
        UploadSession session = create(10);
        write(session.id(), 0, "abc");
        assertThat(problem(() -> service.write(session.id(), 3, 8, body("12345678"), null), UploadProblem.TOO_LARGE)
                        .properties())
                .containsEntry("remainingBytes", 7L);
        assertThat(problem(() -> service.write(session.id(), 3, -1, body("12345678"), null), UploadProblem.TOO_LARGE)
                        .properties())
                .containsEntry("remainingBytes", 7L);
        assertThat(service.get(session.id()).stored()).isEqualTo(3);
        assertThat(held(session)).isEqualTo("abc");
        assertThat(service.write(session.id(), 3, -1, body("4567890"), null).state())
                .isEqualTo(UploadSession.State.COMPLETED);
    }

    @Test
    void aRequestFailingItsChecksumChangesNothing() {
        UploadSession session = create(8);
        DepotException mismatch = problem(
                () -> service.write(session.id(), 0, 4, body("abcd"), checksum("sha1", "abcX")),
                UploadProblem.CHECKSUM_MISMATCH);
        assertThat(mismatch.getMessage()).contains("sha1");
        assertThat(service.get(session.id()).stored()).isZero();
        assertThat(held(session)).isEmpty();
        assertThat(service.write(session.id(), 0, 4, body("abcd"), checksum("sha256", "abcd"))
                        .stored())
                .isEqualTo(4);
        assertThat(held(session)).isEqualTo("abcd");
    }

    @Test
    void anInterruptedRequestKeepsWhatArrivedAndTheUploadResumesThere() {
        UploadSession session = create(10);
        UploadSession cut = service.write(session.id(), 0, 10, breakingAfter("abcdef"), null);
        assertThat(cut.stored()).isEqualTo(6);
        assertThat(cut.state()).isEqualTo(UploadSession.State.OPEN);
        assertThat(service.get(session.id()).stored()).isEqualTo(6);
        assertThat(held(session)).isEqualTo("abcdef");

        assertThat(write(session.id(), 6, "ghij").state()).isEqualTo(UploadSession.State.COMPLETED);
        assertThat(object(session)).isEqualTo("abcdefghij");
    }

    @Test
    void anInterruptedRequestWithAChecksumKeepsNothing() {
        UploadSession session = create(10);
        UploadSession cut = service.write(session.id(), 0, 10, breakingAfter("abcdef"), checksum("md5", "abcdefghij"));
        assertThat(cut.stored()).isZero();
        assertThat(held(session)).isEmpty();
    }

    @Test
    void anEmptyRequestChangesNothing() {
        UploadSession session = create(10);
        write(session.id(), 0, "abc");
        assertThat(service.write(session.id(), 3, 0, body(""), null).stored()).isEqualTo(3);
        assertThat(held(session)).isEqualTo("abc");
    }

    @Test
    void theUploadCompletesAndIsAnnouncedOnlyWhenEveryByteIsStored() {
        UploadSession session = create(6);
        assertThat(write(session.id(), 0, "abc").state()).isEqualTo(UploadSession.State.OPEN);
        assertThat(uploads.events).isEmpty();
        assertThat(uploads.store.object(session.blobId())).isEmpty();

        UploadSession done = write(session.id(), 3, "def");
        assertThat(done.state()).isEqualTo(UploadSession.State.COMPLETED);
        assertThat(done.stored()).isEqualTo(6);
        assertThat(object(session)).isEqualTo("abcdef");
        assertThat(uploads.store.held(session.id())).isEmpty();
        assertThat(uploads.events).singleElement().isInstanceOfSatisfying(UploadCompleted.class, e -> {
            assertThat(e.fileId()).isEqualTo(session.fileId());
            assertThat(e.versionId()).isEqualTo(session.versionId());
            assertThat(e.blobId()).isEqualTo(session.blobId());
            assertThat(e.size()).isEqualTo(6);
            assertThat(e.sha256()).isEqualTo(sha256("abcdef"));
        });

        assertThat(service.write(session.id(), 6, 0, body(""), null).state()).isEqualTo(UploadSession.State.COMPLETED);
        problem(() -> write(session.id(), 6, "x"), UploadProblem.COMPLETE);
        problem(() -> service.terminate(session.id()), UploadProblem.COMPLETE);
        assertThat(uploads.events).hasSize(1);
    }

    @Test
    void aZeroByteUploadIsCompleteOnceCreated() {
        UploadSession session = open(uploads.ticket(0, null), 0, null);
        assertThat(session.state()).isEqualTo(UploadSession.State.COMPLETED);
        assertThat(object(session)).isEmpty();
        assertThat(uploads.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        UploadCompleted.class, e -> assertThat(e.size()).isZero());
    }

    @Test
    void theCreationRequestsBytesAreStoredWithinTheRoomOfTheUpload() {
        UploadSession withBytes =
                service.create(uploads.ticket(10, null), 10, null, 4, body("abcd"), checksum("sha256", "abcd"));
        assertThat(withBytes.stored()).isEqualTo(4);
        assertThat(held(withBytes)).isEqualTo("abcd");

        Ticket small = uploads.ticket(3, null);
        assertThat(problem(() -> service.create(small, 3, null, 4, body("abcd"), null), UploadProblem.TOO_LARGE)
                        .properties())
                .containsEntry("remainingBytes", 3L);
        UploadSession session =
                service.get(uploads.sessions.idOfVersion(small.versionId()).orElseThrow());
        assertThat(session.stored()).isZero();
        assertThat(write(session.id(), 0, "abc").state()).isEqualTo(UploadSession.State.COMPLETED);
    }

    @Test
    void bytesThatAreNotWhatWasDeclaredFailTheUploadAndLeaveNothing() {
        UploadSession session = open(uploads.ticket(6, sha256("abcdef")), 6, null);
        write(session.id(), 0, "abc");
        assertThat(problem(() -> write(session.id(), 3, "deX"), UploadProblem.CHECKSUM_MISMATCH)
                        .properties())
                .containsEntry("declaredSha256", sha256("abcdef"));
        problem(() -> service.get(session.id()), UploadProblem.GONE);
        assertThat(uploads.store.held(session.id())).isEmpty();
        assertThat(uploads.store.object(session.blobId())).isEmpty();
        assertThat(uploads.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        UploadAbandoned.class, e -> assertThat(e.reason()).isEqualTo(UploadAbandoned.Reason.FAILED));

        UploadSession honest = open(uploads.ticket(6, sha256("abcdef")), 6, null);
        assertThat(write(honest.id(), 0, "abcdef").state()).isEqualTo(UploadSession.State.COMPLETED);
    }

    @Test
    void terminationEndsTheUploadAndEmptiesTheStore() {
        UploadSession session = create(10);
        write(session.id(), 0, "abc");
        service.terminate(session.id());
        assertThat(uploads.store.held(session.id())).isEmpty();
        assertThat(uploads.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        UploadAbandoned.class,
                        e -> assertThat(e.reason()).isEqualTo(UploadAbandoned.Reason.TERMINATED));
        problem(() -> service.get(session.id()), UploadProblem.GONE);
        problem(() -> write(session.id(), 3, "def"), UploadProblem.GONE);
        problem(() -> service.terminate(session.id()), UploadProblem.GONE);
    }

    @Test
    void expiredUploadsAreGoneAtOnceAndTheSweepEmptiesTheStore() {
        UploadSession early = create(10);
        write(early.id(), 0, "abc");
        uploads.clock.advance(Duration.ofHours(12));
        UploadSession late = create(10);
        write(late.id(), 0, "xyz");
        uploads.clock.advance(Duration.ofHours(12));

        problem(() -> write(early.id(), 3, "def"), UploadProblem.GONE);
        assertThat(uploads.store.held(early.id())).isPresent();
        assertThat(service.expire()).isEqualTo(1);
        assertThat(uploads.store.held(early.id())).isEmpty();
        assertThat(uploads.store.held(late.id())).isPresent();
        assertThat(uploads.events).singleElement().isInstanceOfSatisfying(UploadAbandoned.class, e -> {
            assertThat(e.versionId()).isEqualTo(early.versionId());
            assertThat(e.reason()).isEqualTo(UploadAbandoned.Reason.EXPIRED);
        });
        problem(() -> service.get(early.id()), UploadProblem.GONE);
        assertThat(service.get(late.id()).stored()).isEqualTo(3);

        uploads.clock.advance(InMemoryUploads.ENDED_RETENTION.plusHours(1));
        assertThat(service.expire()).isEqualTo(1);
        problem(() -> service.get(early.id()), UploadProblem.NOT_FOUND);
        problem(() -> service.get(late.id()), UploadProblem.GONE);
    }

    @Test
    void aSecondRequestIsRefusedWhileTheFirstHoldsTheUpload() throws Exception {
        UploadSession session = create(10);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new SequenceInputStream(
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        reading.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        return -1;
                    }
                },
                body("abcde"));
        CompletableFuture<UploadSession> first =
                CompletableFuture.supplyAsync(() -> service.write(session.id(), 0, 5, slow, null));
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        problem(() -> write(session.id(), 0, "abcde"), UploadProblem.LOCKED);
        problem(() -> service.terminate(session.id()), UploadProblem.LOCKED);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).stored()).isEqualTo(5);
        assertThat(write(session.id(), 5, "fghij").state()).isEqualTo(UploadSession.State.COMPLETED);
    }

    @Test
    void aWriterOvertakenByAnotherInstanceRecordsNothing() {
        UploadSession session = create(10);
        InputStream overtaken = new SequenceInputStream(body("abc"), new InputStream() {
            @Override
            public int read() {
                uploads.sessions.advance(session.id(), 0, 3, uploads.clock.instant());
                return -1;
            }
        });
        DepotException lost =
                problem(() -> service.write(session.id(), 0, 3, overtaken, null), UploadProblem.OFFSET_MISMATCH);
        assertThat(lost.getMessage()).contains("at the same time");
        assertThat(held(session)).isEmpty();
    }

    @Test
    void anUnreachableStoreAsksForTheBytesAgain() {
        UploadSession session = create(10);
        uploads.store.failNextWrite();
        problem(() -> write(session.id(), 0, "abc"), UploadProblem.STORAGE_UNAVAILABLE);
        assertThat(service.get(session.id()).stored()).isZero();
        assertThat(write(session.id(), 0, "abc").stored()).isEqualTo(3);
    }

    @Test
    void unknownUploadsAreNotFound() {
        problem(() -> service.get(UUID.randomUUID()), UploadProblem.NOT_FOUND);
        problem(() -> write(UUID.randomUUID(), 0, "a"), UploadProblem.NOT_FOUND);
    }

    private UploadSession create(long length) {
        return open(uploads.ticket(length, null), length, null);
    }

    /** A creation request without bytes. */
    private UploadSession open(Ticket ticket, long length, String metadata) {
        return service.create(ticket, length, metadata, -1, null, null);
    }

    private UploadSession write(UUID id, long offset, String bytes) {
        return service.write(id, offset, bytes.length(), body(bytes), null);
    }

    private String held(UploadSession session) {
        return uploads.store
                .held(session.id())
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow();
    }

    private String object(UploadSession session) {
        return uploads.store
                .object(session.blobId())
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow();
    }

    private static InputStream body(String bytes) {
        return new ByteArrayInputStream(bytes.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes, then the connection breaks. */
    private static InputStream breakingAfter(String bytes) {
        return new SequenceInputStream(body(bytes), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
    }

    /** The {@code Upload-Checksum} of {@code of}'s bytes. */
    private static Checksum checksum(String algorithm, String of) {
        return Checksum.parse(algorithm
                + " "
                + Base64.getEncoder()
                        .encodeToString(digest(
                                switch (algorithm) {
                                    case "sha1" -> "SHA-1";
                                    case "sha256" -> "SHA-256";
                                    default -> "MD5";
                                },
                                of)));
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest("SHA-256", text));
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DepotException problem(ThrowingCallable call, ProblemCode expected) {
        DepotException thrown = catchThrowableOfType(DepotException.class, call);
        assertThat(thrown).as("expected %s", expected.code()).isNotNull();
        assertThat(thrown.problem().code()).isEqualTo(expected.code());
        return thrown;
    }
}
