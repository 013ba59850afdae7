package dev.depot.upload.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A spool file opened for sending {@code [start, start + size)} to the object store. minio-java
 * (9.0.4) reads a file body once to sign it and then takes the file pointer it left behind as the
 * start of the body; reporting the region's start as the pointer keeps the body whole. The bytes
 * are always read from the file, never held in memory.
 */
final class FileRegion extends RandomAccessFile {

    private final long start;

    FileRegion(Path file, long start) throws IOException {
        super(open(file), "r");
        this.start = start;
        seek(start);
    }

    @Override
    public long getFilePointer() {
        return start;
    }

    private static java.io.File open(Path file) throws FileNotFoundException {
        java.io.File f = file.toFile();
        if (!f.isFile()) {
            throw new FileNotFoundException(file.toString());
        }
        return f;
    }
}
