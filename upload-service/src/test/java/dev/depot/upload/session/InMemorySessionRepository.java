package dev.depot.upload.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link SessionRepository} in memory, with the same compare-and-set rules as the table. */
class InMemorySessionRepository implements SessionRepository {

    private record Row(UploadSession session, Instant updatedAt) {}

    private final Map<UUID, Row> rows = new HashMap<>();

    @Override
    public synchronized boolean insert(UploadSession session, Instant now) {
        if (idOfVersion(session.versionId()).isPresent()) {
            return false;
        }
        rows.put(session.id(), new Row(session, now));
        return true;
    }

    @Override
    public synchronized Optional<UploadSession> find(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(Row::session);
    }

    @Override
    public synchronized Optional<UUID> idOfVersion(UUID versionId) {
        return rows.values().stream()
                .map(Row::session)
                .filter(s -> s.versionId().equals(versionId))
                .map(UploadSession::id)
                .findFirst();
    }

    @Override
    public synchronized boolean advance(UUID id, long expected, long stored, Instant now) {
        Row row = rows.get(id);
        if (row == null || row.session().stored() != expected || row.session().state() != UploadSession.State.OPEN) {
            return false;
        }
        rows.put(id, new Row(row.session().storedUpTo(stored), now));
        return true;
    }

    @Override
    public synchronized boolean end(UUID id, UploadSession.State state, Instant now) {
        Row row = rows.get(id);
        if (row == null || row.session().state() != UploadSession.State.OPEN) {
            return false;
        }
        UploadSession s = row.session();
        rows.put(
                id,
                new Row(
                        new UploadSession(
                                s.id(),
                                s.fileId(),
                                s.versionId(),
                                s.blobId(),
                                s.ownerId(),
                                s.length(),
                                s.declaredSha256(),
                                s.stored(),
                                s.metadata(),
                                state,
                                s.expiresAt()),
                        now));
        return true;
    }

    @Override
    public synchronized List<UploadSession> lockExpired(Instant now, int limit) {
        return rows.values().stream()
                .map(Row::session)
                .filter(s ->
                        s.state() == UploadSession.State.OPEN && !s.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(UploadSession::expiresAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int deleteEndedBefore(Instant cutoff) {
        int before = rows.size();
        rows.values()
                .removeIf(r -> r.session().state() != UploadSession.State.OPEN
                        && r.updatedAt().isBefore(cutoff));
        return before - rows.size();
    }
}
