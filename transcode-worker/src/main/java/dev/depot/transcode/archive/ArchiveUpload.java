package dev.depot.transcode.archive;

import java.io.OutputStream;

/**
 * An archive being written. Bytes go to the store part by part as they come; the object appears
 * whole on {@link #complete()}, and {@link #close()} without completing throws the parts away.
 */
abstract class ArchiveUpload extends OutputStream {

    /** Makes the archive visible under its key; returns its size. */
    abstract long complete();

    /** Aborts the upload unless it was completed. */
    @Override
    public abstract void close();
}
