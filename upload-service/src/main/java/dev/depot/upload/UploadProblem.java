package dev.depot.upload;

import dev.depot.kit.problem.ProblemCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The upload service's problem catalog, with the statuses the tus 1.0.0 protocol names. */
public final class UploadProblem {

    public static final ProblemCode UNSUPPORTED_VERSION =
            ProblemCode.of("TUS_VERSION_UNSUPPORTED", HttpStatus.PRECONDITION_FAILED, "Unsupported tus version");
    public static final ProblemCode INVALID_HEADER =
            ProblemCode.of("INVALID_UPLOAD_HEADER", HttpStatus.BAD_REQUEST, "Invalid upload header");
    public static final ProblemCode INVALID_METADATA =
            ProblemCode.of("INVALID_UPLOAD_METADATA", HttpStatus.BAD_REQUEST, "Invalid Upload-Metadata");
    public static final ProblemCode TICKET_REQUIRED =
            ProblemCode.of("TICKET_REQUIRED", HttpStatus.UNAUTHORIZED, "Upload ticket required");
    public static final ProblemCode TICKET_INVALID =
            ProblemCode.of("TICKET_INVALID", HttpStatus.FORBIDDEN, "Invalid upload ticket");
    public static final ProblemCode TICKET_EXPIRED =
            ProblemCode.of("TICKET_EXPIRED", HttpStatus.FORBIDDEN, "Upload ticket expired");
    public static final ProblemCode LENGTH_MISMATCH =
            ProblemCode.of("UPLOAD_LENGTH_MISMATCH", HttpStatus.BAD_REQUEST, "Upload length differs from the ticket");
    public static final ProblemCode TOO_LARGE =
            ProblemCode.of("UPLOAD_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE, "Upload too large");
    public static final ProblemCode UPLOAD_EXISTS =
            ProblemCode.of("UPLOAD_EXISTS", HttpStatus.CONFLICT, "Upload already created");
    public static final ProblemCode NOT_FOUND =
            ProblemCode.of("UPLOAD_NOT_FOUND", HttpStatus.NOT_FOUND, "Upload not found");
    public static final ProblemCode GONE =
            ProblemCode.of("UPLOAD_GONE", HttpStatus.GONE, "Upload expired or terminated");
    public static final ProblemCode OFFSET_MISMATCH =
            ProblemCode.of("UPLOAD_OFFSET_MISMATCH", HttpStatus.CONFLICT, "Upload offset mismatch");
    public static final ProblemCode COMPLETE =
            ProblemCode.of("UPLOAD_COMPLETE", HttpStatus.CONFLICT, "Upload already complete");
    public static final ProblemCode LOCKED = ProblemCode.of("UPLOAD_LOCKED", HttpStatus.LOCKED, "Upload busy");
    public static final ProblemCode WRONG_CONTENT_TYPE =
            ProblemCode.of("UPLOAD_CONTENT_TYPE", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Wrong content type");
    public static final ProblemCode CHECKSUM_ALGORITHM =
            ProblemCode.of("CHECKSUM_ALGORITHM_UNSUPPORTED", HttpStatus.BAD_REQUEST, "Unsupported checksum algorithm");
    public static final ProblemCode CHECKSUM_MISMATCH =
            ProblemCode.of("CHECKSUM_MISMATCH", HttpStatusCode.valueOf(460), "Checksum mismatch");
    public static final ProblemCode STORAGE_UNAVAILABLE =
            ProblemCode.of("STORAGE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable");

    private UploadProblem() {}
}
