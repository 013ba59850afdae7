package dev.depot.upload.tus;

/** The tus 1.0.0 header names this endpoint reads and writes. */
final class TusHeaders {

    static final String VERSION = "1.0.0";
    static final String RESUMABLE = "Tus-Resumable";
    static final String SUPPORTED_VERSIONS = "Tus-Version";
    static final String EXTENSIONS = "Tus-Extension";
    static final String MAX_SIZE = "Tus-Max-Size";
    static final String CHECKSUM_ALGORITHMS = "Tus-Checksum-Algorithm";
    static final String OFFSET = "Upload-Offset";
    static final String LENGTH = "Upload-Length";
    static final String DEFER_LENGTH = "Upload-Defer-Length";
    static final String METADATA = "Upload-Metadata";
    static final String EXPIRES = "Upload-Expires";
    static final String CHECKSUM = "Upload-Checksum";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private TusHeaders() {}
}
