package dev.depot.transcode.processing;

/**
 * The content of a blob cannot be previewed (corrupt, too large, encrypted, undecodable). A
 * property of the bytes, so retrying is useless: the version is reported PREVIEW_FAILED with the
 * message, which is meant for people and never quotes the content.
 */
class PreviewFailedException extends Exception {

    PreviewFailedException(String message) {
        super(message);
    }

    PreviewFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
