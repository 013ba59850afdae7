package dev.depot.download.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;

/** Reads stored objects; the S3 adapter is the only implementation. */
public interface ObjectStore {

    /**
     * Opens {@code length} bytes of the object at {@code key} from {@code offset}, for reading whole
     * into an array. The caller closes the stream; closing it early releases the connection at once.
     *
     * @throws ObjectMissingException if no such object is stored
     */
    InputStream read(String key, long offset, long length);

    /**
     * Opens {@code length} bytes of the object at {@code key} from {@code offset} as a channel for
     * one long copy: each read takes what the connection holds, into the caller's buffer (a direct
     * one lands in no Java array). The caller closes the channel; its connection goes with it.
     *
     * @throws ObjectMissingException if no such object is stored
     * @throws IOException if the store cannot be reached, answers wrongly or stalls mid-body
     */
    ReadableByteChannel stream(String key, long offset, long length) throws IOException;
}
