package dev.depot.metadata.file;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A file's versions and their blobs, for the features that add and settle them (uploads) inside
 * their own transaction.
 */
@Service
public class VersionService {

    private final VersionRepository versions;

    VersionService(VersionRepository versions) {
        this.versions = versions;
    }

    public Optional<Version> find(UUID id) {
        return versions.find(id);
    }

    /** The version, its row locked until the transaction ends. */
    public Optional<Version> lock(UUID id) {
        return versions.lock(id);
    }

    /** Newest first, uploads in progress included. */
    public List<Version> ofFile(UUID fileId) {
        return versions.ofFile(fileId);
    }

    public int nextNumber(UUID fileId) {
        return versions.nextNumber(fileId);
    }

    public void insertBlob(UUID blobId, UUID ownerId, long size, String sha256, boolean stored, Instant now) {
        versions.insertBlob(blobId, ownerId, size, sha256, stored, now);
    }

    /** Inserts a version; one still processing (a copy of one) waits from its creation. */
    public void insert(Version version) {
        versions.insert(version);
    }

    /** The upload's bytes are stored: the version (now processing) and its blob say so. */
    public void markStored(Version version, String sha256, Instant now) {
        versions.markStored(version, sha256, now);
    }

    /** Versions still uploading whose session expired before {@code cutoff}. */
    public List<UUID> uploadsExpiredBefore(Instant cutoff) {
        return versions.uploadsExpiredBefore(cutoff);
    }

    public void delete(UUID versionId) {
        versions.delete(versionId);
    }
}
